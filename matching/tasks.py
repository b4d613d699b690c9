"""Thin Celery tasks: take ids, call a service."""

from celery import shared_task

from hallowerk.models import Municipality

from .services import fairness_report_create


@shared_task(acks_late=True)
def fairness_report_task(municipality_id: int) -> int:
    report = fairness_report_create(municipality=Municipality.objects.get(pk=municipality_id))
    return report.pk


@shared_task(acks_late=True)
def fairness_reports_all() -> int:
    """Nightly: one report per municipality, each as its own task, recorded first
    (hallowerk/outbox.py)."""
    from hallowerk.outbox import outbox_add_many

    ids = list(Municipality.objects.values_list("pk", flat=True))
    outbox_add_many(fairness_report_task, [(pk,) for pk in ids], key_prefix="fairness-report")
    return len(ids)


@shared_task(acks_late=True)
def ranking_changes_apply_task() -> int:
    """Every minute: apply what changed to the kept ranked lists (matching/refresh.py)."""
    from .refresh import ranking_changes_apply

    applied = total = ranking_changes_apply()
    while applied:
        applied = ranking_changes_apply()
        total += applied
    return total


@shared_task(acks_late=True)
def rankings_backfill_task(municipality_id: int, kinds: list[str] | None = None,
                           after: int = 0, audiences: list[str] | None = None) -> int:
    """One batch of the municipality's missing kept lists (matching/backfill.py), then the
    next batch as a task of its own: a worker that stops loses at most one batch, and
    running it again skips what exists."""
    from .backfill import CANDIDATES, VACANCIES, lists_backfill
    from .models import Audience

    kinds = kinds or [VACANCIES, CANDIDATES]
    batch = lists_backfill(municipality_id=municipality_id, kind=kinds[0], after=after,
                           audiences=audiences or Audience.values)
    if not batch.done:
        rankings_backfill_task.delay(municipality_id, kinds, batch.last_id, audiences)
    elif kinds[1:]:
        rankings_backfill_task.delay(municipality_id, kinds[1:], 0, audiences)
    return batch.computed


@shared_task(acks_late=True)
def rankings_backfill_all() -> int:
    """Nightly, before the monitoring reports: start the backfill of every municipality
    again. A chain whose next message the broker lost (Redis restarted without its file)
    is picked up here; lists that exist are skipped, so a warm installation costs little."""
    ids = list(Municipality.objects.values_list("pk", flat=True))
    for pk in ids:
        rankings_backfill_task.delay(pk)
    return len(ids)
