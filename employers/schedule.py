"""Periodic jobs of the employer portal (collected by hallowerk/celery.py)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Once a day, before the working day starts: the alert mail is "daily at most".
    "employers-saved-search-alerts": {
        "task": "employers.tasks.saved_search_alerts_daily",
        "schedule": crontab(hour=6, minute=30),
    },
}
