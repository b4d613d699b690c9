"""What a component of a match is, declared once: its rule, its SQL, its words and its weight.

Each module of this package declares one component (a `Declared`): the rule in Python (the
readable reference, and the facts an explanation needs), the same rule as SQL for both
rankings (`for_vacancy`: the candidates of a known vacancy; `for_candidate`: the vacancies of
a known candidate), the plain-language strengths it shows, the catalogue fields it reads
and its weight. The rankings (matching/sql/), the score (scoring.py), the explanation
(explain.py) and the weights model are assembled from these declarations; the SQL≡Python
test (tests/matching/test_sql_equivalence.py) holds each declaration's two forms equal.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # django-stubs' name for a lazy translated string (dev only)
    from django_stubs_ext import StrPromise

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Sql


@dataclass(frozen=True)
class Component:
    """One component's result for one pair."""

    key: str
    applies: bool
    points: int = 0  # 0..100
    excluded: bool = False  # a hard requirement is not met
    facts: dict = field(default_factory=dict, compare=False)  # what the explanation needs


def not_applicable(key: str) -> Component:
    return Component(key, applies=False)


@dataclass(frozen=True)
class RowTerm:
    """A component as SQL over the rows being ranked (profiles, or vacancies).

    `columns` are computed per row first; `points` (0..100), `applies` and `excluded` are
    computed one level up and may read those columns by name. Without columns, `points`
    reads the row itself. `where` drops rows failing a hard requirement before anything is
    computed for them."""

    points: Sql
    applies: Sql | None = None  # None: applies to every row (the other side's value is known)
    where: tuple[Sql, ...] = ()
    columns: tuple[tuple[str, Sql], ...] = ()
    excluded: Sql | None = None  # a hard requirement only the columns can decide
    joins: tuple[str, ...] = ()  # tables the columns read besides the row
    # The most points a candidate can get here when they came in by the sector alone (only
    # the occupation gives fewer than 100): bounds what those candidates can score.
    ceiling_by_sector: int = 100


@dataclass(frozen=True)
class VacancySide:
    """What the SQL for one vacancy's candidates knows beforehand."""

    vacancy: VacancyFeatures
    # Occupation ids by the ISCO levels they share with the vacancy's (1–4; none: 0).
    occupation_ids: Mapping[int, list[int]]


class Audience(StrEnum):
    SELF = "self"  # the jobseeker reads about themself
    STAFF = "staff"  # their coach, or an account manager of their municipality
    EMPLOYER = "employer"  # an employer, or an account manager of another municipality


def about(audience: Audience, self_text: str, other_text: str) -> str:
    """The same fact addressed to the jobseeker ("u") or said about them."""
    return self_text if audience == Audience.SELF else other_text


@dataclass(frozen=True)
class Weight:
    label: "StrPromise"  # the weight's name on the weighting form
    default: int
    minimum: int = 0  # the occupation always counts: without it a score means nothing


@dataclass(frozen=True)
class Declared:
    key: str
    label: "StrPromise"  # the component's name in explanations and the algorithm register
    weight: Weight
    reads: tuple[tuple[str, str], ...]  # catalogue fields (model, field) the rule reads
    hard: bool  # can exclude a pair (a hard requirement)
    score: Callable[[CandidateFeatures, VacancyFeatures], Component]
    for_vacancy: Callable[[VacancySide], RowTerm | None]  # None: does not apply
    for_candidate: Callable[[CandidateFeatures], RowTerm]
    # The strengths to show, from `score`'s facts: (facts, audience, labels) → lines.
    phrases: Callable[[dict, Audience, Any], list[str]]
