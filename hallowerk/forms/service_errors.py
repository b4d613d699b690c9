"""Turning a service's ValidationError into form errors: one helper for every view."""

from django import forms
from django.core.exceptions import ValidationError

from hallowerk.edit_base import EditConflict


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field when it names one. After an
    edit conflict the form carries the new base, so saving again is a deliberate choice."""
    if isinstance(error, EditConflict):
        error.renew(form)
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
