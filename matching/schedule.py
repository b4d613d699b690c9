from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Missing kept lists (a new installation, a bulk import, a lost chain message) are
    # ranked in the background before the monitoring reports read them.
    "matching-rankings-backfill": {
        "task": "matching.tasks.rankings_backfill_all",
        "schedule": crontab(hour=1, minute=30),
    },
    # The monitoring report ranks every published vacancy: a job for the quiet hours.
    "matching-fairness-reports": {
        "task": "matching.tasks.fairness_reports_all",
        "schedule": crontab(hour=3, minute=40),
    },
    # The staleness bound of the kept ranked lists ("bijgewerkt om" on the pages).
    "matching-ranking-changes": {
        "task": "matching.tasks.ranking_changes_apply_task",
        "schedule": 60.0,
    },
}
