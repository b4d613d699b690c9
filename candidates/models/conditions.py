"""A model's conditions as one Q, read by the database and by Python alike.

A condition such as EMPLOYER_VISIBLE is written once, as a Q: indexes, querysets and
counts use it as it is, and `holds()` answers it for one loaded instance without a query
(a page that shows "employers see your profile" need not ask the database again). Only
an AND of plain `field=value` and `field__isnull` lookups is understood; anything else
raises, so a richer condition can never be half-mirrored.
"""

from django.db import models
from django.db.models import Q


def _lookup_holds(instance: models.Model, lookup: str, expected) -> bool:
    name, _sep, operator = lookup.partition("__")
    value = getattr(instance, instance._meta.get_field(name).attname)
    if operator == "":
        return value == expected
    if operator == "isnull":
        return (value is None) == expected
    raise ValueError(f"holds() does not understand the lookup {lookup!r}")


def holds(condition: Q, instance: models.Model) -> bool:
    """Whether `instance`, as loaded, meets `condition`."""
    if condition.connector != Q.AND or condition.negated:
        raise ValueError("holds() understands only an AND of plain lookups")
    return all(holds(child, instance) if isinstance(child, Q)
               else _lookup_holds(instance, *child)
               for child in condition.children)
