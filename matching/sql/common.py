"""What both rankings share besides the components: the order of ties, the occupations by
closeness, the profile columns a score reads, the two levels a term is computed on."""

from django.db.models import Field

from candidates.models import Profile
from hallowerk.models import Occupation
from hallowerk.reference import isco_closeness

from ..components import RowTerm
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
    fields = [Profile._meta.get_field(name) for name in index.include]
    return ["id", *(field.column for field in fields if isinstance(field, Field))]


PROFILE_COLUMNS = _profile_columns()


def occupation_ids_by_closeness(code: str) -> dict[int, list[int]]:
    """Ids of the occupations sharing 1–4 leading ISCO levels with `code`, by that number."""
    by_level: dict[int, list[int]] = {}
    for pk, other in Occupation.objects.filter(isco_code__startswith=code[:1]).values_list(
            "pk", "isco_code").order_by("pk"):
        by_level.setdefault(isco_closeness(other, code), []).append(pk)
    return by_level


def row_columns(terms: dict[str, RowTerm]) -> Sql:
    """What each component's term computes on a row: its own columns, or its points (and
    whether it applies) as `pts_<key>` (`applies_<key>`), for the level above to read."""
    columns = []
    for key, term in terms.items():
        columns += [sql("{expr} AS {name}", expr=expr, name=name) for name, expr in term.columns]
        if not term.columns:
            columns.append(sql("{points} AS pts_{key}", points=term.points, key=key))
            if term.applies is not None:
                columns.append(sql("{applies} AS applies_{key}", applies=term.applies, key=key))
    return Sql.join(",\n                ", columns)


def above(term: RowTerm, key: str) -> tuple[Sql | str, Sql | str | None]:
    """A term's (points, applies) as the level above row_columns() reads them."""
    if term.columns:
        return term.points, term.applies
    return f"pts_{key}", None if term.applies is None else f"applies_{key}"
