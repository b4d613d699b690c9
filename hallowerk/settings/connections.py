"""How many PostgreSQL connections the platform may open: computed here, and only here (issue 12).

Under the development server every request thread opened its own connection, so 200 users
got "FATAL: sorry, too many clients already". Now every process has a fixed share:

    web workers × threads per worker (each thread borrows at most one pooled connection)
    + the Celery worker's processes + Celery beat + headroom for commands and backups

and that total must fit in PostgreSQL's max_connections. The gunicorn configuration, the
pool size in the settings, the embedded server's max_connections and the start-up check of
`make run` all read the same ConnectionBudget, so they cannot disagree.
"""

import os
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class ConnectionBudget:
    web_workers: int
    threads_per_worker: int
    # The Celery worker's parent and its children (concurrency 1 under `make run`).
    celery_processes: int = 2
    beat_processes: int = 1
    # migrate, management commands, a backup and someone's psql session at the same time.
    headroom: int = 10

    @property
    def pool_max(self) -> int:
        """Connections one web worker may hold: one per thread, so a thread never waits."""
        return self.threads_per_worker

    @property
    def worker_class(self) -> str:
        """gunicorn's worker: one request at a time per process ("sync") unless threads were
        asked for ("gthread")."""
        return "gthread" if self.threads_per_worker > 1 else "sync"

    @property
    def web(self) -> int:
        return self.web_workers * self.pool_max

    @property
    def total(self) -> int:
        return self.web + self.celery_processes + self.beat_processes + self.headroom

    def check(self, max_connections: int) -> None:
        """Refuse to serve with a budget the database server cannot hold."""
        if self.total > max_connections:
            raise ImproperlyConfigured(
                f"The connection budget ({self.describe()}) exceeds PostgreSQL's "
                f"max_connections = {max_connections}. Lower WEB_WORKERS or WEB_THREADS, "
                f"or raise max_connections.")

    def describe(self) -> str:
        return (f"{self.web_workers} web workers × {self.pool_max} pooled connections + "
                f"{self.celery_processes} Celery worker + {self.beat_processes} beat + "
                f"{self.headroom} headroom = {self.total}")


def machine_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def serving_budget(environ=os.environ, cores: int | None = None) -> ConnectionBudget:
    """The budget of this deployment: one worker process per core and one more, each serving
    one request at a time (gunicorn's sync worker) with one pooled connection.

    Python runs one thread at a time per process, so threads in a process mostly wait for each
    other; the operating system shares the cores between processes better. The extra worker
    takes the next request while another waits for PostgreSQL; more workers than that only
    take turns on the cores, with PostgreSQL and (in the benchmark) the load generator.
    Measured with scripts/bench_load.py (issue 12):
    - 4 x 2 threads against 2 x 4 (200 users, 5-15 s think time, two runs each): p50 69 / 88
      against 120 / 130 ms, p95 260 / 550 against 530 / 550 ms.
    - 4 sync workers against 4 x 2 threads (gthread), run in turns on the same machine:
      the profile page at 10 users p95 86 / 110 / 81 ms against 160 / 200 / 160 ms (p95
      1.3-1.5x p50 against 2.0-2.9x); 200 users with 1-5 s think time p95 900 / 1,200
      against 2,000 / 2,000 / 1,500 ms. gthread keeps a connection with the worker that
      accepted it, so one worker queues while another idles; a sync worker takes the next
      connection when it is free.
    - 3 sync workers against 4 on 2 cores, 200 users with 1-5 s think time, in turns
      (3, 4, 3, 4; Python reference 4.03-4.15 ms): 130.4 / 127.6 req/s, p95 200 / 310 ms,
      platform CPU 10.1 / 10.5 ms a request, against 125.6 / 119.4 req/s, p95 330 / 500 ms,
      10.9 / 11.6 ms. The profile page at 10 users: 165.2 against 163.0 req/s, p95 77
      against 78 ms (one pair); 2 workers were not better (140.7 req/s, p95 110 ms).
    - 6 sync workers (one run, 200 users 1-5 s): 69.6 req/s, p95 2,700 ms, in a slow phase
      of the machine (4 x 2 gthread gave 73.1 req/s right after it): not shown better than 4.
    WEB_WORKERS / WEB_THREADS override both (more than one thread: gthread workers)."""
    cores = cores or machine_cores()
    return ConnectionBudget(
        web_workers=int(environ.get("WEB_WORKERS") or max(2, cores + 1)),
        threads_per_worker=int(environ.get("WEB_THREADS") or 1),
        celery_processes=1 + int(environ.get("CELERY_CONCURRENCY") or 1),
    )


def with_connection_pool(database: dict, budget: ConnectionBudget) -> dict:
    """Django's built-in psycopg pool, sized by the budget. A request that finds every
    connection busy waits up to POOL_TIMEOUT seconds instead of failing at once."""
    database["CONN_MAX_AGE"] = 0  # the pool keeps the connections; Django must not
    database.setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": budget.pool_max,
        "timeout": int(os.environ.get("POOL_TIMEOUT") or 20),
    }
    return database
