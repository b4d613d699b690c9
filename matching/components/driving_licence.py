"""Driving licence: a hard requirement. Applies when the vacancy requires a licence; the
candidate holds it (or one that includes it under Dutch rules) or the pair is excluded."""

from collections.abc import Iterable

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about, not_applicable

# A licence held also counts for the ones it includes under Dutch rules (C needs B, …).
LICENCE_INCLUDES = {
    "AM": {"AM"},
    "A": {"A", "AM"},
    "B": {"B", "AM"},
    "BE": {"BE", "B", "AM"},
    "C": {"C", "B", "AM"},
    "CE": {"CE", "C", "BE", "B", "AM"},
    "D": {"D", "B", "AM"},
}


def licences_covered(held: Iterable[str]) -> set[str]:
    covered: set[str] = set()
    for licence in held:
        covered |= LICENCE_INCLUDES.get(licence, {licence})
    return covered


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    if not v.driving_licence:
        return not_applicable("driving_licence")
    if v.driving_licence in licences_covered(c.driving_licences):
        return Component("driving_licence", True, 100, facts={"licence": v.driving_licence})
    return Component("driving_licence", True, 0, excluded=True)


def for_vacancy(side: VacancySide) -> RowTerm | None:
    required = side.vacancy.driving_licence
    if not required:
        return None
    covering = sorted({required} | {held for held in LICENCE_INCLUDES
                                    if required in licences_covered([held])})
    return RowTerm(points=Sql("100"), where=(
        sql("p.driving_licences && {covering}", covering=Sql.value(covering, "::varchar[]")),))


def for_candidate(c: CandidateFeatures) -> RowTerm:
    covered = Sql.value(sorted(licences_covered(c.driving_licences)), "::text[]")
    return RowTerm(applies=Sql("v.required_driving_licence <> ''"), points=Sql("100"), where=(
        sql("(v.required_driving_licence = '' OR v.required_driving_licence = ANY({covered}))",
            covered=covered),))


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    text = about(audience, gettext("U hebt het rijbewijs dat nodig is: %(licence)s."),
                 gettext("De kandidaat heeft het rijbewijs dat nodig is: %(licence)s."))
    return [text % {"licence": facts["licence"]}]


DRIVING_LICENCE = Declared(
    key="driving_licence", label=_("Rijbewijs"), weight=Weight(_("rijbewijs"), 1),
    reads=(("candidates.Profile", "driving_licences"),), hard=True,
    score=score, for_vacancy=for_vacancy, for_candidate=for_candidate, phrases=phrases)
