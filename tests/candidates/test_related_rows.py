"""candidates/related_rows.py: plain-SQL loading refuses what it cannot load correctly and
falls back to the relation itself for a parent it did not load."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from candidates.models import WorkExperience
from candidates.related_rows import load_children, related
from tests.employer_portal.conftest import make_candidate
from tests.factories import municipality

pytestmark = pytest.mark.django_db
DAY = datetime.date(2020, 1, 1)


def test_a_field_that_needs_a_converter_is_refused_not_loaded_raw():
    place = municipality("utrecht")  # FairnessReport.data is a JSONField
    with pytest.raises(ImproperlyConfigured, match="needs a converter"):
        load_children({place.pk: place}, "fairness_reports")


def test_a_part_of_a_relation_goes_under_its_own_attribute():
    profile = make_candidate().profile
    with pytest.raises(AssertionError):
        load_children({profile.pk: profile}, "work_experiences", condition="c.id > 0")


def test_related_reads_the_loaded_rows_or_else_the_relation():
    profile = make_candidate().profile
    entry = WorkExperience.objects.create(profile=profile, job_title="Kok", start_date=DAY)
    assert list(related(profile, "work_experiences")) == [entry]  # not loaded: a query
    load_children({profile.pk: profile}, "work_experiences")
    WorkExperience.objects.create(profile=profile, job_title="Later", start_date=DAY)
    assert list(related(profile, "work_experiences")) == [entry]  # what was loaded
