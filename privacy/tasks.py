"""Celery tasks of the privacy app: thin, idempotent, taking ids and calling a service."""

from celery import shared_task


@shared_task(acks_late=True)
def retention_run_task():
    from privacy.retention.run import retention_run

    return retention_run().as_data()


@shared_task(acks_late=True)
def retention_notices_task():
    """After a rule change: notices for what became due soon, without waiting for the night."""
    from privacy.retention.notices import retention_notices_send
    from privacy.retention.rules import Rules
    from privacy.retention.run import advisory_lock

    with advisory_lock() as acquired:
        if acquired:
            from django.utils import timezone

            return retention_notices_send(rules=Rules.load(), today=timezone.localdate())
    return 0


@shared_task(acks_late=True)
def tips_plan_task():
    from privacy.tips.services import tips_plan

    return tips_plan()


@shared_task(acks_late=True)
def tips_send_due_task():
    """Sends every due tip. Retries live in the database (attempts, next attempt with a
    growing wait), so they survive a worker restart and a Redis outage alike."""
    from privacy.tips.services import tips_send_due

    return tips_send_due()


@shared_task(acks_late=True)
def retention_resume_task():
    """Every few minutes: resume a retention run whose worker died (progress.py)."""
    from privacy.retention.run import retention_resume_stale

    result = retention_resume_stale()
    return None if result is None else result.as_data()


@shared_task(acks_late=True)
def access_signals_task():
    """Yesterday's unusual access (idempotent: a signal exists once per person, kind, day)."""
    from datetime import timedelta

    from django.utils import timezone

    from privacy.oversight.unusual import access_signals_purge, access_signals_record

    access_signals_purge(now=timezone.now())
    return len(access_signals_record(day=timezone.localdate() - timedelta(days=1)))


@shared_task(acks_late=True)
def inactivity_run_task():
    """Idempotent: a notice exists once per account and stretch of inactivity."""
    from dataclasses import asdict

    from privacy.oversight.inactivity import inactivity_run

    return asdict(inactivity_run())
