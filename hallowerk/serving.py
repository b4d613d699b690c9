"""Start-up check of `make run` and gunicorn: the connection budget fits the database server."""

import psycopg
from django.db import connection

from hallowerk.settings.connections import ConnectionBudget


def server_max_connections() -> int:
    """PostgreSQL's max_connections, asked over a plain connection (not Django's pool: the
    gunicorn master must not own a pool that its workers would inherit)."""
    with psycopg.connect(**connection.get_connection_params()) as plain:
        return int(plain.execute("SHOW max_connections").fetchone()[0])


def budget_check(budget: ConnectionBudget) -> str:
    """Raise ImproperlyConfigured when the budget exceeds the server; else describe it."""
    max_connections = server_max_connections()
    budget.check(max_connections)
    return f"{budget.describe()} ≤ max_connections {max_connections}"
