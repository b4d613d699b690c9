"""Fast inserts for large demo populations: ids taken from the table's own sequence, rows
streamed with PostgreSQL COPY. Django model instances are never built, which is what makes
100,000 candidates a matter of minutes. Development data only; real data goes through the
services."""

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from django.db import connection, connections, models
from psycopg import sql

# Below this many batches, or inside a transaction (tests), one process does the work.
PARALLEL_FROM_BATCHES = 4
_WORK: tuple | None = None  # (function, context) for the forked workers


def _in_worker(batch):
    function, context = _WORK
    return function(context, batch)


def _worker_start():
    # The parent closed its connections before forking, so each child opens its own.
    connections.close_all()


def parallel_map(function: Callable, context, batches: list) -> Iterator:
    """function(context, batch) for every batch, in as many processes as there are cores
    (each with its own database connection), yielding results as they come. The batches
    must not depend on each other: each commits on its own."""
    global _WORK
    workers = min(len(os.sched_getaffinity(0)), 4)
    if workers < 2 or len(batches) < PARALLEL_FROM_BATCHES or connection.in_atomic_block:
        for batch in batches:
            yield function(context, batch)
        return
    _WORK = (function, context)
    connections.close_all()  # the children open their own
    fork = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers, mp_context=fork, initializer=_worker_start) as pool:
            yield from pool.map(_in_worker, batches)
    finally:
        _WORK = None


def ids_allocate(model: type[models.Model], count: int) -> list[int]:
    """Reserve `count` primary keys from the table's identity sequence."""
    if count <= 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                       "FROM generate_series(1, %s)", [table, count])
        return [row[0] for row in cursor.fetchall()]


def _columns(model: type[models.Model], given: set[str]) -> list[models.Field]:
    # Every concrete column, so NOT NULL columns without a value get the field's default;
    # never a column PostgreSQL computes (GeneratedField), which refuses a value.
    return [f for f in model._meta.concrete_fields if not f.generated and (
        f.attname in given or f.has_default() or f.null
        or isinstance(f, models.CharField | models.TextField))]


def copy_rows(model: type[models.Model], rows: Iterable[dict]) -> int:
    """COPY dicts of attname → value into the model's table; missing values get defaults."""
    rows = list(rows)
    if not rows:
        return 0
    given = set(rows[0])
    fields = _columns(model, given)
    defaults = {f.attname: _default(f) for f in fields if f.attname not in given}
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(f.column) for f in fields))
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[f.attname] if f.attname in row else defaults[f.attname]
                            for f in fields])
    return len(rows)


def copy_through(relation, pairs: Iterable[tuple[int, int]]) -> int:
    """COPY (source id, target id) pairs into a many-to-many table."""
    through = relation.through
    source, target = (f for f in through._meta.concrete_fields if f.is_relation)
    return copy_rows(through, ({source.attname: a, target.attname: b} for a, b in pairs))


def _default(field: models.Field):
    if field.has_default():
        return field.get_default()
    if field.null:
        return None
    return ""  # CharField / TextField without a default: Django stores the empty string


def vacuum_analyze(*models_: type[models.Model]) -> None:
    """After a bulk load: fresh planner statistics, and a visibility map so index-only
    scans work at once (autovacuum would get there, later)."""
    # VACUUM cannot run inside a transaction (tests, or a caller's atomic block).
    command = "ANALYZE {}" if connection.in_atomic_block else "VACUUM (ANALYZE) {}"
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(sql.SQL(command).format(sql.Identifier(model._meta.db_table)))
