"""Model choice fields read their choices in one plain query (hallowerk/forms/choices.py):
no server-side cursor, and no form of ours uses Django's own fields, which would open one."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from employers.forms.employer import ContactRequestForm
from tests.employer_portal.conftest import employer_user
from tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
DJANGO_FIELD = re.compile(r"forms\.Model(Multiple)?ChoiceField\b")


def test_the_choices_come_in_one_query_without_a_cursor():
    user = employer_user()
    for title in ("Kok", "Schoonmaker"):
        VacancyFactory(employer=user.employer, title=title, status="published",
                       published_at=timezone.now())
    form = ContactRequestForm(user=user)
    with CaptureQueriesContext(connection) as captured:
        html = str(form["vacancy"])
    assert "Kok" in html and "Schoonmaker" in html
    assert len(captured) == 1
    assert not captured[0]["sql"].startswith("DECLARE")


def test_no_form_uses_djangos_own_model_choice_fields():
    offenders = [str(path.relative_to(ROOT)) for app in ("hallowerk", "candidates", "employers",
                                                         "matching", "privacy")
                 for path in (ROOT / app).rglob("*.py")
                 if path.name != "choices.py" and DJANGO_FIELD.search(path.read_text())]
    assert not offenders, f"use hallowerk.forms.choices instead: {offenders}"


def test_offered_rows_are_the_choices_without_a_query_and_validation_still_asks():
    user = employer_user()
    kok = VacancyFactory(employer=user.employer, title="Kok", status="published",
                         published_at=timezone.now())
    form = ContactRequestForm(user=user)
    form.fields["vacancy"].offer([kok])
    with CaptureQueriesContext(connection) as captured:
        html = str(form["vacancy"])
    assert "Kok" in html and len(captured) == 0
    other = VacancyFactory(title="Elders", status="published", published_at=timezone.now())
    bound = ContactRequestForm({"message": "Hallo", "vacancy": other.pk}, user=user)
    bound.fields["vacancy"].offer([kok, other])  # even if a view offered a wrong row
    assert not bound.is_valid() and "vacancy" in bound.errors
