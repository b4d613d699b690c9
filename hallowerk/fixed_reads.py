"""One row by primary key through a statement built once per model (issue 12).

Every signed-in request reads its session, its user (with the municipality, for the header)
and, on a staff page, the device that verified the session. Built through the ORM on every
request, these reads cost about 0.4, 0.7 and 0.4 ms of CPU, a tenth of the lightest page or
more; the same statements built once cost about 0.12, 0.3 and 0.2 ms (a micro-benchmark on
this machine). Only for these reads of every request: everything else goes through
querysets, and the scoped selectors for personal data.
"""

from functools import cache

from django.core.exceptions import ValidationError
from django.db import connections, router

from hallowerk.prepared import prepared_statements


@cache
def _statement(model, related_name: str | None, database: str) -> tuple[str, list, list]:
    """SELECT of every concrete column of `model` (and of the model behind its foreign key
    `related_name`, LEFT JOINed) for one primary key. Cached by the database's alias, not by
    its connection object: each thread has a connection object of its own."""
    vendor_quote = connections[database].ops.quote_name
    fields = model._meta.concrete_fields
    columns = [f"t.{vendor_quote(f.column)}" for f in fields]
    joins = ""
    related_fields = []
    if related_name:
        key = model._meta.get_field(related_name)
        related = key.related_model
        related_fields = related._meta.concrete_fields
        columns += [f"r.{vendor_quote(f.column)}" for f in related_fields]
        joins = (f" LEFT JOIN {vendor_quote(related._meta.db_table)} r"
                 f" ON r.{vendor_quote(key.target_field.column)} = t.{vendor_quote(key.column)}")
    # Only quoted names from the models' metadata go into the text; the key is a parameter.
    sql = (f"SELECT {', '.join(columns)} FROM {vendor_quote(model._meta.db_table)} t{joins}"  # noqa: S608
           f" WHERE t.{vendor_quote(model._meta.pk.column)} = %s")
    return sql, [f.attname for f in fields], [f.attname for f in related_fields]


def instance_by_pk(model, pk, *, related_name: str | None = None):
    """The `model` instance with primary key `pk`, or None; with `related_name` (a foreign
    key of `model`) the related instance comes in the same statement, as select_related()
    would give it (None when the key is empty). `pk` may be a string, as a session holds it."""
    try:
        pk = model._meta.pk.to_python(pk)
    except ValidationError:
        return None
    database = router.db_for_read(model)
    sql, names, related_names = _statement(model, related_name, database)
    with prepared_statements(database), connections[database].cursor() as cursor:
        cursor.execute(sql, [pk])  # planned once per connection (hallowerk/prepared.py)
        row = cursor.fetchone()
    if row is None:
        return None
    instance = model.from_db(database, names, row[:len(names)])
    if related_name:
        key = model._meta.get_field(related_name)
        related_row = row[len(names):]
        related_instance = None
        if getattr(instance, key.attname) is not None:
            related_instance = key.related_model.from_db(database, related_names, related_row)
        key.set_cached_value(instance, related_instance)
    return instance
