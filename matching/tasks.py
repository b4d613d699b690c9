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
    """Nightly: one report per municipality, each as its own task."""
    ids = list(Municipality.objects.values_list("pk", flat=True))
    for pk in ids:
        fairness_report_task.delay(pk)
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
