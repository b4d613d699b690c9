"""Turning a service's ValidationError into form errors: one helper for every view."""

from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError

from hallowerk.edit_base import EditConflict


def add_service_errors(form: forms.Form, error: ValidationError, *, default: str | None = None,
                       fields: Mapping[str, str] | None = None,
                       codes: Mapping[str, str] | None = None) -> None:
    """Show a service's ValidationError on the form: per field when it names one.

    `fields` renames a service's field to the form's (the service's "name" is the form's
    "new_name"); `codes` places an error without a field by its code ("exists": "email");
    everything else lands on `default` (None: above the form). After an edit conflict the
    form carries the new base, so saving again is a deliberate choice."""
    if isinstance(error, EditConflict):
        error.renew(form)
    if not hasattr(error, "error_dict"):
        form.add_error((codes or {}).get(getattr(error, "code", None), default), error.messages)
        return
    for name, messages in error.message_dict.items():
        target = (fields or {}).get(name, name)
        form.add_error(target if target in form.fields else default, messages)
