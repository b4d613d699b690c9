"""Thin Celery tasks of the candidates app: call a service."""

from celery import shared_task

from .search_documents import search_documents_reconcile
from .search_tiers import search_tiers_rebalance


@shared_task(acks_late=True)
def search_documents_reconcile_task() -> int:
    """Nightly: documents set right, then the words no document holds any more removed."""
    from .search_vocabulary import search_lexemes_prune

    reconciled = search_documents_reconcile()
    search_lexemes_prune()
    return reconciled


@shared_task(acks_late=True)
def staged_uploads_sweep_task() -> int:
    """Hourly: finish or remove uploads a crash left under their temporary name."""
    from .file_storage import staged_uploads_sweep

    return staged_uploads_sweep()


@shared_task(acks_late=True)
def search_tiers_rebalance_task() -> int:
    """Every 15 minutes: the search's recency bands follow who was active lately."""
    return search_tiers_rebalance()
