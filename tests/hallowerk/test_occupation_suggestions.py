"""The occupation picker's suggestions are rendered once per language and process (issue
12), and follow a change of the reference list."""

import pytest
from django.utils import translation

from hallowerk.forms.occupations import OccupationInput
from hallowerk.models import Occupation

pytestmark = pytest.mark.django_db


def rendered() -> str:
    return OccupationInput(attrs={"id": "id_occupation"}).render("occupation", "")


def test_the_suggestions_are_every_occupation_in_the_language_of_the_page():
    html = rendered()
    assert html.count("<option ") == Occupation.objects.count()
    first = Occupation.objects.order_by("pk").first()
    assert f'<option value="{first.label_nl}"></option>' in html
    with translation.override("en"):
        english = rendered()
    assert english != html
    assert f'<option value="{first.label_en}"></option>' in english


def test_a_new_occupation_is_suggested_at_once():
    rendered()  # fills the per-process copy
    Occupation.objects.create(isco_code="0001", label_nl="Proefberoep <nieuw>",
                              label_en="Trial occupation")
    html = rendered()
    assert '<option value="Proefberoep &lt;nieuw&gt;"></option>' in html
