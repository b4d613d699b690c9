"""The retention job's run record and heartbeat (issue 12: a killed worker's run is picked
up within 15 minutes, not after Redis's one-hour visibility timeout).

Each committed batch (dossiers, purges) calls retention_heartbeat() in its own transaction,
so the heartbeat moves exactly when work is done. The sweep runs every SWEEP_MINUTES
(privacy/schedule.py: 5) and resumes a run whose heartbeat is older than STALE_AFTER: a run
killed right after a heartbeat is resumed at most STALE_AFTER + SWEEP_MINUTES later. A slow
but living run still holds the advisory lock, so a resumption next to it does nothing.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from privacy.models import RetentionRun

STALE_AFTER = timedelta(minutes=10)


def retention_run_begin(now: datetime) -> RetentionRun:
    """Resume the unfinished run if there is one, else start a new one (hold the lock)."""
    run = RetentionRun.objects.filter(finished_at__isnull=True).first()
    if run is None:
        return RetentionRun.objects.create(started_at=now, heartbeat_at=now)
    run.attempts += 1
    run.heartbeat_at = now
    run.save(update_fields=["attempts", "heartbeat_at"])
    return run


def retention_run_finish(run: RetentionRun, result: dict) -> None:
    run.finished_at = timezone.now()
    run.result = result
    run.save(update_fields=["finished_at", "result"])


def retention_heartbeat() -> None:
    """Call inside each batch's transaction: the run is alive and has done this much."""
    RetentionRun.objects.filter(finished_at__isnull=True).update(heartbeat_at=timezone.now())


def retention_run_stale(now: datetime | None = None) -> RetentionRun | None:
    now = now or timezone.now()
    return RetentionRun.objects.filter(finished_at__isnull=True,
                                       heartbeat_at__lt=now - STALE_AFTER).first()
