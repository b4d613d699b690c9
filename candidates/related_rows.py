"""Related rows of the parents a page shows, in plain SQL, as model instances.

For the employer's profile page and the result lists. A Django prefetch compiles a queryset
and builds a related manager for every relation it loads: about 1 ms of CPU each, so the
seven relations of a profile were more than half of the profile page's selector (11.6 ms).
The same rows in plain SQL cost about 0.1 ms a relation. The parents come from a scoped
queryset (Candidate.objects.visible_to), so these reads go no further than it did.

The rows are kept on the parent under LOADED_ATTR and read back with related(), which
falls back to the relation's own manager for a parent loaded any other way. They are not
put in Django's prefetch cache: that needs a queryset filtered to the parent, and a bare one
would let a later .filter() on the relation read other people's rows.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models

LOADED_ATTR = "loaded_related"


def related(instance: models.Model, name: str) -> Iterable[models.Model]:
    """What instance.<name>.all() gives: the rows a load_*() call put there, or a query."""
    loaded = getattr(instance, LOADED_ATTR, {})
    return loaded[name] if name in loaded else getattr(instance, name).all()


@cache
def _fields(model: type[models.Model], only: tuple[str, ...] | None = None) -> list:
    """The concrete fields to load. A field whose database value needs a converter (a
    JSONField, say) would come back raw from a plain cursor: refused, not loaded wrongly."""
    fields = [f for f in model._meta.concrete_fields if only is None or f.name in only]
    for field in fields:
        column = field.get_col(model._meta.db_table)
        if (connection.ops.get_db_converters(column)
                or column.get_db_converters(connection)):
            raise ImproperlyConfigured(f"{model.__name__}.{field.name} needs a converter; "
                                       "load it with the ORM")
    return fields


def _order_by(model: type[models.Model], alias: str) -> str:
    """The model's Meta.ordering as SQL (plain field names only, as ours are)."""
    terms = []
    for entry in model._meta.ordering:
        descending = entry.startswith("-")
        column = model._meta.get_field(entry.lstrip("-")).column
        terms.append(f"{alias}.{column}{' DESC' if descending else ''}")
    return ", ".join(terms)


def _slots(parents: dict[int, models.Model], name: str,
           to_attr: str | None = None) -> dict[int, list]:
    """An empty list per parent where the rows go, by parent pk."""
    slots = {}
    for pk, parent in parents.items():
        slots[pk] = []
        if to_attr is not None:
            setattr(parent, to_attr, slots[pk])
            continue
        if not hasattr(parent, LOADED_ATTR):
            setattr(parent, LOADED_ATTR, {})
        getattr(parent, LOADED_ATTR)[name] = slots[pk]
    return slots


@dataclass(frozen=True)
class Rows:
    """The rows of one relation for some parents, as a SELECT: `columns` (the parent's key
    first, then the loaded fields), `source` (FROM … WHERE …, with one parameter: the parents'
    keys) and `order`. Made by children() and many_to_many(); run by load() alone, or with
    others in one statement by load_together()."""

    model: type[models.Model]
    fields: list  # the loaded fields of `model`, in the order of columns[1:]
    columns: list[str]
    source: str
    order: str
    keys: list[int]
    slots: dict[int, list]

    def select(self) -> str:
        return f"SELECT {', '.join(self.columns)} {self.source} ORDER BY {self.order}"

    def store(self, rows) -> None:
        attnames = [field.attname for field in self.fields]
        for parent_id, *values in rows:
            self.slots[parent_id].append(self.model.from_db(connection.alias, attnames, values))


def children(parents: dict[int, models.Model], name: str, *, condition: str = "",
             to_attr: str | None = None) -> Rows | None:
    """The reverse foreign key `name` of these parents (by pk), in the child's order.
    `condition` is a fixed SQL condition on the child `c` (no user input); with it, give
    `to_attr` (as Django's Prefetch does), so related() never mistakes a part for all."""
    assert to_attr or not condition, "a filtered relation goes under an attribute of its own"
    slots = _slots(parents, name, to_attr)
    if not parents:
        return None
    parent_model = next(iter(parents.values()))._meta.model
    relation = parent_model._meta.get_field(name)
    child, key = relation.related_model, relation.field
    fields = _fields(child)
    where = f"c.{key.column} = ANY(%s)" + (f" AND {condition}" if condition else "")
    return Rows(model=child, fields=fields,
                columns=[f"c.{key.column}", *(f"c.{field.column}" for field in fields)],
                source=f"FROM {child._meta.db_table} c WHERE {where}",
                order=_order_by(child, "c") or "c.id", keys=list(parents), slots=slots)


def many_to_many(parents: dict[int, models.Model], name: str, *,
                 only: tuple[str, ...] | None = None) -> Rows | None:
    """The many-to-many field `name` of these parents (by pk), in the target's order;
    `only` loads just those fields of the target (the others are deferred)."""
    slots = _slots(parents, name)
    if not parents:
        return None
    parent_model = next(iter(parents.values()))._meta.model
    field = parent_model._meta.get_field(name)
    target = field.related_model
    chosen = _fields(target, only)
    source = f"t.{field.m2m_column_name()}"
    return Rows(model=target, fields=chosen,
                columns=[source, *(f"o.{f.column}" for f in chosen)],
                source=(f"FROM {field.remote_field.through._meta.db_table} t "
                        f"JOIN {target._meta.db_table} o "
                        f"ON o.{target._meta.pk.column} = t.{field.m2m_reverse_name()} "
                        f"WHERE {source} = ANY(%s)"),
                order=", ".join(filter(None, [_order_by(target, "o"), "t.id"])),
                keys=list(parents), slots=slots)


def load(rows: Rows | None) -> None:
    if rows is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(rows.select(), [rows.keys])
        rows.store(cursor.fetchall())


def load_children(parents: dict[int, models.Model], name: str, *, condition: str = "",
                  to_attr: str | None = None) -> None:
    """children(), read at once in a query of its own."""
    load(children(parents, name, condition=condition, to_attr=to_attr))


def load_many_to_many(parents: dict[int, models.Model], name: str, *,
                      only: tuple[str, ...] | None = None) -> None:
    """many_to_many(), read at once in a query of its own."""
    load(many_to_many(parents, name, only=only))


def load_together(relations: list[Rows | None]) -> None:
    """Several relations in one statement: each a subquery that gives its rows as one JSON
    array (in its order), so a page that shows one profile with its seven kinds of rows
    asks the database once instead of seven times (about 0.1 ms of CPU on each side per
    statement saved). The JSON values become the fields' Python values by _from_json()."""
    relations = [rows for rows in relations if rows is not None]
    if not relations:
        return
    parts = [f"(SELECT coalesce(json_agg(json_build_array({', '.join(rows.columns)}) "
             f"ORDER BY {rows.order}), '[]') {rows.source})" for rows in relations]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", [rows.keys for rows in relations])
        arrays = cursor.fetchone()
    for rows, found in zip(relations, arrays, strict=True):
        decoders = [_from_json(field) for field in rows.fields]
        rows.store([(parent_id, *(decode(value) if decode and value is not None else value
                                  for decode, value in zip(decoders, values, strict=True)))
                    for parent_id, *values in found])


# JSON gives numbers, text, true/false, null and arrays as they are; dates and timestamps
# come as ISO text (timestamps in the connection's time zone, UTC, with their offset).
_AS_IS = (models.IntegerField, models.CharField, models.TextField, models.BooleanField,
          models.ForeignKey, models.FloatField)


@cache
def _from_json(field: models.Field):
    """How a field's JSON value becomes its Python value: None when it is the same, or a
    function. A field of any other kind is refused, not loaded wrongly."""
    if isinstance(field, models.DateTimeField):
        return datetime.fromisoformat
    if isinstance(field, models.DateField):
        return date.fromisoformat
    if isinstance(field, ArrayField) and _from_json(field.base_field) is None:
        return None
    if isinstance(field, _AS_IS):  # a DecimalField is none of these: refused below
        return None
    raise ImproperlyConfigured(f"{field.model.__name__}.{field.name} has no plain JSON value; "
                               "load it with load()")
