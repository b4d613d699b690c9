"""Our widget templates (templates/django/forms/widgets/) write the same markup as Django's
own, only faster (issue 12): attributes through a filter instead of an include per widget,
radio and checkbox options written in place. The deliberate differences are named here."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from hallowerk.forms.renderer import UtrechtFormRenderer

CHOICES = [("a", "Één & twee"), ("b", "<b>vet</b>"), ("c", 'Met "aanhalingstekens"')]


class Example(forms.Form):
    name = forms.CharField(max_length=20, required=False,
                           widget=forms.TextInput(attrs={"class": "x", "placeholder": "a\"b"}))
    when = forms.DateField(required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    pick = forms.ChoiceField(choices=CHOICES, required=False)
    many = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple,
                                     required=False)
    one = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, required=False)
    agree = forms.BooleanField(required=False)


DATA = {"name": "Jan <script>", "when": "2026-01-31", "text": "regel 1\nregel 2 & meer",
        "pick": "b", "many": ["a", "c"], "one": "c", "agree": "on"}


def _render(renderer, data) -> dict[str, str]:
    form = Example(data, renderer=renderer) if data is not None else Example(renderer=renderer)
    return {name: " ".join(str(form[name].as_widget()).split()) for name in form.fields}


@pytest.mark.parametrize("data", [None, DATA], ids=["empty", "filled"])
def test_our_widgets_write_what_djangos_own_templates_write(data):
    ours, django = _render(UtrechtFormRenderer(), data), _render(DjangoTemplates(), data)
    for name in ["name", "when", "text", "agree"]:
        assert ours[name] == django[name], name
    # The select: only the empty choice's text is ours (there is none here).
    assert ours["pick"] == django["pick"]
    # Radio and checkbox lists: the wrapper carries our class instead of the widget's; every
    # option, label and input is Django's, character for character.
    for name in ["many", "one"]:
        options = re.compile(r"<div>\s*(.*?)\s*</div>")  # the space before </div> differs
        assert options.findall(ours[name]) == options.findall(django[name]), name
        assert 'class="hw-choice-list"' in ours[name]


GROUPED = [("", "---------"), ("Binnen", [("a", "Één & twee"), ("b", "<b>vet</b>")]),
           ("Buiten", [("c", 'Met "aanhalingstekens"')])]


class Grouped(forms.Form):
    pick = forms.ChoiceField(choices=GROUPED, required=False)
    many = forms.MultipleChoiceField(choices=GROUPED[1:], widget=forms.CheckboxSelectMultiple,
                                     required=False)


@pytest.mark.parametrize("data", [None, {"pick": "c", "many": ["b"]}], ids=["empty", "filled"])
def test_grouped_options_and_the_empty_choice_are_written_as_django_does(data):
    """The options are written in Python (select_options, input_options): groups, escaping
    and the selected option as Django's templates write them; only the empty choice's
    dashes become a sentence."""
    def render(renderer):
        form = Grouped(data, renderer=renderer)
        return {name: " ".join(str(form[name].as_widget()).split()) for name in form.fields}

    ours, django = render(UtrechtFormRenderer()), render(DjangoTemplates())
    assert ours["pick"] == django["pick"].replace("---------", "Maak een keuze")
    assert '<optgroup label="Binnen">' in ours["pick"] and "&lt;b&gt;vet&lt;/b&gt;" in ours["pick"]
    options = re.compile(r"<div>\s*(.*?)\s*</div>")
    assert options.findall(ours["many"]) == options.findall(django["many"])
    assert "<label>Buiten</label>" in ours["many"]
