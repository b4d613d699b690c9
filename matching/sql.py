"""The components of components.py as PostgreSQL expressions, for ranking at scale.

Both directions compute the same integers as the Python reference (tests/matching/
test_sql_equivalence.py compares them on random data), so the database ranks and Python
only explains the 25 rows it returns:

- candidates for a vacancy: the vacancy's side is known, so every condition is a constant.
  Only candidates with a related occupation (same ISCO sub-major group) or the vacancy's
  sector can be suggested; that pool is found through the indexes of the two link tables
  before anything is scored.
- vacancies for a candidate: the candidate's side is known; the vacancies of one
  municipality are few enough to score all of them in one pass.

Distances repeat hallowerk.reference.haversine_km operation by operation (radians as a
multiplication by Python's own constant), so a floor() or a "farther than" never lands on a
different side in SQL than in Python.

Only constants and column names from this code are written into the SQL text; every value
(codes, skills, coordinates, ids, the viewer's scope) travels as a named parameter.
"""
# ruff: noqa: S608  (see the last paragraph above)

import math
import re

from django.db.models import QuerySet

from candidates.physical import PHYSICAL_CODES, physical_field_name
from hallowerk.models import Occupation
from hallowerk.reference import isco_closeness
from hallowerk.reference.distance import EARTH_RADIUS_KM
from hallowerk.reference.folding import FOLD_FROM, FOLD_TO

from .components import (
    ASSUMED_SPEED_KMH,
    FULL_POINTS_MINUTES,
    HOURS_POINTS_LOST_PER_HOUR,
    LANGUAGE_LEVEL_POINTS,
    LICENCE_INCLUDES,
    OCCUPATION_POINTS,
    RELEVANT_CLOSENESS,
    SKILL_SEPARATOR,
    SPEED_KMH,
    START_GRACE_DAYS,
    ZERO_POINTS_MINUTES,
    fastest_transport,
    fold_skill_text,
    licences_covered,
    vacancy_skill_terms,
)
from .features import CandidateFeatures, VacancyFeatures
from .scoring import TIEBREAK_A, TIEBREAK_B, TIEBREAK_M, Weights

DEG_TO_RAD = math.pi / 180.0  # what math.radians() multiplies by


class Params(dict):
    """Named parameters, so SQL can be assembled from pieces in any order."""

    def __call__(self, value, cast: str = "") -> str:
        name = f"p{len(self)}"
        self[name] = value
        return f"%({name})s{cast}"

    def subquery(self, queryset: QuerySet) -> str:
        """The SQL of `queryset.values('pk')`, its positional parameters renamed."""
        sql, values = queryset.order_by().values("pk").query.sql_with_params()
        remaining = iter(values)
        return re.sub(r"%%|%s", lambda m: m.group(0) if m.group(0) == "%%"
                      else self(next(remaining)), sql)


_FOLD_SQL = "'" + FOLD_FROM.replace("'", "''") + "', '" + FOLD_TO.replace("'", "''") + "'"

# translate() walks its whole FROM list for every character (~15 µs for a short phrase), so
# text is folded in two steps: ASCII capitals first (a short list), then the full table only
# when a character the table maps is left. translate(translate(x, A-Z, a-z), FROM, TO) equals
# translate(x, FROM, TO) because the table maps A-Z to a-z too.
_UPPER_SQL = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"
_DELETED = FOLD_FROM[len(FOLD_TO):]
_NEEDS_FULL_FOLD = "[" + "".join(
    f"\\u{ord(char):04x}" for char in sorted(set(FOLD_FROM) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
) + "]"


def _fold_sql(text_sql: str) -> str:
    ascii_folded = f"translate({text_sql}, {_UPPER_SQL})"
    return (f"CASE WHEN {ascii_folded} ~ '{_NEEDS_FULL_FOLD}'"
            f" THEN translate({ascii_folded}, {_FOLD_SQL}) ELSE {ascii_folded} END")


_FOLDS_TO: dict[str, set[str]] = {}
for _source, _target in zip(FOLD_FROM, FOLD_TO, strict=False):
    _FOLDS_TO.setdefault(_target, set()).add(_source)


def skill_pattern(term: str) -> str:
    """A regular expression finding the folded `term` in text that is *not* folded: each
    character becomes the class of every character that folds to it, with the characters
    folding deletes allowed in between. Matching unfolded text this way costs ~1 µs a row,
    where folding every profile first would cost ~50 µs."""

    def escaped(chars) -> str:
        return "".join(f"\\u{ord(char):04x}" for char in sorted(chars))

    between = f"[{escaped(_DELETED)}]*" if _DELETED else ""
    return between.join(f"[{escaped({char} | _FOLDS_TO.get(char, set()))}]" for char in term)
_LEVEL_CASE = "CASE {col} " + " ".join(
    f"WHEN '{level}' THEN {points}" for level, points in LANGUAGE_LEVEL_POINTS.items()
) + " ELSE 0 END"
# Fastest first, ties as Python's max() breaks them.
_SPEED_ORDER = sorted(SPEED_KMH.items(), key=lambda item: (item[1], item[0]), reverse=True)


def _speed_sql(transport_sql: str) -> str:
    whens = " ".join(f"WHEN '{means}' = ANY({transport_sql}) THEN {speed}"
                     for means, speed in _SPEED_ORDER)
    return f"CASE {whens} ELSE {ASSUMED_SPEED_KMH} END"


def _travel_points_sql(dist_sql: str, speed_sql: str) -> str:
    minutes = f"floor({dist_sql} * 60 / ({speed_sql})::float8)::int"
    clamped = f"least(greatest({minutes}, {FULL_POINTS_MINUTES}), {ZERO_POINTS_MINUTES})"
    return (f"CASE WHEN {dist_sql} IS NULL THEN 0 ELSE ({ZERO_POINTS_MINUTES} - {clamped}) * 100"
            f" / {ZERO_POINTS_MINUTES - FULL_POINTS_MINUTES} END")


def _haversine_sql(p: Params, *, phi_a: str, lon_a: str, phi_b: str, lon_b: str) -> str:
    """haversine_km(a, b) with latitudes already in radians and longitudes in degrees."""
    d2r = p(DEG_TO_RAD, "::float8")
    radius = p(EARTH_RADIUS_KM, "::float8")
    d_lambda = f"(({lon_b}) - ({lon_a})) * {d2r}"
    h = (f"power(sin((({phi_b}) - ({phi_a})) / 2), 2) + cos({phi_a}) * cos({phi_b})"
         f" * power(sin(({d_lambda}) / 2), 2)")
    return f"2 * {radius} * asin(least(1.0::float8, sqrt({h})))"


def _hours_points_sql(offered_low: str, offered_high: str, wanted_low: str,
                      wanted_high: str) -> str:
    gap = f"greatest(0, ({offered_low}) - ({wanted_high}), ({wanted_low}) - ({offered_high}))"
    return f"greatest(0, 100 - {HOURS_POINTS_LOST_PER_HOUR} * {gap})"


def _start_points_sql(available_sql: str, start_sql: str) -> str:
    return (f"CASE WHEN ({available_sql}) <= ({start_sql}) THEN 100"
            f" WHEN ({available_sql}) - ({start_sql}) <= {START_GRACE_DAYS} THEN 50 ELSE 0 END")


def _tiebreak_sql(candidate_sql: str, vacancy_sql: str) -> str:
    # mod(), not %: a bare percent sign would read as a query parameter.
    return (f"mod(({candidate_sql})::bigint * {TIEBREAK_A}"
            f" + ({vacancy_sql})::bigint * {TIEBREAK_B}, {TIEBREAK_M})")


# --- candidates for one vacancy


def candidates_for_vacancy(v: VacancyFeatures, weights: Weights, scope: QuerySet,
                           limit: int) -> tuple[str, Params]:
    """SQL returning (candidate_id, num) of the best `limit` candidates in `scope` (already
    narrowed to matchable candidates), best first. The denominator is the same for every
    candidate of one vacancy, so `num` orders them."""
    p = Params()
    ids = _occupation_ids_by_closeness(v.occupation_code)
    relevant = [pk for level, pks in ids.items() if level >= RELEVANT_CLOSENESS for pk in pks]
    grades = " ".join(f"WHEN ppo.occupation_id = ANY({p(ids.get(level, []), '::bigint[]')})"
                      f" THEN {OCCUPATION_POINTS[level]}"
                      for level in range(4, RELEVANT_CLOSENESS, -1))
    # Wished occupations sharing at least the sub-major group make a candidate relevant.
    ctes = [f"""occ AS (
        SELECT ppo.profile_id,
            max(CASE {grades} ELSE {OCCUPATION_POINTS[RELEVANT_CLOSENESS]} END) AS points
        FROM candidates_profile_preferred_occupations ppo
        WHERE ppo.occupation_id = ANY({p(relevant, '::bigint[]')})
        GROUP BY ppo.profile_id)"""]
    # The pool carries what it was found by (occupation points, in the sector) along.
    pool = "SELECT profile_id, points AS occ_points, false AS in_sector FROM occ"
    joins: list[str] = []
    terms: dict[str, int] = {"occupation": weights["occupation"]}  # component → weight
    points: dict[str, str] = {"occupation": "COALESCE(visible.occ_points, 0)"}
    where: list[str] = []

    if v.sector_id is not None:
        ctes.append(f"""sec AS (SELECT DISTINCT ps.profile_id FROM candidates_profile_sectors ps
            WHERE ps.sector_id = {p(v.sector_id)})""")
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
        pool += " UNION ALL SELECT profile_id, NULL, true FROM sec"
        points["occupation"] = f"COALESCE(visible.occ_points, {near})"
        terms["sector"] = weights["sector"]
        points["sector"] = "CASE WHEN visible.in_sector THEN 100 ELSE 0 END"
    ctes.append(f"""pool AS (SELECT profile_id, max(occ_points) AS occ_points,
        bool_or(in_sector) AS in_sector FROM ({pool}) AS found GROUP BY profile_id)""")

    skill_terms = list(vacancy_skill_terms(v.skills))
    if skill_terms:
        text = f"array_to_string(p.competences || p.professional_skills, '{SKILL_SEPARATOR}')"
        hits = " + ".join(f"({text} ~ {p(skill_pattern(term))})::int" for term in skill_terms)
        points["skills"] = f"({hits}) * 100 / {len(skill_terms)}"
        terms["skills"] = weights["skills"]

    hours = _pair(v.hours_min, v.hours_max)
    availability = []
    if hours is not None:
        low, high = hours
        availability.append(
            "CASE WHEN coalesce(p.hours_per_week_min, p.hours_per_week_max) IS NULL THEN 0 ELSE "
            + _hours_points_sql("coalesce(p.hours_per_week_min, p.hours_per_week_max)",
                                "coalesce(p.hours_per_week_max, p.hours_per_week_min)",
                                p(low, "::int"), p(high, "::int")) + " END")
    if v.start_date is not None:
        availability.append("CASE WHEN p.available_from IS NULL THEN 0 ELSE "
                            + _start_points_sql("p.available_from", p(v.start_date, "::date"))
                            + " END")
    if availability:
        points["availability"] = f"({' + '.join(availability)}) / {len(availability)}"
        terms["availability"] = weights["availability"]

    if v.place is not None:
        dist = _haversine_sql(
            p, phi_a=f"pl.latitude * {p(DEG_TO_RAD, '::float8')}", lon_a="pl.longitude",
            phi_b=p(math.radians(v.place.latitude), "::float8"),
            lon_b=p(v.place.longitude, "::float8"))
        dist = f"CASE WHEN pl.id IS NULL THEN NULL ELSE {dist} END"
        joins.append("LEFT JOIN hallowerk_place pl ON pl.id = p.place_of_residence_id")
        terms["travel"] = weights["travel"]
        points["travel"] = _travel_points_sql("dist", "speed")
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
            f"(SELECT COALESCE(sum({_LEVEL_CASE.format(col='ls.level')}), 0)"
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
    # The viewer's scope is checked on a narrow (profile, candidate) index first, so the wide
    # profile columns are read only for the profiles that are both relevant and visible.
    ctes.append(f"""visible AS MATERIALIZED (
        SELECT pool.* FROM pool JOIN candidates_profile pv ON pv.id = pool.profile_id
        WHERE pv.candidate_id IN ({p.subquery(scope)}))""")
    sql = f"""
    WITH {', '.join(ctes)}
    SELECT candidate_id, {num} AS num FROM (
        SELECT p.candidate_id, p.max_travel_km, {_speed_sql('p.transport')} AS speed,
            {dist} AS dist,
            {inner_points}
        FROM visible
        CROSS JOIN LATERAL (
            -- One index-only probe per visible profile (OFFSET 0 keeps it a probe).
            SELECT {', '.join(_PROFILE_COLUMNS)} FROM candidates_profile pf
            WHERE pf.id = visible.profile_id OFFSET 0) AS p
        {' '.join(joins)}
        WHERE true{filters}
        OFFSET 0) AS scored
    WHERE NOT {travel_excluded}
    ORDER BY num DESC, {_tiebreak_sql('candidate_id', p(v.id))}, candidate_id
    LIMIT {p(limit, '::int')}
    """
    return sql, p


# What the ranking reads of a profile: all in the matching_profile_features index.
_PROFILE_COLUMNS = ["id", "candidate_id", "place_of_residence_id", "max_travel_km", "transport",
                    "driving_licences", "hours_per_week_min", "hours_per_week_max",
                    "available_from", "competences", "professional_skills",
                    *(physical_field_name(code) for code in PHYSICAL_CODES)]


def _occupation_ids_by_closeness(code: str) -> dict[int, list[int]]:
    """Ids of the occupations sharing 1–4 leading ISCO levels with `code`, by that number."""
    by_level: dict[int, list[int]] = {}
    for pk, other in Occupation.objects.filter(isco_code__startswith=code[:1]).values_list(
            "pk", "isco_code").order_by("pk"):
        by_level.setdefault(isco_closeness(other, code), []).append(pk)
    return by_level


def _pair(low: int | None, high: int | None) -> tuple[int, int] | None:
    if low is None and high is None:
        return None
    return (low if low is not None else high, high if high is not None else low)


# --- vacancies for one candidate


def vacancies_for_candidate(c: CandidateFeatures, weights: Weights, scope: QuerySet,
                            limit: int) -> tuple[str, Params]:
    """SQL returning (vacancy_id, num, den) of the best `limit` vacancies in `scope` (already
    narrowed to published vacancies), best first."""
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

    folded = f"btrim({_fold_sql(f'replace(x, {SKILL_SEPARATOR!r}, {chr(32)!r})')}, ' ')"
    skill_text = p(SKILL_SEPARATOR.join(fold_skill_text(skill) for skill in c.skills))
    # [terms, terms found] in one pass over the vacancy's skills.
    skill_counts = (f"(SELECT ARRAY[count(*),"
                    f" count(*) FILTER (WHERE strpos({skill_text}, q.t) > 0)]"
                    f" FROM (SELECT DISTINCT {folded} AS t FROM unnest(v.skills) AS x) q"
                    f" WHERE q.t <> '')::int[]")

    offered = _pair(c.hours_min, c.hours_max)
    wanted_low = "coalesce(v.hours_per_week_min, v.hours_per_week_max)"
    wanted_high = "coalesce(v.hours_per_week_max, v.hours_per_week_min)"
    hours = "0" if offered is None else _hours_points_sql(
        p(offered[0], "::int"), p(offered[1], "::int"), wanted_low, wanted_high)
    start = "0" if c.available_from is None else _start_points_sql(
        p(c.available_from, "::date"), "v.start_date")
    availability = (f"CASE WHEN {wanted_low} IS NOT NULL AND v.start_date IS NOT NULL"
                    f" THEN (({hours}) + ({start})) / 2"
                    f" WHEN {wanted_low} IS NOT NULL THEN {hours}"
                    f" WHEN v.start_date IS NOT NULL THEN {start} ELSE 0 END")

    if c.place is not None:
        dist = _haversine_sql(
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
    sql = f"""
    SELECT vacancy_id, num, den FROM (
        SELECT vacancy_id, dist,
            {w['occupation']} * pts_occupation
            + {w['skills']} * CASE WHEN skills_n > 0 THEN skills_hit * 100 / skills_n ELSE 0 END
            + {w['sector']} * pts_sector
            + {w['availability']} * pts_availability
            + {w['travel']} * CASE WHEN has_place THEN {_travel_points_sql('dist', str(speed))}
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
                WHERE v.id IN ({p.subquery(scope)})
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
        {_tiebreak_sql(p(c.id), 'vacancy_id')}, vacancy_id
    LIMIT {p(limit, '::int')}
    """
    return sql, p
