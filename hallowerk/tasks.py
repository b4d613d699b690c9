"""Celery tasks of the project app: thin, idempotent, taking ids and calling a service."""

from celery import shared_task


@shared_task(acks_late=True)
def team_figures_refresh_task(municipality_id: int | None = None) -> int:
    """Count the team lead's figures: every municipality (the periodic job) or one (asked for
    on the page)."""
    from hallowerk.stats import figures_refresh

    ids = None if municipality_id is None else [municipality_id]
    return figures_refresh(municipality_ids=ids)
