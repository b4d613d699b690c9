"""What both rankings share besides the components: the order of ties, the occupations by
closeness, the profile columns a score reads."""

from candidates.models import Profile
from hallowerk.models import Occupation
from hallowerk.reference import isco_closeness

from ..scoring import TIEBREAK_A, TIEBREAK_B, TIEBREAK_M
from ..sql_fragment import Piece, Sql, sql


def tiebreak_sql(candidate: Piece, vacancy: Piece) -> Sql:
    # mod(), not %: a bare percent sign would read as a query parameter.
    return sql("mod(({c})::bigint * {a} + ({v})::bigint * {b}, {m})", c=candidate, v=vacancy,
               a=TIEBREAK_A, b=TIEBREAK_B, m=TIEBREAK_M)


def _profile_columns() -> list[str]:
    """What the ranking reads of a profile: exactly the columns of the index declared for
    it on candidates.Profile, so reading them stays an index-only probe."""
    index = next(i for i in Profile._meta.indexes if i.name == "matching_profile_features")
    return ["id", *(Profile._meta.get_field(name).column for name in index.include)]


PROFILE_COLUMNS = _profile_columns()


def occupation_ids_by_closeness(code: str) -> dict[int, list[int]]:
    """Ids of the occupations sharing 1–4 leading ISCO levels with `code`, by that number."""
    by_level: dict[int, list[int]] = {}
    for pk, other in Occupation.objects.filter(isco_code__startswith=code[:1]).values_list(
            "pk", "isco_code").order_by("pk"):
        by_level.setdefault(isco_closeness(other, code), []).append(pk)
    return by_level
