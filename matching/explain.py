"""Every score explained in plain language, per component — strengths only.

The workshop's "show strengths, hide weaknesses": a component that gives no points says
nothing, and a component that gives some points says what *does* fit. Each component
phrases its own facts (its declaration in matching/components/), for the jobseeker ("u")
or about them ("de kandidaat"); for an employer (and an account manager looking at another
municipality's candidate) a component is left out when the field catalogue does not let
them see the data it is built on.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from hallowerk.models import Occupation, Sector
from privacy.catalogue import EmployerVisibility, field_spec

from .components import COMPONENTS, DECLARED, Audience
from .components.languages import LANGUAGE_NAMES
from .scoring import MatchResult

__all__ = ["COMPONENT_FIELDS", "COMPONENT_LABELS", "LANGUAGE_NAMES", "Audience", "Strength",
           "component_label", "employer_may_see", "explain", "explain_all"]

COMPONENT_LABELS = {component.key: component.label for component in COMPONENTS}
# What each component reads about the candidate (catalogue keys), so an employer's
# explanation never shows more than the catalogue allows them to see.
COMPONENT_FIELDS = {component.key: list(component.reads) for component in COMPONENTS}


@dataclass(frozen=True)
class Strength:
    component: str
    text: str


def employer_may_see(component: str) -> bool:
    return all(field_spec(model, name).employer != EmployerVisibility.NEVER
               for model, name in COMPONENT_FIELDS[component])


class _Labels:
    """Occupation and sector names for a batch of results, in two queries."""

    def __init__(self, results: Iterable[MatchResult]):
        codes, sector_ids = set(), set()
        for result in results:
            codes.add(result.component("occupation").facts.get("code"))
            sector_ids.add(result.component("sector").facts.get("sector_id"))
        self.occupations = {o.isco_code: o for o in Occupation.objects.filter(isco_code__in=codes)}
        self.sectors = Sector.objects.in_bulk([pk for pk in sector_ids if pk is not None])


def explain(result: MatchResult, audience: Audience, labels: _Labels | None = None
            ) -> list[Strength]:
    """The strengths of one match, in component order."""
    labels = labels or _Labels([result])
    strengths = []
    for declared in COMPONENTS:
        component = result.component(declared.key)
        if not component.applies or component.points == 0 or component.excluded:
            continue
        if audience == Audience.EMPLOYER and not employer_may_see(declared.key):
            continue
        strengths += [Strength(declared.key, text)
                      for text in declared.phrases(component.facts, audience, labels)]
    return strengths


def explain_all(results: list[MatchResult], audience: Audience | list[Audience]
                ) -> list[list[Strength]]:
    """Explanations for a list of results; one audience for all, or one per result."""
    labels = _Labels(results)
    audiences = audience if isinstance(audience, list) else [audience] * len(results)
    return [explain(result, who, labels) for result, who in zip(results, audiences, strict=True)]


def component_label(key: str) -> str:
    return str(DECLARED[key].label)
