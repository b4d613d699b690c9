"""Occupation: graded by the ISCO-08 levels the candidate's closest wish shares with the
vacancy's occupation. It always applies, and it decides (with the sector) who is relevant."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hallowerk.reference import isco_closeness

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about

# Shared ISCO-08 levels → points: unit group, minor group, sub-major group, major group.
OCCUPATION_POINTS = {4: 100, 3: 75, 2: 50, 1: 25, 0: 0}
# A vacancy is relevant to a candidate from this many shared levels (the sub-major group:
# "cleaners and helpers", "food preparation assistants") — or through a chosen sector. A
# shared major group alone ("elementary occupations" holds cleaners and refuse collectors
# alike) still scores, but does not make a suggestion by itself.
RELEVANT_CLOSENESS = 2


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    best_code, best = "", 0
    for code in sorted(c.occupation_codes):
        closeness = isco_closeness(code, v.occupation_code)
        if closeness > best:
            best_code, best = code, closeness
    return Component("occupation", True, OCCUPATION_POINTS[best],
                     facts={"closeness": best, "code": best_code})


def _ids(side: VacancySide, level: int) -> Sql:
    return Sql.value(side.occupation_ids.get(level, []), "::bigint[]")


def pool_points(side: VacancySide) -> Sql:
    """The points of a pool entry `e` (a wished occupation sharing at least the sub-major
    group, matching/models/pool.py): graded by the occupation it names."""
    grades = Sql.join(" ", (sql("WHEN e.ref_id = ANY({ids}) THEN {points}",
                                ids=_ids(side, level), points=OCCUPATION_POINTS[level])
                            for level in range(4, RELEVANT_CLOSENESS, -1)))
    return sql("CASE {grades} ELSE {points} END", grades=grades,
               points=OCCUPATION_POINTS[RELEVANT_CLOSENESS])


def for_vacancy(side: VacancySide) -> RowTerm:
    """Pool rows carry their points (`visible.occ_points`). Who came in by the sector alone
    has none and may still share the major group: looked up per remaining row."""
    if side.vacancy.sector_id is None:
        return RowTerm(points=Sql("COALESCE(visible.occ_points, 0)"))
    below = [pk for level, pks in side.occupation_ids.items()
             if 0 < level < RELEVANT_CLOSENESS for pk in pks]
    grades = Sql.join(" ", (sql("WHEN ppo.occupation_id = ANY({ids}) THEN {points}",
                                ids=_ids(side, level), points=OCCUPATION_POINTS[level])
                            for level in range(RELEVANT_CLOSENESS - 1, 0, -1)))
    near = sql("(SELECT COALESCE(max(CASE {grades} ELSE 0 END), 0)"
               " FROM candidates_profile_preferred_occupations ppo"
               " WHERE ppo.profile_id = p.id AND ppo.occupation_id = ANY({below}))",
               grades=grades, below=Sql.value(below, "::bigint[]"))
    return RowTerm(points=sql("COALESCE(visible.occ_points, {near})", near=near),
                   ceiling_by_sector=OCCUPATION_POINTS[RELEVANT_CLOSENESS - 1])


def for_candidate(c: CandidateFeatures) -> RowTerm:
    codes = sorted(c.occupation_codes)
    grades = Sql.join(" ", (
        sql("WHEN {code} = ANY({codes}) THEN {points}",
            code="o.isco_code" if level == 4 else f"left(o.isco_code, {level})",
            codes=Sql.value([code if level == 4 else code[:level] for code in codes],
                            "::text[]"),
            points=OCCUPATION_POINTS[level])
        for level in range(4, 0, -1)))
    return RowTerm(points=sql("CASE {grades} ELSE 0 END", grades=grades))


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    closeness = facts["closeness"]
    occupation = labels.occupations.get(facts["code"])
    name = occupation.label if occupation else facts["code"]
    if closeness == 4:
        text = about(audience, gettext("Dit is het beroep dat u zoekt: %(occupation)s."),
                     gettext("Dit is het beroep dat de kandidaat zoekt: %(occupation)s."))
    elif closeness == 3:
        text = about(audience,
                     gettext("Dit beroep lijkt veel op een beroep dat u zoekt: %(occupation)s."),
                     gettext("Dit beroep lijkt veel op een beroep dat de kandidaat zoekt: "
                             "%(occupation)s."))
    else:
        text = about(audience,
                     gettext("Dit beroep hoort bij dezelfde groep als een beroep dat u zoekt: "
                             "%(occupation)s."),
                     gettext("Dit beroep hoort bij dezelfde groep als een beroep dat de "
                             "kandidaat zoekt: %(occupation)s."))
    return [text % {"occupation": name}]


OCCUPATION = Declared(
    key="occupation", label=_("Beroep"), weight=Weight(_("beroep"), default=5, minimum=1),
    reads=(("candidates.Profile", "preferred_occupations"),), hard=False,
    score=score, for_vacancy=for_vacancy, for_candidate=for_candidate, phrases=phrases)
