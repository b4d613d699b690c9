"""Vacancies for one candidate, ranked in PostgreSQL.

The candidate's side is known; the published vacancies of one municipality are few enough
(a few thousand) to score all relevant ones in one pass. A vacancy's skills are folded per
row in two steps (common.fold_sql), since translate() with the whole table is slow.
"""
# ruff: noqa: S608  (values travel as parameters; see common.py)

import math

from django.db.models import QuerySet

from hallowerk.models import Occupation

from ..components import (
    ASSUMED_SPEED_KMH,
    LANGUAGE_LEVEL_POINTS,
    OCCUPATION_POINTS,
    RELEVANT_CLOSENESS,
    SKILL_SEPARATOR,
    SPEED_KMH,
    fastest_transport,
    fold_skill_text,
    licences_covered,
)
from ..features import CandidateFeatures
from ..scoring import Weights
from .common import (
    DEG_TO_RAD,
    Params,
    fold_sql,
    haversine_sql,
    hours_points_sql,
    hours_range,
    start_points_sql,
    tiebreak_sql,
    travel_points_sql,
)


def _pool_sql(p: Params, codes: list[str], sector_ids: list[int], municipality_id: int) -> str:
    """The published vacancies of one municipality in a related occupation or a chosen
    sector, as index ranges (employers.Vacancy's published pool indexes): the vacancy's own
    pool, not the country's vacancies."""
    groups = sorted({code[:RELEVANT_CLOSENESS] for code in codes})
    related = [pk for pk, code in Occupation.objects.filter(
        isco_code__regex=r"^(" + "|".join(groups) + ")").values_list("pk", "isco_code")
        if code[:RELEVANT_CLOSENESS] in groups] if groups else []
    here = p(municipality_id)
    return (f"v.status = 'published' AND v.municipality_id = {here}"
            f" AND (v.occupation_id = ANY({p(sorted(related), '::bigint[]')})"
            f" OR v.sector_id = ANY({p(sorted(sector_ids), '::bigint[]')}))")


def vacancies_for_candidate(c: CandidateFeatures, weights: Weights, scope: QuerySet,
                            limit: int, municipality_id: int | None = None
                            ) -> tuple[str, Params]:
    """SQL returning (vacancy_id, num, den) of the best `limit` vacancies in `scope` (already
    narrowed to published vacancies), best first. `municipality_id`, when every vacancy of
    `scope` is in that municipality, lets the pool be read from its indexes."""
    p = Params()
    codes = sorted(c.occupation_codes)
    occupation = (
        f"CASE WHEN o.isco_code = ANY({p(codes, '::text[]')}) THEN {OCCUPATION_POINTS[4]}"
        f" WHEN left(o.isco_code, 3) = ANY({p([x[:3] for x in codes], '::text[]')})"
        f" THEN {OCCUPATION_POINTS[3]}"
        f" WHEN left(o.isco_code, 2) = ANY({p([x[:2] for x in codes], '::text[]')})"
        f" THEN {OCCUPATION_POINTS[2]}"
        f" WHEN left(o.isco_code, 1) = ANY({p([x[:1] for x in codes], '::text[]')})"
        f" THEN {OCCUPATION_POINTS[1]} ELSE 0 END")
    sectors = p(sorted(c.sector_ids), "::bigint[]")

    folded = f"btrim({fold_sql(f'replace(x, {SKILL_SEPARATOR!r}, {chr(32)!r})')}, ' ')"
    skill_text = p(SKILL_SEPARATOR.join(fold_skill_text(skill) for skill in c.skills))
    # [terms, terms found] in one pass over the vacancy's skills.
    skill_counts = (f"(SELECT ARRAY[count(*),"
                    f" count(*) FILTER (WHERE strpos({skill_text}, q.t) > 0)]"
                    f" FROM (SELECT DISTINCT {folded} AS t FROM unnest(v.skills) AS x) q"
                    f" WHERE q.t <> '')::int[]")

    offered = hours_range(c.hours_min, c.hours_max)
    wanted_low = "coalesce(v.hours_per_week_min, v.hours_per_week_max)"
    wanted_high = "coalesce(v.hours_per_week_max, v.hours_per_week_min)"
    hours = "0" if offered is None else hours_points_sql(
        p(offered[0], "::int"), p(offered[1], "::int"), wanted_low, wanted_high)
    start = "0" if c.available_from is None else start_points_sql(
        p(c.available_from, "::date"), "v.start_date")
    availability = (f"CASE WHEN {wanted_low} IS NOT NULL AND v.start_date IS NOT NULL"
                    f" THEN (({hours}) + ({start})) / 2"
                    f" WHEN {wanted_low} IS NOT NULL THEN {hours}"
                    f" WHEN v.start_date IS NOT NULL THEN {start} ELSE 0 END")

    if c.place is not None:
        dist = haversine_sql(
            p, phi_a=p(math.radians(c.place.latitude), "::float8"),
            lon_a=p(c.place.longitude, "::float8"),
            phi_b=f"pl.latitude * {p(DEG_TO_RAD, '::float8')}", lon_b="pl.longitude")
        dist = f"CASE WHEN pl.id IS NULL THEN NULL ELSE {dist} END"
    else:
        dist = "NULL::float8"
    means = fastest_transport(c.transport)
    speed = SPEED_KMH[means] if means else ASSUMED_SPEED_KMH
    travel_excluded = ("false" if c.max_travel_km is None or c.place is None
                       else f"(dist IS NOT NULL AND dist > {p(c.max_travel_km, '::int')})")

    distinct_languages = "SELECT DISTINCT unnest(v.required_languages) AS l"
    level_points = [(code, LANGUAGE_LEVEL_POINTS.get(level, 0))
                    for code, level in sorted(c.languages.items())]
    language_case = "CASE q.l " + " ".join(
        f"WHEN {p(code)} THEN {points}" for code, points in level_points) + " ELSE 0 END" \
        if level_points else "0"
    languages_n = f"(SELECT count(*) FROM ({distinct_languages}) q)::int"
    languages_sum = (f"(SELECT COALESCE(sum({language_case}), 0)"
                     f" FROM ({distinct_languages}) q)::int")

    physical_can = [code for code, answer in sorted(c.physical.items()) if answer is True]
    physical_cannot = [code for code, answer in sorted(c.physical.items()) if answer is False]
    distinct_demands = "SELECT DISTINCT unnest(v.physical_demands) AS d"
    physical_n = f"(SELECT count(*) FROM ({distinct_demands}) q)::int"
    physical_hit = (f"(SELECT count(*) FROM ({distinct_demands}) q"
                    f" WHERE q.d = ANY({p(physical_can, '::text[]')}))::int")

    w = {key: p(weights[key], "::int") for key in weights.values}
    pool = ("true" if municipality_id is None
            else _pool_sql(p, codes, sorted(c.sector_ids), municipality_id))
    sql = f"""
    SELECT vacancy_id, num, den FROM (
        SELECT vacancy_id, dist,
            {w['occupation']} * pts_occupation
            + {w['skills']} * CASE WHEN skills_n > 0 THEN skills_hit * 100 / skills_n ELSE 0 END
            + {w['sector']} * pts_sector
            + {w['availability']} * pts_availability
            + {w['travel']} * CASE WHEN has_place THEN {travel_points_sql('dist', str(speed))}
                                   ELSE 0 END
            + {w['driving_licence']} * CASE WHEN needs_licence THEN 100 ELSE 0 END
            + {w['languages']} * CASE WHEN languages_n > 0 THEN languages_sum / languages_n
                                      ELSE 0 END
            + {w['physical']} * CASE WHEN physical_n > 0 THEN physical_hit * 100 / physical_n
                                     ELSE 0 END AS num,
            100 * ({w['occupation']}
            + CASE WHEN skills_n > 0 THEN {w['skills']} ELSE 0 END
            + CASE WHEN has_sector THEN {w['sector']} ELSE 0 END
            + CASE WHEN has_availability THEN {w['availability']} ELSE 0 END
            + CASE WHEN has_place THEN {w['travel']} ELSE 0 END
            + CASE WHEN needs_licence THEN {w['driving_licence']} ELSE 0 END
            + CASE WHEN languages_n > 0 THEN {w['languages']} ELSE 0 END
            + CASE WHEN physical_n > 0 THEN {w['physical']} ELSE 0 END) AS den
        FROM (
            SELECT features.*, skill_counts[1] AS skills_n, skill_counts[2] AS skills_hit
            FROM (
                SELECT v.id AS vacancy_id, {dist} AS dist,
                    {occupation} AS pts_occupation,
                    {skill_counts} AS skill_counts,
                    v.sector_id IS NOT NULL AS has_sector,
                    CASE WHEN v.sector_id = ANY({sectors}) THEN 100 ELSE 0 END AS pts_sector,
                    ({wanted_low} IS NOT NULL OR v.start_date IS NOT NULL) AS has_availability,
                    {availability} AS pts_availability,
                    pl.id IS NOT NULL AS has_place,
                    v.required_driving_licence <> '' AS needs_licence,
                    {languages_n} AS languages_n, {languages_sum} AS languages_sum,
                    {physical_n} AS physical_n, {physical_hit} AS physical_hit
                FROM employers_vacancy v
                JOIN hallowerk_occupation o ON o.id = v.occupation_id
                LEFT JOIN hallowerk_place pl ON pl.id = v.place_id
                WHERE {pool} AND v.id IN ({p.subquery(scope)})
                  AND (left(o.isco_code, {RELEVANT_CLOSENESS})
                       = ANY({p(sorted({x[:RELEVANT_CLOSENESS] for x in codes}), '::text[]')})
                       OR v.sector_id = ANY({sectors}))
                  AND (v.required_driving_licence = ''
                       OR v.required_driving_licence = ANY(
                           {p(sorted(licences_covered(c.driving_licences)), '::text[]')}))
                  AND NOT (v.physical_demands && {p(physical_cannot, '::varchar[]')})
                OFFSET 0) AS features
            ) AS counted
        ) AS scored
    WHERE NOT {travel_excluded}
    ORDER BY COALESCE(num::float8 / NULLIF(den, 0)::float8, 0) DESC,
        {tiebreak_sql(p(c.id), 'vacancy_id')}, vacancy_id
    LIMIT {p(limit, '::int')}
    """
    return sql, p
