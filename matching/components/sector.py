"""Sector: all points when the candidate chose the vacancy's sector. Applies when the
vacancy has a sector; a chosen sector also makes a candidate relevant (scoring.py)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about, not_applicable


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    if v.sector_id is None:
        return not_applicable("sector")
    return Component("sector", True, 100 if v.sector_id in c.sector_ids else 0,
                     facts={"sector_id": v.sector_id})


def for_vacancy(side: VacancySide) -> RowTerm | None:
    """Pool rows know whether they are in the sector's pool (`visible.in_sector`)."""
    if side.vacancy.sector_id is None:
        return None
    return RowTerm(points=Sql("CASE WHEN visible.in_sector THEN 100 ELSE 0 END"))


def for_candidate(c: CandidateFeatures) -> RowTerm:
    chosen = Sql.value(sorted(c.sector_ids), "::bigint[]")
    return RowTerm(applies=Sql("v.sector_id IS NOT NULL"),
                   points=sql("CASE WHEN v.sector_id = ANY({chosen}) THEN 100 ELSE 0 END",
                              chosen=chosen))


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    sector = labels.sectors.get(facts["sector_id"])
    text = about(audience, gettext("U wilt graag werken in deze sector: %(sector)s."),
                 gettext("De kandidaat wil graag werken in deze sector: %(sector)s."))
    return [text % {"sector": sector.label if sector else ""}]


SECTOR = Declared(
    key="sector", label=_("Sector"), weight=Weight(_("sector"), 2),
    reads=(("candidates.Profile", "sectors"),), hard=False,
    score=score, for_vacancy=for_vacancy, for_candidate=for_candidate, phrases=phrases)
