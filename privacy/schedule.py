"""Periodic jobs of the privacy app (collected by hallowerk/celery.py)."""

from celery.schedules import crontab

# Kept here, not imported from progress.py: the schedule is read before Django's models load.
SWEEP_MINUTES = 5

BEAT_SCHEDULE = {
    # At night, when nobody works in the back office.
    "privacy-retention-daily": {
        "task": "privacy.tasks.retention_run_task",
        "schedule": crontab(hour=2, minute=30),
    },
    # A run whose worker was killed is resumed within STALE_AFTER + SWEEP_MINUTES (15 min),
    # instead of after the broker's one-hour visibility timeout.
    "privacy-retention-resume": {
        "task": "privacy.tasks.retention_resume_task",
        "schedule": crontab(minute=f"*/{SWEEP_MINUTES}"),
    },
    # Yesterday's unusual access, after the retention run, before anyone starts work.
    "privacy-access-signals-daily": {
        "task": "privacy.tasks.access_signals_task",
        "schedule": crontab(hour=5, minute=15),
    },
    # Unused accounts: notices, deactivations after the notice, reminders to coaches.
    "privacy-inactivity-daily": {
        "task": "privacy.tasks.inactivity_run_task",
        "schedule": crontab(hour=5, minute=30),
    },
    # Tips are planned in the morning, so they arrive in working hours.
    "privacy-tips-plan": {
        "task": "privacy.tasks.tips_plan_task",
        "schedule": crontab(hour=9, minute=0),
    },
    # Sends what is due, including what failed before (mail server or Redis away).
    "privacy-tips-send-due": {
        "task": "privacy.tasks.tips_send_due_task",
        "schedule": crontab(minute="*/15"),
    },
}
