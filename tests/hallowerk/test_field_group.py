"""Field groups written in Python (hallowerk/forms/field_group.py) are what
templates/forms/field.html renders: every kind of field, with and without a description,
errors and `required`, with text that needs escaping, in Dutch and English."""

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from hallowerk.forms.field_group import field_group
from hallowerk.forms.renderer import UtrechtFormRenderer

EVIL = '<script>alert("x")</script>'
CHOICES = [("a", "Één & twee"), ("b", EVIL)]


class Example(forms.Form):
    name = forms.CharField(label=f"Naam {EVIL}", max_length=5, help_text=f"Hulp & {EVIL}")
    plain = forms.CharField(required=False)
    safe_help = forms.CharField(required=False, help_text=mark_safe("<em>al veilig</em>"))  # noqa: S308
    text = forms.CharField(widget=forms.Textarea, required=False)
    pick = forms.ChoiceField(choices=CHOICES, required=False, help_text="Kies er een")
    many = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)
    one = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, required=False)
    agree = forms.BooleanField(label="Akkoord & verder", help_text="Verplicht")
    maybe = forms.BooleanField(required=False)
    number = forms.IntegerField(required=False, min_value=1)


DATA = [None, {"name": "te lang hoor", "many": ["x"], "one": "zz", "number": "0"},
        {"name": "Jan", "many": ["a", "b"], "one": "a", "agree": "on", "text": EVIL}]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("data", DATA, ids=["empty", "errors", "filled"])
def test_each_field_group_is_what_the_template_writes(data, language):
    with translation.override(language):
        form = Example(data) if data is not None else Example()
        if data is not None:
            form.is_valid()
        for name in form.fields:
            bound = form[name]
            template = render_to_string("forms/field.html", {"field": bound})
            assert str(field_group(bound)) == template, name
        if data is DATA[1]:
            assert form.errors and "--invalid" in str(field_group(form["many"]))


def test_the_form_renderer_writes_field_groups_in_python(monkeypatch):
    """as_field_group() and {{ form }} reach field_group(); another template does not."""
    calls = []
    from hallowerk.forms import field_group as module

    original = module.field_group
    monkeypatch.setattr(module, "field_group", lambda field: calls.append(field) or original(field))
    form = Example(renderer=UtrechtFormRenderer())
    form["name"].as_field_group()
    assert len(calls) == 1
    str(form)
    assert len(calls) == 1 + len(form.fields)
    form["name"].render(template_name="forms/_description_and_errors.html")
    assert len(calls) == 1 + len(form.fields)
