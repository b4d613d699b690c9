"""Pieces both rankings share: parameters, folding, distance, hours, ties.

Only constants and column names from this code are written into the SQL text; every value
(codes, skills, coordinates, ids, the viewer's scope) travels as a named parameter.
"""
# ruff: noqa: S608  (see above)

import math
import re

from django.db.models import QuerySet

from candidates.physical import PHYSICAL_CODES, physical_field_name
from hallowerk.models import Occupation
from hallowerk.reference import isco_closeness
from hallowerk.reference.distance import EARTH_RADIUS_KM
from hallowerk.reference.folding import FOLD_FROM, FOLD_TO

from ..components import (
    ASSUMED_SPEED_KMH,
    FULL_POINTS_MINUTES,
    HOURS_POINTS_LOST_PER_HOUR,
    LANGUAGE_LEVEL_POINTS,
    SPEED_KMH,
    START_GRACE_DAYS,
    ZERO_POINTS_MINUTES,
)
from ..scoring import TIEBREAK_A, TIEBREAK_B, TIEBREAK_M

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


FOLD_SQL = "'" + FOLD_FROM.replace("'", "''") + "', '" + FOLD_TO.replace("'", "''") + "'"

# translate() walks its whole FROM list for every character (~15 µs for a short phrase), so
# text is folded in two steps: ASCII capitals first (a short list), then the full table only
# when a character the table maps is left. translate(translate(x, A-Z, a-z), FROM, TO) equals
# translate(x, FROM, TO) because the table maps A-Z to a-z too.
_UPPER_SQL = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"
_DELETED = FOLD_FROM[len(FOLD_TO):]
_NEEDS_FULL_FOLD = "[" + "".join(
    f"\\u{ord(char):04x}" for char in sorted(set(FOLD_FROM) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
) + "]"


def fold_sql(text_sql: str) -> str:
    ascii_folded = f"translate({text_sql}, {_UPPER_SQL})"
    return (f"CASE WHEN {ascii_folded} ~ '{_NEEDS_FULL_FOLD}'"
            f" THEN translate({ascii_folded}, {FOLD_SQL}) ELSE {ascii_folded} END")


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


LEVEL_CASE = "CASE {col} " + " ".join(
    f"WHEN '{level}' THEN {points}" for level, points in LANGUAGE_LEVEL_POINTS.items()
) + " ELSE 0 END"
# Fastest first, ties as Python's max() breaks them.
_SPEED_ORDER = sorted(SPEED_KMH.items(), key=lambda item: (item[1], item[0]), reverse=True)


def speed_sql(transport_sql: str) -> str:
    whens = " ".join(f"WHEN '{means}' = ANY({transport_sql}) THEN {speed}"
                     for means, speed in _SPEED_ORDER)
    return f"CASE {whens} ELSE {ASSUMED_SPEED_KMH} END"


def travel_points_sql(dist_sql: str, speed_sql: str) -> str:
    minutes = f"floor({dist_sql} * 60 / ({speed_sql})::float8)::int"
    clamped = f"least(greatest({minutes}, {FULL_POINTS_MINUTES}), {ZERO_POINTS_MINUTES})"
    return (f"CASE WHEN {dist_sql} IS NULL THEN 0 ELSE ({ZERO_POINTS_MINUTES} - {clamped}) * 100"
            f" / {ZERO_POINTS_MINUTES - FULL_POINTS_MINUTES} END")


def haversine_sql(p: Params, *, phi_a: str, lon_a: str, phi_b: str, lon_b: str) -> str:
    """haversine_km(a, b) with latitudes already in radians and longitudes in degrees."""
    d2r = p(DEG_TO_RAD, "::float8")
    radius = p(EARTH_RADIUS_KM, "::float8")
    d_lambda = f"(({lon_b}) - ({lon_a})) * {d2r}"
    h = (f"power(sin((({phi_b}) - ({phi_a})) / 2), 2) + cos({phi_a}) * cos({phi_b})"
         f" * power(sin(({d_lambda}) / 2), 2)")
    return f"2 * {radius} * asin(least(1.0::float8, sqrt({h})))"


def hours_points_sql(offered_low: str, offered_high: str, wanted_low: str,
                      wanted_high: str) -> str:
    gap = f"greatest(0, ({offered_low}) - ({wanted_high}), ({wanted_low}) - ({offered_high}))"
    return f"greatest(0, 100 - {HOURS_POINTS_LOST_PER_HOUR} * {gap})"


def start_points_sql(available_sql: str, start_sql: str) -> str:
    return (f"CASE WHEN ({available_sql}) <= ({start_sql}) THEN 100"
            f" WHEN ({available_sql}) - ({start_sql}) <= {START_GRACE_DAYS} THEN 50 ELSE 0 END")


def tiebreak_sql(candidate_sql: str, vacancy_sql: str) -> str:
    # mod(), not %: a bare percent sign would read as a query parameter.
    return (f"mod(({candidate_sql})::bigint * {TIEBREAK_A}"
            f" + ({vacancy_sql})::bigint * {TIEBREAK_B}, {TIEBREAK_M})")


# What the ranking reads of a profile: all in the matching_profile_features index.
PROFILE_COLUMNS = ["id", "candidate_id", "place_of_residence_id", "max_travel_km", "transport",
                    "driving_licences", "hours_per_week_min", "hours_per_week_max",
                    "available_from", "competences", "professional_skills",
                    *(physical_field_name(code) for code in PHYSICAL_CODES)]


def occupation_ids_by_closeness(code: str) -> dict[int, list[int]]:
    """Ids of the occupations sharing 1–4 leading ISCO levels with `code`, by that number."""
    by_level: dict[int, list[int]] = {}
    for pk, other in Occupation.objects.filter(isco_code__startswith=code[:1]).values_list(
            "pk", "isco_code").order_by("pk"):
        by_level.setdefault(isco_closeness(other, code), []).append(pk)
    return by_level


def hours_range(low: int | None, high: int | None) -> tuple[int, int] | None:
    if low is None:
        return None if high is None else (high, high)
    return (low, low if high is None else high)
