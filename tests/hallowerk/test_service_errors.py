"""add_service_errors: the one way a view shows a service's ValidationError on its form."""

from django import forms
from django.core.exceptions import ValidationError

from hallowerk.forms.service_errors import add_service_errors


class NoteForm(forms.Form):
    email = forms.EmailField(required=False)
    note = forms.CharField(required=False)


def _form() -> NoteForm:
    form = NoteForm({})
    assert form.is_valid()
    return form


def test_errors_land_on_the_field_they_name_and_the_rest_above_the_form():
    form = _form()
    add_service_errors(form, ValidationError({"note": "Te lang.", "elsewhere": "Nee."}))
    assert form.errors == {"note": ["Te lang."], "__all__": ["Nee."]}


def test_a_plain_error_goes_above_the_form_or_to_the_default_field():
    form = _form()
    add_service_errors(form, ValidationError("Mis."))
    assert form.errors == {"__all__": ["Mis."]}
    form = _form()
    add_service_errors(form, ValidationError(["Mis.", "Ook mis."]), default="note")
    assert form.errors == {"note": ["Mis.", "Ook mis."]}


def test_a_service_field_can_be_renamed_and_a_code_can_choose_the_field():
    form = _form()
    add_service_errors(form, ValidationError({"body": "BSN."}), fields={"body": "note"})
    assert form.errors == {"note": ["BSN."]}
    form = _form()
    add_service_errors(form, ValidationError("Bestaat al.", code="exists"),
                       codes={"exists": "email"})
    assert form.errors == {"email": ["Bestaat al."]}
    form = _form()
    add_service_errors(form, ValidationError("Anders.", code="other"), codes={"exists": "email"})
    assert form.errors == {"__all__": ["Anders."]}
