"""One connection budget for every process, never more than PostgreSQL allows (issue 12)."""

import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from hallowerk.serving import budget_check, server_max_connections
from hallowerk.settings.connections import (
    ConnectionBudget,
    serving_budget,
    with_connection_pool,
)
from hallowerk.settings.embedded import (
    DEVELOPMENT_CONNECTIONS,
    embedded_settings,
    restart_needed,
)


def test_budget_adds_every_process_and_the_headroom():
    budget = ConnectionBudget(web_workers=3, threads_per_worker=4, celery_processes=2,
                              beat_processes=1, headroom=10)
    assert budget.pool_max == 4
    assert budget.total == 3 * 4 + 2 + 1 + 10


def test_budget_follows_the_cores_and_the_environment():
    # One worker per core and one more (measured on 2 cores: 3 served more than 4).
    assert (serving_budget({}, cores=2).web_workers, serving_budget({}, cores=2).pool_max) == (
        3, 1)
    assert serving_budget({}, cores=8).web_workers == 9
    assert serving_budget({}, cores=1).web_workers == 2  # one stuck request never blocks all
    chosen = serving_budget({"WEB_WORKERS": "5", "WEB_THREADS": "2", "CELERY_CONCURRENCY": "3"},
                            cores=2)
    assert (chosen.web_workers, chosen.pool_max, chosen.celery_processes) == (5, 2, 4)


def test_a_budget_beyond_max_connections_refuses_to_start():
    budget = ConnectionBudget(web_workers=20, threads_per_worker=8)
    with pytest.raises(ImproperlyConfigured, match="exceeds PostgreSQL's max_connections"):
        budget.check(100)
    ConnectionBudget(web_workers=2, threads_per_worker=4).check(21)  # exactly full is fine


def test_pool_is_sized_by_the_budget_and_django_keeps_no_connections():
    database = with_connection_pool({"CONN_MAX_AGE": 60, "OPTIONS": {}},
                                    ConnectionBudget(web_workers=2, threads_per_worker=3))
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["pool"]["max_size"] == 3


def test_gunicorn_workers_and_threads_are_the_budgets(monkeypatch):
    monkeypatch.setenv("WEB_WORKERS", "3")
    monkeypatch.setenv("WEB_THREADS", "5")
    monkeypatch.setenv("DATABASE_POOL", "")  # the configuration sets it; put back afterwards
    import hallowerk.gunicorn_conf as conf

    conf = importlib.reload(conf)
    assert (conf.workers, conf.threads, conf.worker_class) == (3, 5, "gthread")
    assert conf.accesslog is None  # the request log without addresses replaces it


def test_gunicorn_serves_one_request_per_process_by_default(monkeypatch):
    """Without WEB_THREADS: sync workers, each with one pooled connection (serving_budget()
    has the measurements)."""
    monkeypatch.delenv("WEB_THREADS", raising=False)
    monkeypatch.setenv("WEB_WORKERS", "4")
    monkeypatch.setenv("DATABASE_POOL", "")
    import hallowerk.gunicorn_conf as conf

    conf = importlib.reload(conf)
    assert (conf.workers, conf.threads, conf.worker_class) == (4, 1, "sync")
    assert serving_budget().pool_max == 1


def test_embedded_server_allows_the_budget_plus_development_use():
    wanted = embedded_settings()
    assert int(wanted["max_connections"]) == serving_budget().total + DEVELOPMENT_CONNECTIONS


@pytest.mark.django_db
def test_the_running_server_holds_the_budget():
    assert budget_check(serving_budget()).endswith(f"≤ max_connections {server_max_connections()}")
    if ".hallowerk" in str(connection.settings_dict["OPTIONS"].get("host", "")):
        # At least this process's budget: a server started for a larger one is kept.
        assert server_max_connections() >= int(embedded_settings()["max_connections"])


def test_the_embedded_server_restarts_only_for_fewer_connections_or_other_memory():
    """A test run (or mypy) next to `make run` with another number of workers must not
    restart the server under it (that cut off two pages of a load run); a server with too
    few connections for the process, or sized for other memory, is restarted."""
    wanted = {"shared_buffers": "4096MB", "max_connections": "40"}
    assert not restart_needed(shown_buffers=["4GB"], running_connections=40, wanted=wanted)
    assert not restart_needed(shown_buffers=["4GB"], running_connections=60, wanted=wanted)
    assert restart_needed(shown_buffers=["4GB"], running_connections=39, wanted=wanted)
    assert restart_needed(shown_buffers=["2GB"], running_connections=60, wanted=wanted)
    # Tests and tools that never serve need only the development use.
    assert not restart_needed(shown_buffers=["4GB"], running_connections=DEVELOPMENT_CONNECTIONS,
                              wanted=wanted, serving=False)
    assert restart_needed(shown_buffers=["4GB"], running_connections=DEVELOPMENT_CONNECTIONS - 1,
                          wanted=wanted, serving=False)
