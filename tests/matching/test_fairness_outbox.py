"""Issue 12: a report asked for on the page, and the nightly reports, are recorded before
they are queued (hallowerk/outbox.py): Redis away delays them, loses none."""

import time

import pytest
from django.urls import reverse

from hallowerk.celery import app as celery_app
from hallowerk.models import Municipality, QueuedTask
from hallowerk.outbox import outbox_run_due
from matching.models import FairnessReport
from matching.tasks import fairness_reports_all
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db


def test_refresh_with_redis_down_answers_at_once_and_the_sweep_makes_the_report(
        verified_client, redis_down, django_capture_on_commit_callbacks):
    lead = UserFactory(role="team_lead", municipality=municipality("utrecht"))
    client = verified_client(lead)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("matching:fairness_refresh"))
    assert response.status_code == 302 and time.monotonic() - started < 5
    assert not FairnessReport.objects.exists()
    assert QueuedTask.objects.get().key == f"fairness-report:{lead.municipality_id}"
    celery_app.conf.task_always_eager = True
    assert outbox_run_due() == 1
    assert FairnessReport.objects.get().municipality_id == lead.municipality_id


def test_the_nightly_reports_are_recorded_one_per_municipality():
    municipality("utrecht"), municipality("rotterdam")
    count = Municipality.objects.count()
    assert fairness_reports_all() == count
    assert QueuedTask.objects.filter(status="due", task="matching.tasks.fairness_report_task"
                                     ).count() == count
    assert outbox_run_due() == count
    assert FairnessReport.objects.count() == count
