"""Periodic jobs of the candidates app (collected by hallowerk/celery.py)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # At night: sets right any search document that a change outside the services left
    # behind (candidates/search_documents.py). Usually finds nothing.
    "candidates-search-documents-reconcile": {
        "task": "candidates.tasks.search_documents_reconcile_task",
        "schedule": crontab(hour=3, minute=10),
    },
    # The search's recency bands follow who was active lately (candidates/search_tiers.py).
    "candidates-search-tiers-rebalance": {
        "task": "candidates.tasks.search_tiers_rebalance_task",
        "schedule": crontab(minute="*/15"),
    },
    # Uploads left under their temporary name by a crash (candidates/file_storage.py).
    "candidates-staged-uploads-sweep": {
        "task": "candidates.tasks.staged_uploads_sweep_task",
        "schedule": crontab(minute=20),
    },
}
