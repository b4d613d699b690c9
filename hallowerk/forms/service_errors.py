"""Turning a service's ValidationError into form errors: one helper for every view."""

from collections.abc import Callable, Mapping

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

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
    for name, field_messages in error.message_dict.items():
        target = (fields or {}).get(name, name)
        form.add_error(target if target in form.fields else default, field_messages)


def edit_saved(request, *, form: forms.Form, instance, save: Callable[[], list[str]],
               saved_message: str) -> bool:
    """Run an update service for an edit form. True when it went through (the message says
    whether anything changed); False with the service's errors on the form and `instance`
    re-read as stored, so the page shows what is there now."""
    try:
        changed = save()
    except ValidationError as error:
        instance.refresh_from_db()
        add_service_errors(form, error)
        return False
    messages.success(request, saved_message if changed else _("Er was niets veranderd."))
    return True
