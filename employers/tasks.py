"""Celery tasks of the employer portal: thin, they take ids and call a service."""

from celery import shared_task

from employers.selectors import saved_searches_due
from employers.services_saved_searches import saved_search_alert_send


@shared_task(acks_late=True)
def saved_search_alert(saved_search_id: int) -> int:
    return saved_search_alert_send(saved_search_id=saved_search_id)


@shared_task(acks_late=True)
def saved_search_alerts_daily() -> int:
    """Fan out one task per saved search, so one failing search never blocks the others.
    Each is recorded in the database first (hallowerk/outbox.py): none is lost with Redis."""
    from hallowerk.outbox import outbox_add_many

    due = saved_searches_due()
    outbox_add_many(saved_search_alert, [(pk,) for pk in due], key_prefix="saved-search-alert")
    return len(due)
