"""Issue 12: a retention run whose worker is killed between batches leaves destruction
records that match what was deleted, and the sweep resumes it within 15 minutes."""

import datetime
from collections import Counter

import pytest
from freezegun import freeze_time

from candidates.models import Candidate, Message, Thread
from privacy.audit import audit_record
from privacy.models import AuditAction, AuditEvent, DestructionRecord, RetentionRun
from privacy.retention import destroy, purge
from privacy.retention.progress import STALE_AFTER
from privacy.retention.rules import Rules
from privacy.retention.run import retention_resume_stale, retention_run
from privacy.schedule import BEAT_SCHEDULE, SWEEP_MINUTES
from tests.factories import CandidateFactory, UserFactory
from tests.faults.checkpoints import fault_checkpoint
from tests.privacy.privacyops_data import full_candidate

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 1, 3, 0, tzinfo=datetime.UTC)


class WorkerKilled(BaseException):
    """Not an Exception: nothing in the job may catch it, as nothing catches a SIGKILL."""


def kill_after_batches(monkeypatch, module, batches: int) -> None:
    """The worker dies once `batches` batches have committed: the next batch's transaction
    never commits."""
    real = module.retention_heartbeat
    beats = Counter()

    def heartbeat():
        beats["n"] += 1
        if beats["n"] > batches:
            raise WorkerKilled
        real()

    monkeypatch.setattr(module, "retention_heartbeat", heartbeat)


def old_threads(n):
    employer_user = UserFactory(employer_user=True)
    for _ in range(n):
        thread = Thread.objects.create(candidate=CandidateFactory(), counterpart=employer_user,
                                       created_at=NOW - datetime.timedelta(days=500))
        Message.objects.create(thread=thread, sender=employer_user, body="hallo",
                               created_at=NOW - datetime.timedelta(days=400))


def recorded(kind: str) -> Counter:
    total: Counter = Counter()
    for record in DestructionRecord.objects.filter(kind=kind):
        total.update(record.counts)
    return total


def test_killed_between_message_batches_the_records_match_and_the_sweep_resumes(monkeypatch):
    monkeypatch.setattr(purge, "BATCH_SIZE", 2)
    old_threads(5)
    kill_after_batches(monkeypatch, purge, 2)
    fault_checkpoint("before the run")
    with freeze_time(NOW), pytest.raises(WorkerKilled):
        retention_run()
    fault_checkpoint("worker killed after 2 batches")
    assert Thread.objects.count() == 1, "two batches of two were deleted"
    assert recorded("messages") == {"candidates.thread": 4, "candidates.message": 4}
    run = RetentionRun.objects.get()
    assert run.finished_at is None

    monkeypatch.undo()
    with freeze_time(NOW + STALE_AFTER - datetime.timedelta(minutes=1)):
        assert retention_resume_stale() is None, "a run that beat recently may still live"
    with freeze_time(NOW + STALE_AFTER + datetime.timedelta(minutes=1)):
        result = retention_resume_stale()
    assert result is not None and result.purged["messages"] == 2
    assert not Thread.objects.exists()
    fault_checkpoint("after the resume sweep")
    assert recorded("messages") == {"candidates.thread": 5, "candidates.message": 5}
    run.refresh_from_db()
    assert run.finished_at is not None and run.attempts == 2
    with freeze_time(NOW + datetime.timedelta(hours=1)):
        assert retention_resume_stale() is None, "nothing left to resume"


def test_killed_between_audit_batches_the_record_matches(monkeypatch):
    monkeypatch.setattr(purge, "AUDIT_BATCH_SIZE", 3)
    with freeze_time(NOW - datetime.timedelta(days=2 * 366)):
        for _ in range(7):
            audit_record(action=AuditAction.LOGIN)
    before = AuditEvent.objects.count()
    kill_after_batches(monkeypatch, purge, 1)
    with freeze_time(NOW), pytest.raises(WorkerKilled):
        retention_run()
    deleted = before - AuditEvent.objects.count()
    assert deleted == 3
    assert recorded("audit") == {"privacy.auditevent": deleted}


def test_killed_between_dossier_batches_the_sweep_destroys_the_rest(monkeypatch):
    monkeypatch.setattr(destroy, "BATCH_SIZE", 2)
    due = [full_candidate(f"Zr{i}", ended_on=datetime.date(2024, 6, 1),
                          end_reason="broken_off") for i in range(5)]
    with freeze_time("2025-05-02 02:30:00+02:00"):
        retention_run()  # the notices
    kill_after_batches(monkeypatch, destroy, 1)
    killed_at = datetime.datetime(2025, 6, 1, 0, 30, tzinfo=datetime.UTC)
    fault_checkpoint("before the run")
    with freeze_time(killed_at), pytest.raises(WorkerKilled):
        retention_run()
    fault_checkpoint("worker killed after 1 batch")
    ids = [c.pk for c in due]
    assert Candidate.objects.filter(pk__in=ids).count() == 3
    assert DestructionRecord.objects.filter(kind="dossier").count() == 2
    monkeypatch.undo()
    with freeze_time(killed_at + datetime.timedelta(minutes=15)):
        assert retention_resume_stale().dossiers == 3
    assert not Candidate.objects.filter(pk__in=ids).exists()
    assert DestructionRecord.objects.filter(kind="dossier").count() == 5
    fault_checkpoint("after the resume sweep, 15 minutes later")


def test_the_resume_sweep_is_scheduled_within_fifteen_minutes():
    job = BEAT_SCHEDULE["privacy-retention-resume"]
    assert job["task"] == "privacy.tasks.retention_resume_task"
    assert STALE_AFTER + datetime.timedelta(minutes=SWEEP_MINUTES) <= datetime.timedelta(
        minutes=15)


def test_a_batch_stops_at_its_time_budget_and_the_next_batch_takes_the_rest(monkeypatch):
    """A slow moment cannot stretch one batch's locks: past BATCH_SECONDS it commits what it
    destroyed (at least one dossier, so the job moves on) and the rest follows."""
    monkeypatch.setattr(destroy, "BATCH_SECONDS", 0.0)
    due = [full_candidate(f"Zt{i}", ended_on=datetime.date(2024, 6, 1),
                          end_reason="broken_off") for i in range(3)]
    with freeze_time("2025-05-02 02:30:00+02:00"):
        retention_run()  # the notices
    batches: list[int] = []
    with freeze_time("2025-06-01 02:30:00+02:00"):
        destroyed = destroy.dossiers_destroy_due(
            rules=Rules.load(), today=datetime.date(2025, 6, 1),
            on_batch=lambda size, seconds: batches.append(size))
    assert destroyed == 3
    assert batches == [1, 1, 1]
    assert not Candidate.objects.filter(pk__in=[c.pk for c in due]).exists()
    assert DestructionRecord.objects.filter(kind="dossier").count() == 3
