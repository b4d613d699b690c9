"""Issue 12: the daily saved-search alerts are recorded in the database before they are
queued (hallowerk/outbox.py), so a Redis outage or a lost message delays them, never loses
them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from employers import tasks
from employers.services_saved_searches import saved_search_create
from hallowerk.celery import app as celery_app
from hallowerk.models import QueuedTask
from hallowerk.outbox import MAX_ATTEMPTS, outbox_run_due
from hallowerk.schedule import BEAT_SCHEDULE
from hallowerk.tasks import queued_tasks_sweep
from tests.faults.checkpoints import fault_checkpoint

from .conftest import make_candidate

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


@pytest.fixture
def two_searches(employer):
    with freeze_time(timezone.now() - DAY):
        saved_search_create(by=employer, name="Koks", query_string="q=kok")
        saved_search_create(by=employer, name="Schilders", query_string="q=schilder")
    make_candidate(profile={"kind_of_work": "Kok"})


def test_redis_down_alerts_wait_in_the_database_and_go_out_when_it_is_back(
        two_searches, redis_down, django_capture_on_commit_callbacks):
    fault_checkpoint("before the daily run")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert tasks.saved_search_alerts_daily() == 2  # queueing each alert fails quietly
    assert callbacks, "it did try to queue them"
    assert QueuedTask.objects.filter(status="due").count() == 2
    assert not mail.outbox
    fault_checkpoint("daily run with Redis away")
    celery_app.conf.task_always_eager = True  # Redis is back
    with django_capture_on_commit_callbacks(execute=True):
        assert queued_tasks_sweep.delay().get() == 2
    assert len(mail.outbox) == 1, "one search had a new profile"
    assert set(QueuedTask.objects.values_list("status", flat=True)) == {"done"}
    fault_checkpoint("after the sweep")


def test_a_lost_message_is_run_by_the_sweep(two_searches, django_capture_on_commit_callbacks):
    # No capture: the commit callbacks (the messages) never run, as if Redis lost them.
    fault_checkpoint("before the daily run")
    tasks.saved_search_alerts_daily()
    assert not mail.outbox
    fault_checkpoint("messages lost")
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_run_due() == 2
    assert len(mail.outbox) == 1
    fault_checkpoint("after the sweep")
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_run_due() == 0, "done is done"


def test_the_same_alert_is_recorded_once_while_it_is_due(two_searches):
    tasks.saved_search_alerts_daily()
    tasks.saved_search_alerts_daily()
    assert QueuedTask.objects.count() == 2
    assert sorted(QueuedTask.objects.values_list("key", flat=True))[0].startswith(
        "saved-search-alert:")


def test_a_failing_run_stays_due_with_a_growing_wait_and_does_not_block_others(
        two_searches, django_capture_on_commit_callbacks, monkeypatch):
    from employers import services_saved_searches as saved_searches
    from employers.selectors import saved_searches_due

    first, second = sorted(saved_searches_due())
    real_search = saved_searches.search_queryset

    def broken_for_the_first(*, viewer, criteria, changed_after):
        if criteria.text == "kok":
            raise RuntimeError("database hiccup")
        return real_search(viewer=viewer, criteria=criteria, changed_after=changed_after)

    monkeypatch.setattr(saved_searches, "search_queryset", broken_for_the_first)
    tasks.saved_search_alerts_daily()
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_run_due(now=now) == 1
    failed = QueuedTask.objects.get(args=[first])
    assert failed.status == "due" and failed.attempts == 1
    assert failed.last_error == "RuntimeError"
    assert failed.next_attempt_at == now + timedelta(minutes=15)
    assert QueuedTask.objects.get(args=[second]).status == "done"
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_run_due(now=now + timedelta(minutes=5)) == 0, "not before its time"
    for _ in range(2, MAX_ATTEMPTS + 1):
        now += timedelta(days=1)
        outbox_run_due(now=now)
    failed.refresh_from_db()
    assert failed.status == "failed" and failed.attempts == MAX_ATTEMPTS


def test_the_sweep_is_in_the_beat_schedule():
    job = BEAT_SCHEDULE["hallowerk-queued-tasks-sweep"]
    assert job["task"] == "hallowerk.tasks.queued_tasks_sweep"
    assert job["task"] in celery_app.tasks
