"""The components of components.py as PostgreSQL expressions, for ranking at scale.

Both directions compute the same integers as the Python reference (tests/matching/
test_sql_equivalence.py compares them on random data), so the database ranks and Python
only explains the 25 rows it returns:

- candidates.py: candidates for a vacancy;
- vacancies.py: vacancies for a candidate;
- common.py: what both share (parameters, folding, distance, hours, ties).

Distances repeat hallowerk.reference.haversine_km operation by operation (radians as a
multiplication by Python's own constant), so a floor() or a "farther than" never lands on a
different side in SQL than in Python.
"""

from .candidates import Reach, candidates_for_vacancy
from .common import Params, skill_pattern
from .vacancies import vacancies_for_candidate

__all__ = ["Params", "Reach", "candidates_for_vacancy", "skill_pattern", "vacancies_for_candidate"]
