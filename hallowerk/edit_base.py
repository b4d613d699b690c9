"""Optimistic concurrency for every edit form (issue 12): one mechanism, used by the profile
steps, the coach's intake form, the vacancy and employer forms and the legal texts.

The form carries, in a hidden field, a signed fingerprint of each value it showed (the
"edit base"). The service, inside its transaction and with the row locked, compares it with
what is stored now (edit_merge):
- a field nobody else changed is saved as usual;
- a field someone else changed that this form left as it was is dropped from the save, so
  the other change stays (two tabs on different fields of one step both keep their work);
- a field changed both here and elsewhere refuses the whole save with EditConflict: its
  message names each such field with what is stored now, the form keeps the person's input
  and gets a fresh base, so saving again is a deliberate choice. Nothing is overwritten
  silently.
Fingerprints, not values, travel in the page: short hashes, signed so they cannot be forged.
"""

import hashlib
from collections.abc import Iterable

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

EDIT_BASE_FIELD = "edit_base"
SALT = "hallowerk.edit-base"


def _normal(value):
    """One comparable form for a model value and a form's cleaned value."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set) and all(
            isinstance(item, models.Model) for item in value):
        return sorted(item.pk for item in value)
    if isinstance(value, str):
        return value.strip().replace("\r\n", "\n")
    return value


def _fingerprint(value) -> str:
    return hashlib.sha256(repr(_normal(value)).encode()).hexdigest()[:16]


def instance_values(instance: models.Model, fields: Iterable[str]) -> dict:
    values = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            values[name] = list(getattr(instance, name).all()) if instance.pk else []
        elif field.is_relation:
            values[name] = getattr(instance, field.attname)
        else:
            values[name] = getattr(instance, name)
    return values


def edit_base_token(values: dict) -> str:
    return signing.dumps({name: _fingerprint(value) for name, value in values.items()},
                         salt=SALT, compress=True)


class EditConflict(ValidationError):
    """Someone else changed what this form changes. `token` is the base of what is stored
    now, for the form to carry on the next try."""

    def __init__(self, lines: list[str], token: str):
        super().__init__([_("Iemand anders heeft dit intussen gewijzigd, of u zelf in een "
                            "ander venster. Er is niets opgeslagen. Dit staat er nu:"),
                          *lines,
                          _("Uw eigen wijzigingen staan nog in het formulier. Kijk ze na en "
                            "sla opnieuw op als u ze wilt bewaren.")])
        self.token = token

    def renew(self, form: forms.Form) -> None:
        """Show the form again with the new base, so the next save goes through."""
        form.data = form.data.copy()
        form.data[EDIT_BASE_FIELD] = self.token


def _shown(value) -> str:
    if value in (None, "", [], ()):
        return _("(leeg)")
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _base(token: str) -> dict:
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise ValidationError(_("Dit formulier klopt niet meer. Open de pagina opnieuw.")) \
            from error


def edit_merge(*, token: str | None, current: dict, changes: dict, labels: dict,
               shown: dict | None = None) -> dict:
    """The changes to save, given the form's base and the values stored now (read under a
    row lock). Raises EditConflict; a token of None (a service called from code) checks
    nothing. `shown` may give readable versions of current values (choice labels, names)."""
    if not token:
        return changes
    merged, conflicts = dict(changes), []
    for name, base_print in _base(token).items():
        if name not in current or _fingerprint(current[name]) == base_print:
            continue
        if name in changes and _fingerprint(changes[name]) == base_print:
            del merged[name]  # left alone here, changed elsewhere: keep the other change
        else:
            conflicts.append(name)
    if conflicts:
        shown = {**current, **(shown or {})}
        raise EditConflict([f"{labels.get(name, name)}: {_shown(shown[name])}"
                            for name in conflicts], edit_base_token(current))
    return merged


def _readable(instance: models.Model, name: str):
    """A choice's label or a related object's name instead of the stored code or id."""
    field = instance._meta.get_field(name)
    if field.choices and not field.many_to_many:
        return getattr(instance, f"get_{name}_display")()
    if field.is_relation and not field.many_to_many:
        return getattr(instance, name)
    return getattr(instance, name) if not field.many_to_many else list(
        getattr(instance, name).all())


def edit_merge_locked(*, token: str | None, instance: models.Model, changes: dict) -> dict:
    """edit_merge for one row: locks it (call inside the service's transaction) and compares
    with its stored values. Labels come from the model's fields."""
    if not token:
        return changes
    base = _base(token)
    # Lock the row and read it in one statement. The caller's copy may predate another save;
    # services that save whole rows must not write its old values back.
    instance.refresh_from_db(
        from_queryset=type(instance)._base_manager.select_for_update(of=("self",)))
    model_fields = {field.name for field in instance._meta.get_fields()}
    names = [name for name in base if name in model_fields]
    labels = {name: str(instance._meta.get_field(name).verbose_name) for name in names}
    return edit_merge(token=token, current=instance_values(instance, names), changes=changes,
                      labels=labels, shown={name: _readable(instance, name) for name in names})


class EditBaseField(forms.CharField):
    widget = forms.HiddenInput

    def has_changed(self, initial, data) -> bool:
        return False  # not data of the record: never in a form's changed_data


def with_edit_base(form: forms.Form, values: dict) -> forms.Form:
    """Add the hidden base field to a form, holding the fingerprints of `values` (what the
    form shows now). A bound form keeps the base it was posted with."""
    form.fields[EDIT_BASE_FIELD] = EditBaseField(required=False,
                                                 initial=edit_base_token(values))
    return form


def posted_edit_base(form: forms.Form) -> str | None:
    return form.cleaned_data.get(EDIT_BASE_FIELD) or None
