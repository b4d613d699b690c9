"""Periodic jobs of the project app (collected by hallowerk/celery.py)."""

from celery.schedules import crontab

# The team lead's page says how often its figures are counted (hallowerk/stats.py).
TEAM_FIGURES_MINUTES = 10
# Work recorded in the database (hallowerk/outbox.py) waits at most this long after a lost
# message or a failed run's retry time.
QUEUED_TASKS_SWEEP_MINUTES = 5

BEAT_SCHEDULE = {
    # The team lead's figures: one grouped count per table for every municipality, so the
    # page reads a stored row instead of counting a municipality per view.
    "hallowerk-team-figures": {
        "task": "hallowerk.tasks.team_figures_refresh_task",
        "schedule": crontab(minute=f"*/{TEAM_FIGURES_MINUTES}"),
    },
    # Recorded work whose message was lost or whose run failed (hallowerk/outbox.py).
    "hallowerk-queued-tasks-sweep": {
        "task": "hallowerk.tasks.queued_tasks_sweep",
        "schedule": crontab(minute=f"*/{QUEUED_TASKS_SWEEP_MINUTES}"),
    },
}
