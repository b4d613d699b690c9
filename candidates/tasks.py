"""Thin Celery tasks of the candidates app: call a service."""

from celery import shared_task

from .search_documents import search_documents_reconcile
from .search_tiers import search_tiers_rebalance


@shared_task(acks_late=True)
def search_documents_reconcile_task() -> int:
    return search_documents_reconcile()


@shared_task(acks_late=True)
def staged_uploads_sweep_task() -> int:
    """Hourly: finish or remove uploads a crash left under their temporary name."""
    from .file_storage import staged_uploads_sweep

    return staged_uploads_sweep()


@shared_task(acks_late=True)
def search_tiers_rebalance_task() -> int:
    """Every 15 minutes: the search's recency bands follow who was active lately."""
    return search_tiers_rebalance()
