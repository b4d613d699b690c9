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


# --- choice widgets rendered once per set of inputs (hallowerk/templatetags/utrecht.py) ------

def _both(bound_field) -> tuple[str, str]:
    """utrecht_widget()'s markup (twice: the second from the cache) and as_widget()'s with the
    same attributes."""
    from hallowerk.templatetags.utrecht import utrecht_widget, widget_attrs_for

    first, second = str(utrecht_widget(bound_field)), str(utrecht_widget(bound_field))
    assert first == second
    return first, str(bound_field.as_widget(attrs=widget_attrs_for(bound_field)))


@pytest.fixture
def empty_cache(monkeypatch):
    from collections import OrderedDict

    monkeypatch.setattr("hallowerk.templatetags.utrecht._RENDERED", OrderedDict())


@pytest.mark.parametrize("data", [None, DATA, {"many": ["a", "x"], "one": "zz"}],
                         ids=["empty", "filled", "invalid"])
def test_a_cached_choice_widget_is_what_as_widget_renders(data, empty_cache):
    form = Example(data) if data is not None else Example()
    for name in ["pick", "many", "one"]:
        cached, direct = _both(form[name])
        assert cached == direct, name
    if data and "zz" in data.values():
        assert 'aria-invalid="true"' in _both(form["one"])[0]


def test_each_change_of_input_is_rendered_anew(empty_cache):
    """Another selection, another language, other choices, HTML-safe against plain text:
    each is its own markup, equal to as_widget()'s."""
    from django.utils import translation
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext_lazy

    seen = set()
    for data in [{"many": ["a"]}, {"many": ["b"]}, {"many": ["a", "b"]}]:
        cached, direct = _both(Example(data)["many"])
        assert cached == direct
        seen.add(cached)
    assert len(seen) == 3

    class Lazy(forms.Form):
        pick = forms.ChoiceField(choices=[("a", gettext_lazy("Zoeken"))])

    with translation.override("nl"):
        dutch = _both(Lazy()["pick"])
    with translation.override("en"):
        english = _both(Lazy()["pick"])
    assert dutch[0] == dutch[1] and english[0] == english[1]
    assert ">Zoeken<" in dutch[0] and ">Search<" in english[0]

    class Empty(forms.Form):  # the same choices; only our text for the empty one differs
        pick = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)

    with translation.override("nl"):
        dutch = _both(Empty()["pick"])
    with translation.override("en"):
        english = _both(Empty()["pick"])
    assert ">Maak een keuze<" in dutch[0] and ">Make a choice<" in english[0]

    class Plain(forms.Form):
        pick = forms.ChoiceField(choices=[("a", "<b>x</b>")])

    class Safe(forms.Form):
        pick = forms.ChoiceField(choices=[("a", mark_safe("<b>x</b>"))])  # noqa: S308

    plain, safe = _both(Plain()["pick"]), _both(Safe()["pick"])
    assert plain[0] == plain[1] and "&lt;b&gt;" in plain[0]
    assert safe[0] == safe[1] and "<b>x</b>" in safe[0]


@pytest.mark.django_db
def test_a_new_row_of_a_model_choice_list_shows_at_once(empty_cache):
    from hallowerk.forms.choices import ModelChoiceField
    from hallowerk.models import Sector

    class Sectors(forms.Form):
        sector = ModelChoiceField(queryset=Sector.objects.order_by("code"), required=False)

    before = _both(Sectors()["sector"])
    Sector.objects.create(code="zz-nieuw", label_nl="Nieuwe sector", label_en="New sector")
    after = _both(Sectors()["sector"])
    assert before[0] == before[1] and after[0] == after[1]
    assert "Nieuwe sector" not in before[0] and "Nieuwe sector" in after[0]


def test_the_cache_keeps_the_most_recent_sets_only(empty_cache, monkeypatch):
    from hallowerk.templatetags import utrecht

    monkeypatch.setattr(utrecht, "_RENDERED_MAX", 2)
    for data in [{"pick": "a"}, {"pick": "b"}, {"pick": "c"}]:
        utrecht.utrecht_widget(Example(data)["pick"])
    assert len(utrecht._RENDERED) == 2
