"""What both rankings share besides the components: the order of ties, the occupations by
closeness, the profile columns a score reads."""

from candidates.physical import PHYSICAL_CODES, physical_field_name
from hallowerk.models import Occupation
from hallowerk.reference import isco_closeness

from ..scoring import TIEBREAK_A, TIEBREAK_B, TIEBREAK_M
from ..sql_fragment import Piece, Sql, sql


def tiebreak_sql(candidate: Piece, vacancy: Piece) -> Sql:
    # mod(), not %: a bare percent sign would read as a query parameter.
    return sql("mod(({c})::bigint * {a} + ({v})::bigint * {b}, {m})", c=candidate, v=vacancy,
               a=TIEBREAK_A, b=TIEBREAK_B, m=TIEBREAK_M)


# What the ranking reads of a profile: all in the matching_profile_features index
# (candidates.Profile's indexes).
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
