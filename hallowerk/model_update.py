"""The diff-and-save step of every update service (after HackSoft's `model_update`).

A service checks who may do it and merges concurrent edits (hallowerk/edit_base.py); then
model_update() sets the allowed fields that differ, validates the row, saves only those
columns (plus the `auto_now` ones) and returns the names that changed, which the service
audits. Relations compare by id, so an unset relation is never fetched.
"""

from collections.abc import Callable, Iterable, Mapping

from django.core.exceptions import PermissionDenied
from django.db import models

from hallowerk.validators import normalise_postcode

Clean = Callable[[str, object], object]


def strip_text(field: str, value):
    return value.strip() if isinstance(value, str) else value


def entered_contact(*email_fields: str) -> Clean:
    """Clean typed contact data: a postcode in its one form, e-mail addresses lowercased
    (they are login names or compared as such), other text stripped."""

    def clean(field: str, value):
        if field == "postcode":
            return normalise_postcode(value)
        if field in email_fields:
            return (value or "").strip().lower()
        return strip_text(field, value)

    return clean


def _assign(instance: models.Model, field: str, value) -> bool:
    """Set a field; True when it changed."""
    model_field = instance._meta.get_field(field)
    if model_field.is_relation:
        if getattr(instance, model_field.attname) == (value.pk if value is not None else None):
            return False
    elif getattr(instance, field) == value:
        return False
    setattr(instance, field, value)
    return True


def model_assign(*, instance: models.Model, fields: Iterable[str], data: Mapping,
                 clean: Clean = strip_text) -> list[str]:
    """Set what differs of `data` on `instance` (not saved); the names that changed. A name
    outside `fields` is refused: a crafted form never reaches another column."""
    unknown = set(data) - set(fields)
    if unknown:
        raise PermissionDenied(f"Not editable: {sorted(unknown)}")
    return [field for field, value in data.items()
            if _assign(instance, field, clean(field, value))]


def model_update(*, instance: models.Model, fields: Iterable[str], data: Mapping,
                 clean: Clean = strip_text, exclude_from_validation: Iterable[str] = (),
                 before_save: Callable[[list[str]], None] | None = None) -> list[str]:
    """model_assign(), then validate and save the changed columns; the names that changed
    (nothing is saved when none did). `before_save(changed)` runs after validation, for a
    service's own consequence of a change (a new login e-mail address)."""
    changed = model_assign(instance=instance, fields=fields, data=data, clean=clean)
    if not changed:
        return []
    instance.full_clean(exclude=list(exclude_from_validation) or None)
    if before_save is not None:
        before_save(changed)
    auto_now = [field.name for field in instance._meta.concrete_fields
                if getattr(field, "auto_now", False) and field.name not in changed]
    instance.save(update_fields=[*changed, *auto_now])
    return changed
