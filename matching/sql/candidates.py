"""Candidates for one vacancy, ranked in PostgreSQL.

The vacancy's side is known, so every condition is a constant. Only candidates with a
related occupation (same ISCO sub-major group) or the vacancy's sector can be suggested; that
pool is read from matching_poolentry (models/pool.py), which holds each link with its
candidate and municipality: given where the scope's candidates can live (`Reach`), the pool
is one index range per municipality, whatever the size of the country. The viewer's scope is
then checked per pool row by primary key, and only then are the wide profile columns read —
one index-only probe per remaining profile (migration 0002's covering indexes).
"""
# ruff: noqa: S608  (values travel as parameters; see common.py)

import math
from dataclasses import dataclass

from django.db.models import QuerySet

from candidates.physical import PHYSICAL_CODES, physical_field_name

from ..components import (
    LICENCE_INCLUDES,
    OCCUPATION_POINTS,
    RELEVANT_CLOSENESS,
    SKILL_SEPARATOR,
    licences_covered,
    vacancy_skill_terms,
)
from ..features import VacancyFeatures
from ..models import PoolKind
from ..scoring import Weights
from .common import (
    DEG_TO_RAD,
    LEVEL_CASE,
    PROFILE_COLUMNS,
    Params,
    haversine_sql,
    hours_points_sql,
    hours_range,
    occupation_ids_by_closeness,
    skill_pattern,
    speed_sql,
    start_points_sql,
    tiebreak_sql,
    travel_points_sql,
)


@dataclass(frozen=True)
class Reach:
    """Where the candidates of a scope can live: in `municipality_ids`, or anywhere when they
    share with every municipality (`everywhere`). Only a bound that narrows the pool before
    the scope is checked; it must hold everyone the scope can contain."""

    municipality_ids: tuple[int, ...]
    everywhere: bool = False


def _pool(p: Params, kind: int, refs: str, reach: Reach | None, columns: str) -> str:
    """The pool entries of `kind` for the ids `refs`, within `reach`: one index range each
    (an index-only read of models/pool.py's indexes)."""
    base = f"SELECT {columns} FROM matching_poolentry e WHERE e.kind = {kind} AND e.ref_id {refs}"
    if reach is None:
        return base
    here = p(list(reach.municipality_ids), "::bigint[]")
    sql = f"{base} AND e.municipality_id = ANY({here})"
    if reach.everywhere:
        sql += (f" UNION ALL {base} AND e.shares_everywhere"
                f" AND NOT e.municipality_id = ANY({here})")
    return sql


def candidates_for_vacancy(v: VacancyFeatures, weights: Weights, scope: QuerySet,
                           limit: int, reach: Reach | None = None) -> tuple[str, Params]:
    """SQL returning (candidate_id, num) of the best `limit` candidates in `scope` (already
    narrowed to matchable candidates), best first. The denominator is the same for every
    candidate of one vacancy, so `num` orders them. `reach`, when given, bounds where the
    scope's candidates live; without it the pool is the whole country's."""
    p = Params()
    ids = occupation_ids_by_closeness(v.occupation_code)
    relevant = [pk for level, pks in ids.items() if level >= RELEVANT_CLOSENESS for pk in pks]
    grades = " ".join(f"WHEN e.ref_id = ANY({p(ids.get(level, []), '::bigint[]')})"
                      f" THEN {OCCUPATION_POINTS[level]}"
                      for level in range(4, RELEVANT_CLOSENESS, -1))
    related_pool = _pool(p, PoolKind.OCCUPATION, f"= ANY({p(relevant, '::bigint[]')})", reach,
                         f"e.profile_id, e.candidate_id,"
                         f" CASE {grades} ELSE {OCCUPATION_POINTS[RELEVANT_CLOSENESS]} END"
                         f" AS points")
    # Wished occupations sharing at least the sub-major group make a candidate relevant.
    ctes = [f"""occ AS (
        SELECT profile_id, candidate_id, max(points) AS points FROM ({related_pool}) AS e
        GROUP BY profile_id, candidate_id)"""]
    joins: list[str] = []
    terms: dict[str, int] = {"occupation": weights["occupation"]}  # component → weight
    points: dict[str, str] = {"occupation": "COALESCE(visible.occ_points, 0)"}
    where: list[str] = []

    if v.sector_id is not None:
        sector_pool = _pool(p, PoolKind.SECTOR, f"= {p(v.sector_id)}", reach,
                            "e.profile_id, e.candidate_id")
        sec = f"({sector_pool})"
        # Who comes in by sector may still share the major group: that scores, too.
        below = [pk for level, pks in ids.items() if 0 < level < RELEVANT_CLOSENESS
                 for pk in pks]
        near_grades = " ".join(
            f"WHEN ppo.occupation_id = ANY({p(ids.get(level, []), '::bigint[]')})"
            f" THEN {OCCUPATION_POINTS[level]}" for level in range(RELEVANT_CLOSENESS - 1, 0, -1))
        # Probed per remaining row, and only for those without a related occupation.
        near = (f"(SELECT COALESCE(max(CASE {near_grades} ELSE 0 END), 0)"
                f" FROM candidates_profile_preferred_occupations ppo"
                f" WHERE ppo.profile_id = p.id"
                f" AND ppo.occupation_id = ANY({p(below, '::bigint[]')}))")
        points["occupation"] = f"COALESCE(visible.occ_points, {near})"
        terms["sector"] = weights["sector"]
        points["sector"] = "CASE WHEN visible.in_sector THEN 100 ELSE 0 END"

    skill_terms = list(vacancy_skill_terms(v.skills))
    if skill_terms:
        text = f"array_to_string(p.competences || p.professional_skills, '{SKILL_SEPARATOR}')"
        hits = " + ".join(f"({text} ~ {p(skill_pattern(term))})::int" for term in skill_terms)
        points["skills"] = f"({hits}) * 100 / {len(skill_terms)}"
        terms["skills"] = weights["skills"]

    hours = hours_range(v.hours_min, v.hours_max)
    availability = []
    if hours is not None:
        low, high = hours
        availability.append(
            "CASE WHEN coalesce(p.hours_per_week_min, p.hours_per_week_max) IS NULL THEN 0 ELSE "
            + hours_points_sql("coalesce(p.hours_per_week_min, p.hours_per_week_max)",
                                "coalesce(p.hours_per_week_max, p.hours_per_week_min)",
                                p(low, "::int"), p(high, "::int")) + " END")
    if v.start_date is not None:
        availability.append("CASE WHEN p.available_from IS NULL THEN 0 ELSE "
                            + start_points_sql("p.available_from", p(v.start_date, "::date"))
                            + " END")
    if availability:
        points["availability"] = f"({' + '.join(availability)}) / {len(availability)}"
        terms["availability"] = weights["availability"]

    if v.place is not None:
        dist = haversine_sql(
            p, phi_a=f"pl.latitude * {p(DEG_TO_RAD, '::float8')}", lon_a="pl.longitude",
            phi_b=p(math.radians(v.place.latitude), "::float8"),
            lon_b=p(v.place.longitude, "::float8"))
        dist = f"CASE WHEN pl.id IS NULL THEN NULL ELSE {dist} END"
        joins.append("LEFT JOIN hallowerk_place pl ON pl.id = p.place_of_residence_id")
        terms["travel"] = weights["travel"]
        points["travel"] = travel_points_sql("dist", "speed")
        travel_excluded = ("(dist IS NOT NULL AND max_travel_km IS NOT NULL"
                           " AND dist > max_travel_km)")
    else:
        dist, travel_excluded = "NULL::float8", "false"

    if v.driving_licence:
        covering = sorted({v.driving_licence} | {
            held for held in LICENCE_INCLUDES if v.driving_licence in licences_covered([held])})
        where.append(f"p.driving_licences && {p(covering, '::varchar[]')}")
        terms["driving_licence"] = weights["driving_licence"]
        points["driving_licence"] = "100"

    required_languages = list(dict.fromkeys(v.languages))
    if required_languages:
        # Looked up only for the rows left after every filter (one index probe each): far
        # fewer than a pass over the whole language table.
        points["languages"] = (
            f"(SELECT COALESCE(sum({LEVEL_CASE.format(col='ls.level')}), 0)"
            f" FROM candidates_languageskill ls WHERE ls.profile_id = p.id"
            f" AND ls.language = ANY({p(required_languages, '::text[]')}))::int"
            f" / {len(required_languages)}")
        terms["languages"] = weights["languages"]

    demands = list(dict.fromkeys(v.physical_demands))
    if demands:
        known = [code for code in demands if code in PHYSICAL_CODES]
        where += [f"p.{physical_field_name(code)} IS DISTINCT FROM false" for code in known]
        can = " + ".join(f"(p.{physical_field_name(code)} IS TRUE)::int" for code in known) or "0"
        points["physical"] = f"({can}) * 100 / {len(demands)}"
        terms["physical"] = weights["physical"]

    # Points that do not need the distance are computed in the inner query.
    inner_points = ",\n            ".join(
        f"{expr} AS pts_{key}" for key, expr in points.items() if key != "travel")
    num = " + ".join(f"{weight} * pts_{key}" for key, weight in terms.items()
                     if key != "travel")
    if "travel" in terms:
        num += f" + {terms['travel']} * ({points['travel']})"
    filters = "".join(f"\n          AND {condition}" for condition in where)

    def visible(source: str, columns: str, condition: str = "true", join: str = "") -> str:
        """The pool rows of `source` (an alias, read from `join` when given) whose candidate
        the viewer may see. Within municipalities the pool is small: each row is checked by
        the candidate's primary key (OFFSET 0 keeps it a probe). When it reaches everyone
        sharing with all municipalities (or the whole country) it is not: the planner picks,
        and hashes the scope (measured at 500k, Rotterdam's region: no slower than probes)."""
        if reach is None or reach.everywhere:
            allowed = f"{source}.candidate_id IN ({p.subquery(scope)})"
        else:
            allowed = (f"EXISTS (SELECT 1 FROM ({p.subquery(scope)}) AS allowed"
                       f" WHERE allowed.pk = {source}.candidate_id OFFSET 0)")
        return f"""SELECT {columns} FROM {join or source}
            WHERE {condition} AND {allowed}"""

    def scored(source: str, rows: str = "true") -> str:
        """Score the profiles of `source` that meet `rows`: (candidate_id, num)."""
        return f"""SELECT candidate_id, {num} AS num FROM (
            SELECT p.candidate_id, p.max_travel_km, {speed_sql('p.transport')} AS speed,
                {dist} AS dist,
                {inner_points}
            FROM {source} AS visible
            CROSS JOIN LATERAL (
                -- One index-only probe per visible profile (OFFSET 0 keeps it a probe).
                SELECT {', '.join(PROFILE_COLUMNS)} FROM candidates_profile pf
                WHERE pf.id = visible.profile_id OFFSET 0) AS p
            {' '.join(joins)}
            WHERE {rows}{filters}
            OFFSET 0) AS scored
        WHERE NOT {travel_excluded}"""

    if v.sector_id is None:
        ctes.append(f"""related AS MATERIALIZED ({visible(
            "occ", "occ.profile_id, occ.points AS occ_points")})""")
        ranked = scored("related")
    else:
        # The related occupations first. Who came in by the sector alone shares at most the
        # major group, so scores at most `best_by_sector`: when the `limit`-th best of the
        # related ones already beats that, those profiles are neither checked nor scored
        # (a CTE nobody reads is never run). Exact: adding rows only raises the cut-off.
        best_by_sector = (terms["occupation"] * OCCUPATION_POINTS[RELEVANT_CLOSENESS - 1]
                          + 100 * sum(w for key, w in terms.items() if key != "occupation"))
        # IN (subquery) in the select list becomes one hash table, built once.
        # IN (subquery) in the select list becomes one hash table of the sector's pool
        # within the reach, built once.
        in_sector = f"occ.profile_id IN (SELECT profile_id FROM {sec} AS ps)"
        ctes.append(f"""related AS MATERIALIZED ({visible(
            "occ", f"occ.profile_id, occ.points AS occ_points, {in_sector} AS in_sector")})""")
        ctes.append(f"related_scored AS MATERIALIZED ({scored('related')})")
        ctes.append(f"""cutoff AS (SELECT num FROM related_scored ORDER BY num DESC
            LIMIT 1 OFFSET {p(limit - 1, '::int')})""")
        ctes.append(f"""by_sector AS MATERIALIZED ({visible(
            "sec", "sec.profile_id, NULL::int AS occ_points, true AS in_sector",
            f"NOT EXISTS (SELECT 1 FROM candidates_profile_preferred_occupations ppo"
            f" WHERE ppo.profile_id = sec.profile_id"
            f" AND ppo.occupation_id = ANY({p(relevant, '::bigint[]')}))",
            join=f"{sec} AS sec")})""")
        ranked = ("SELECT * FROM related_scored UNION ALL "
                  + scored("by_sector", f"{p(best_by_sector, '::int')}"
                                        f" >= COALESCE((SELECT num FROM cutoff), -1)"))
    sql = f"""
    WITH {', '.join(ctes)}
    SELECT candidate_id, num FROM ({ranked}) AS ranked
    ORDER BY num DESC, {tiebreak_sql('candidate_id', p(v.id))}, candidate_id
    LIMIT {p(limit, '::int')}
    """
    return sql, p
