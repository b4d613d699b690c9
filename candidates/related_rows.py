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
from functools import cache

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


def load_children(parents: dict[int, models.Model], name: str, *, condition: str = "",
                  to_attr: str | None = None) -> None:
    """The reverse foreign key `name` of these parents (by pk), in the child's order.
    `condition` is a fixed SQL condition on the child `c` (no user input); with it, give
    `to_attr` (as Django's Prefetch does), so related() never mistakes a part for all."""
    assert to_attr or not condition, "a filtered relation goes under an attribute of its own"
    slots = _slots(parents, name, to_attr)
    if not parents:
        return
    parent_model = next(iter(parents.values()))._meta.model
    relation = parent_model._meta.get_field(name)
    child, key = relation.related_model, relation.field
    fields = [field.attname for field in _fields(child)]
    columns = ", ".join(f"c.{field.column}" for field in _fields(child))
    where = f"c.{key.column} = ANY(%s)" + (f" AND {condition}" if condition else "")
    order = _order_by(child, "c") or "c.id"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {child._meta.db_table} c "  # noqa: S608
                       f"WHERE {where} ORDER BY {order}", [list(parents)])
        for row in cursor.fetchall():
            instance = child.from_db(connection.alias, fields, row)
            slots[getattr(instance, key.attname)].append(instance)


def load_many_to_many(parents: dict[int, models.Model], name: str, *,
                      only: tuple[str, ...] | None = None) -> None:
    """The many-to-many field `name` of these parents (by pk), in the target's order;
    `only` loads just those fields of the target (the others are deferred)."""
    slots = _slots(parents, name)
    if not parents:
        return
    parent_model = next(iter(parents.values()))._meta.model
    field = parent_model._meta.get_field(name)
    target = field.related_model
    chosen = _fields(target, only)
    columns = ", ".join(f"o.{f.column}" for f in chosen)
    source = f"t.{field.m2m_column_name()}"
    order = ", ".join(filter(None, [_order_by(target, "o"), "t.id"]))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {source}, {columns} "  # noqa: S608
                       f"FROM {field.remote_field.through._meta.db_table} t "
                       f"JOIN {target._meta.db_table} o "
                       f"ON o.{target._meta.pk.column} = t.{field.m2m_reverse_name()} "
                       f"WHERE {source} = ANY(%s) ORDER BY {order}", [list(parents)])
        attnames = [f.attname for f in chosen]
        for parent_id, *row in cursor.fetchall():
            slots[parent_id].append(target.from_db(connection.alias, attnames, row))
