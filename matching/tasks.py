"""Thin Celery tasks: take ids, call a service."""

from celery import shared_task
from django.db import transaction

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
    next batch as a run of its own, recorded in the same transaction as this batch's lists
    before it is queued (hallowerk/outbox.py): a lost message or a stopped worker only delays
    the chain until the sweep, and running a batch again skips what exists."""
    from .backfill import CANDIDATES, VACANCIES, lists_backfill
    from .models import Audience

    kinds = kinds or [VACANCIES, CANDIDATES]
    with transaction.atomic():
        batch = lists_backfill(municipality_id=municipality_id, kind=kinds[0], after=after,
                               audiences=audiences or Audience.values)
        if batch.last_id is not None:  # not done: go on after the last id looked at
            rankings_backfill_record(municipality_id, kinds, batch.last_id, audiences)
        elif kinds[1:]:
            rankings_backfill_record(municipality_id, kinds[1:], 0, audiences)
    return batch.computed


def rankings_backfill_record(municipality_id: int, kinds: list[str], after: int,
                             audiences: list[str] | None) -> None:
    """Record one batch of the backfill to run (hallowerk/outbox.py), queued after the commit."""
    from hallowerk.outbox import outbox_add

    outbox_add(rankings_backfill_task, municipality_id, kinds, after, audiences,
               key_prefix="rankings-backfill")


@shared_task(acks_late=True)
def rankings_backfill_all() -> int:
    """Nightly, before the monitoring reports: start the backfill of every municipality
    again, recorded first. Lists that exist are skipped, so a warm installation costs
    little."""
    from hallowerk.outbox import outbox_add_many

    ids = list(Municipality.objects.values_list("pk", flat=True))
    outbox_add_many(rankings_backfill_task, [(pk,) for pk in ids],
                    key_prefix="rankings-backfill")
    return len(ids)
