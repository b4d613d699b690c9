"""The eight components of a match, each declared once in its own module (base.py says what
a declaration holds): a small rule from a candidate and a vacancy to 0–100 points, the same
rule as SQL for both rankings, and the words that explain it.

A component *applies* when the vacancy asks something of it (a vacancy without a sector has
no sector component); only applying components count, so the score is "how well it fits, on
what the vacancy asks". When the candidate left a question open, that component gives 0
points: there is no strength to show, and it is never a reason to exclude.

Hard requirements (`hard`): a required driving licence the candidate does not hold; a
physical demand the candidate answered "cannot" to; a workplace farther away than the
maximum travel distance the candidate set. Everything else ranks.
"""

from .availability import AVAILABILITY
from .base import Audience, Component, Declared, RowTerm, VacancySide, not_applicable
from .driving_licence import DRIVING_LICENCE
from .languages import LANGUAGES
from .occupation import OCCUPATION, OCCUPATION_POINTS, RELEVANT_CLOSENESS
from .physical import PHYSICAL
from .sector import SECTOR
from .skills import SKILLS
from .travel import TRAVEL

# In the order explanations list them.
COMPONENTS: tuple[Declared, ...] = (
    OCCUPATION, SKILLS, SECTOR, AVAILABILITY, TRAVEL, DRIVING_LICENCE, LANGUAGES, PHYSICAL)
DECLARED: dict[str, Declared] = {component.key: component for component in COMPONENTS}
COMPONENT_KEYS: tuple[str, ...] = tuple(DECLARED)
HARD_REQUIREMENTS: tuple[str, ...] = tuple(c.key for c in COMPONENTS if c.hard)

__all__ = ["COMPONENTS", "COMPONENT_KEYS", "DECLARED", "HARD_REQUIREMENTS", "OCCUPATION_POINTS",
           "RELEVANT_CLOSENESS", "Audience", "Component", "Declared", "RowTerm", "VacancySide",
           "not_applicable"]
