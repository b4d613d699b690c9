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


def test_a_queryset_from_a_builder_is_built_only_when_something_reads_it():
    """An empty form whose choices were offered never builds its scoped queryset (issue 12:
    0.1-0.2 ms of CPU each); choices that were not offered and validation still use it."""
    user = employer_user()
    kok = VacancyFactory(employer=user.employer, title="Kok", status="published",
                         published_at=timezone.now())
    elders = VacancyFactory(title="Elders", status="published", published_at=timezone.now())
    built = []

    def form(data=None):
        made = ContactRequestForm(data, user=user)
        build = made.fields["vacancy"]._queryset_build
        made.fields["vacancy"].queryset_from(lambda: built.append(1) or build())
        return made

    offered = form()
    offered.fields["vacancy"].offer([kok])
    assert "Kok" in str(offered["vacancy"]) and built == []

    not_offered = form()
    html = str(not_offered["vacancy"])
    assert "Kok" in html and "Elders" not in html and built == [1]

    assert not form({"message": "Hallo", "vacancy": elders.pk}).is_valid()
    assert form({"message": "Hallo", "vacancy": kok.pk}).is_valid()


def test_an_assigned_queryset_replaces_one_still_to_be_built():
    user = employer_user()
    form = ContactRequestForm(user=user)
    form.fields["vacancy"].queryset = form.fields["vacancy"].queryset.model.objects.none()
    assert form.fields["vacancy"]._queryset_build is None
    assert list(form.fields["vacancy"].queryset) == []
