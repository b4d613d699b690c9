"""Thin Celery tasks of the candidates app: call a service."""

from celery import shared_task

from .search_documents import search_documents_reconcile


@shared_task(acks_late=True)
def search_documents_reconcile_task() -> int:
    return search_documents_reconcile()
