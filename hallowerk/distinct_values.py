"""The distinct values of one column among a queryset's rows, one index step per value.

`SELECT DISTINCT occupation_id FROM <the jobseeker's vacancies>` reads every row: at 500,000
candidates a large municipality has ~10,000 published vacancies, and the three filter lists of
the jobseeker's vacancy page cost ~170 ms of PostgreSQL per view (issue 11). There are only a
few dozen distinct values. PostgreSQL 16 has no skip scan, so it is written out: a recursive
query asks for the smallest value, then for the smallest value above it, and so on; with an
index on (the filter's columns, the column) each step is one short index descent, so the
cost follows the number of distinct values, not the number of rows.

Each step is the queryset itself (its visibility rule, compiled by Django) narrowed to
`column > the value found before`, so the values can only come from rows the queryset allows.
"""

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

_PREVIOUS = "found.value"  # the recursive query's last value, referred to in each step


def _smallest_sql(queryset: QuerySet, field: str, **above) -> tuple[str, tuple]:
    step = (queryset.filter(**{f"{field}__isnull": False}, **above)
            .order_by(field).values_list(field, flat=True)[:1])
    return step.query.sql_with_params()


def distinct_values(queryset: QuerySet, field: str) -> RawSQL:
    """The distinct non-null values of `field` (a concrete column of the queryset's model,
    its attname for a foreign key: "occupation_id") among the queryset's rows, as a subquery
    for `pk__in=`: the option list is then one query, as a DISTINCT join was."""
    first, first_params = _smallest_sql(queryset, field)
    following, following_params = _smallest_sql(queryset, field,
                                                 **{f"{field}__gt": RawSQL(_PREVIOUS, ())})  # noqa: S611
    # Both parts compiled by Django, every value a parameter; the rest is constant text.
    sql = ("WITH RECURSIVE found(value) AS ("  # noqa: S608
           f"({first}) UNION ALL SELECT ({following}) FROM found WHERE found.value IS NOT NULL"
           ") SELECT value FROM found WHERE value IS NOT NULL")
    return RawSQL(sql, (*first_params, *following_params))  # noqa: S611
