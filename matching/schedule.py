from celery.schedules import crontab

BEAT_SCHEDULE = {
    # The monitoring report ranks every published vacancy: a job for the quiet hours.
    "matching-fairness-reports": {
        "task": "matching.tasks.fairness_reports_all",
        "schedule": crontab(hour=3, minute=40),
    },
}
