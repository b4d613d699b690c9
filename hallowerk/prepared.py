"""Prepared statements for lookups whose plan never depends on the values asked for.

PostgreSQL plans every statement it is sent. For our small joins by key, planning costs more
than running: the employer's candidate profile query spent 1.8 ms planning and 0.2 ms running
(EXPLAIN ANALYZE, 100k benchmark database). A statement prepared on the connection is
planned once and then runs with a generic plan, and PostgreSQL's CPU per profile request
went from about 6 to 3.0 ms (issue 12).

Only inside `prepared_statements()`, never by default: a generic plan is as good as any for a
lookup by primary key or by one person's or organisation's key, but not for the search, the
rankings or a filtered list, whose best plan depends on the word or the municipality. With
every statement prepared (psycopg's default threshold), scripts/bench_search.py's p95 went
from 28 to 144 ms at 100k: PostgreSQL chose a generic plan for the full-text query.

Inside the scope the connection also sends its parameters apart from the query text
(server-side binding), so that one lookup is one statement whatever its values. Outside it
keeps Django's default, the values written into the text: with server-side binding
everywhere the search at 500k was slower (p95 38.4 -> 46.0 ms, 400 searches each).
Off with settings.PREPARED_STATEMENTS = False (a pooler that cannot keep them).
"""

from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections


@cache
def _lookup_cursor_class():
    from django.db.backends.postgresql.base import ServerBindingCursor

    class LookupCursor(ServerBindingCursor):
        """Django's query log (and the query-count tests) read the executed text from
        psycopg's `_query`, which psycopg leaves empty when it runs a prepared statement:
        keep the statement's text there (with $1 for the values)."""

        def _convert_query(self, query, params=None):
            converted = super()._convert_query(query, params)
            self._query = converted
            return converted

    return LookupCursor


@contextmanager
def prepared_statements(using: str = DEFAULT_DB_ALIAS):
    """Prepare every statement run inside (on the first run); also a decorator. Outside it,
    the connection neither prepares nor uses prepared statements (psycopg's threshold is
    None there, Django's default), so a query shared with a search page is never run with a
    generic plan."""
    wrapper = connections[using]
    if wrapper.vendor != "postgresql" or not getattr(settings, "PREPARED_STATEMENTS", True):
        yield
        return
    wrapper.ensure_connection()
    raw = wrapper.connection
    saved = raw.cursor_factory, raw.prepare_threshold
    raw.cursor_factory, raw.prepare_threshold = _lookup_cursor_class(), 0
    try:
        yield
    finally:
        raw.cursor_factory, raw.prepare_threshold = saved
