"""A score from the components: a weighted average over the components that apply.

score = Σ weight × points / (100 × Σ weight), over applying components — so 1.0 means "fits
everything the vacancy asks". A pair is *suggested* only when no hard requirement excludes
it and it is relevant: a related occupation (at least the same ISCO sub-major group) or a
sector the candidate chose. Ties are ordered by a fixed scramble of the two ids, so equal scores do
not always favour whoever registered first, yet the order never changes between requests.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from .components import COMPONENT_KEYS, COMPONENTS, RELEVANT_CLOSENESS, Component
from .features import CandidateFeatures, VacancyFeatures

# tiebreak(c, v) = (c × A + v × B) mod M, the same in Python and SQL (bigint, no overflow
# below ids of 10^9).
TIEBREAK_A, TIEBREAK_B, TIEBREAK_M = 2654435761, 40503, 1000003


@dataclass(frozen=True)
class Weights:
    values: Mapping[str, int]

    def __getitem__(self, key: str) -> int:
        return self.values[key]

    @classmethod
    def defaults(cls) -> "Weights":
        return cls({component.key: component.weight.default for component in COMPONENTS})

    @classmethod
    def of(cls, row) -> "Weights":
        return cls({key: getattr(row, key) for key in COMPONENT_KEYS})


@dataclass(frozen=True)
class MatchResult:
    candidate_id: int
    vacancy_id: int
    components: tuple[Component, ...]
    num: int
    den: int

    @property
    def excluded(self) -> bool:
        return any(component.excluded for component in self.components)

    @property
    def relevant(self) -> bool:
        closeness = self.component("occupation").facts["closeness"]
        return closeness >= RELEVANT_CLOSENESS or self.component("sector").points > 0

    @property
    def suggested(self) -> bool:
        return self.relevant and not self.excluded

    @property
    def ratio(self) -> float:
        return self.num / self.den if self.den else 0.0

    @property
    def percent(self) -> int:
        return self.num * 100 // self.den if self.den else 0

    def component(self, key: str) -> Component:
        return next(component for component in self.components if component.key == key)


def match(c: CandidateFeatures, v: VacancyFeatures, weights: Weights) -> MatchResult:
    components = tuple(component.score(c, v) for component in COMPONENTS)
    counted = [component for component in components if component.applies]
    num = sum(weights[component.key] * component.points for component in counted)
    den = 100 * sum(weights[component.key] for component in counted)
    return MatchResult(c.id, v.id, components, num, den)


def tiebreak(candidate_id: int, vacancy_id: int) -> int:
    return (candidate_id * TIEBREAK_A + vacancy_id * TIEBREAK_B) % TIEBREAK_M


def candidate_order(result: MatchResult) -> tuple:
    """Best candidate first (for one vacancy)."""
    return (-result.ratio, tiebreak(result.candidate_id, result.vacancy_id), result.candidate_id)


def vacancy_order(result: MatchResult) -> tuple:
    """Best vacancy first (for one candidate)."""
    return (-result.ratio, tiebreak(result.candidate_id, result.vacancy_id), result.vacancy_id)
