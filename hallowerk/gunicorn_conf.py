"""gunicorn settings for `make run` and the production image (issue 12).

Worker processes and threads come from the connection budget (settings/connections.py), so the
pool each worker opens matches what PostgreSQL was sized for. Requests beyond what the threads
can take wait in the listen backlog instead of failing ("requests queue, they don't fail").
Run with: gunicorn -c python:hallowerk.gunicorn_conf hallowerk.wsgi:application
"""

import os

from hallowerk.settings.connections import serving_budget

_budget = serving_budget()

# The web processes borrow connections from Django's pool (settings read this at import,
# which happens in each worker after the fork: no pool is shared between processes).
os.environ["DATABASE_POOL"] = "1"

bind = os.environ.get("BIND", "127.0.0.1:8000")
# "sync" by default (one request at a time per process, the connection closed after its
# answer), "gthread" when WEB_THREADS > 1: see serving_budget() for the measurements.
# In production a reverse proxy that buffers requests goes in front (TRUSTED_PROXIES in
# docker-compose.yml), as gunicorn's documentation asks for sync workers: a slow client then
# holds the proxy, not a worker.
worker_class = _budget.worker_class
workers = _budget.web_workers
threads = _budget.threads_per_worker
# Room for a burst of a few hundred connections waiting their turn.
backlog = 2048
# A page that takes longer than this is stuck: the worker is replaced and the page answers 500.
timeout = 60
graceful_timeout = 20
# gthread only (sync workers keep no connection open): idle keep-alive connections are
# closed after this long. Measured with 5 s under load
# (scripts/bench_load.py): the worker closed connections whose next request had just arrived,
# and the client got "connection reset by peer". People pause longer than 5 s between pages.
keepalive = 75
# Replace workers now and then so a slow leak cannot grow without bound; jitter keeps them
# from restarting together. Not too often: a worker that is replaced closes its idle
# keep-alive connections, and a client that sends its next request on one at that moment
# gets "connection reset by peer" (scripts/bench_load.py saw 4 in a 200-user run, when
# each worker passed 5,000 requests within three minutes).
max_requests = 50_000
max_requests_jitter = 5_000
# The request log is written by hallowerk.middleware.RequestLogMiddleware: with a request id and
# without query strings (which can hold personal data, like search words). gunicorn's own
# access log would print the full URL, so it stays off.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")


def on_starting(server):
    """Refuse to start when the budget does not fit PostgreSQL's max_connections, or when
    the database role could change the tables (hallowerk/database_roles.py)."""
    import django

    django.setup()
    from hallowerk.database_roles import serving_role_check
    from hallowerk.serving import budget_check

    server.log.info("Connection budget: %s", budget_check(_budget))
    server.log.info("Database role: %s", serving_role_check())


def post_worker_init(worker):
    """Once the worker has loaded the platform, move everything loaded so far out of the
    garbage collector's sight: modules, URL patterns, the catalogue and the like live as long
    as the worker. Without this a full collection walked them all and held the worker's
    threads for about 100 ms (a quarter of a million objects). Measured in one process over
    2,000 profile pages: the longest full collection 106 -> 8 ms, the slowest page 118 ->
    25 ms; median and p95 about the same (10.7 / 12.2 and 11.0 / 13.0 ms)."""
    import gc

    gc.collect()
    gc.freeze()
