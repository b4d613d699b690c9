"""A dump of every table, read for markers: the test suite's "database dump" (issue 13),
taken inside the test transaction. Every column of every row as text (row_to_json), so
addresses (inet), arrays, JSON and search vectors are read too."""

import json

from django.db import connection

Dump = list[tuple[str, str, str]]  # (table, column, value as text)


def database_dump() -> Dump:
    rows: Dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT row_to_json(t)::text FROM "{table}" t')  # noqa: S608
            for (record,) in cursor.fetchall():
                for column, value in json.loads(record).items():
                    if value is not None:
                        rows.append((table, column, str(value)))
    return rows


def columns_holding(marker: str, dump: Dump | None = None) -> list[tuple[str, str]]:
    """(table, column) of every stored value that contains the marker, case-insensitively."""
    marker = marker.lower()
    found = {(table, column) for table, column, value in
             (dump if dump is not None else database_dump()) if marker in value.lower()}
    return sorted(found)
