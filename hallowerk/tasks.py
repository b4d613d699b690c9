"""Celery tasks of the project app: thin, idempotent, taking ids and calling a service."""

from celery import shared_task


@shared_task(acks_late=True)
def team_figures_refresh_task(municipality_id: int | None = None) -> int:
    """Count the team lead's figures: every municipality (the periodic job) or one (asked for
    on the page)."""
    from hallowerk.stats import figures_refresh

    ids = None if municipality_id is None else [municipality_id]
    return figures_refresh(municipality_ids=ids)


@shared_task(acks_late=True)
def queued_task_run(queued_task_id: int) -> bool:
    """Run one recorded task now (hallowerk/outbox.py); the sweep does it if this is lost."""
    from hallowerk.outbox import queued_task_execute

    return queued_task_execute(queued_task_id=queued_task_id)


@shared_task(acks_late=True)
def queued_tasks_sweep() -> int:
    """Every few minutes: run what is recorded as due (lost messages, failed runs)."""
    from hallowerk.outbox import outbox_run_due

    return outbox_run_due()
