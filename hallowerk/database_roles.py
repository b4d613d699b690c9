"""The application's database role (docs/security.md, "Database roles").

Migrations, backups and tests connect as the owner of the tables; the web, worker and beat
processes as the application role, which reads and writes rows but can neither change, empty
nor drop a table, disable a trigger or set session_replication_role (only an owner or a
superuser can). The roles themselves are made by docker/postgres/roles.sql.

The owner grants the application role its rights here, after every `migrate` and after a
restore: every table and sequence, less UPDATE, DELETE and TRUNCATE of the audit log, from
which only the purge function deletes. Default privileges give tables of later migrations to
the role at once. They hold per database, which is why this runs for each one (the test and
benchmark databases, a restored copy), not once in roles.sql.
"""

import logging

import psycopg
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from psycopg import sql

logger = logging.getLogger(__name__)

APPEND_ONLY_TABLES = ("privacy_auditevent",)
APP_FUNCTIONS = ("privacy_auditevent_purge(timestamptz, integer)",)

_GRANTS = (
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public"
    " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role}",
)

# Is the connected role the owner of `table` (or a superuser)? And does the role exist?
_STATE = """
SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = %s),
       COALESCE((SELECT pg_has_role(current_user, relowner, 'MEMBER') FROM pg_class
                  WHERE oid = to_regclass(%s)), false)
"""


def app_role_grant(cursor, role: str | None = None) -> bool:
    """Grant the application role its rights in the connected database. Does nothing (and
    says so) when the role does not exist or this connection does not own the tables."""
    role = role or settings.DATABASE_APP_ROLE
    cursor.execute(_STATE, [role, APPEND_ONLY_TABLES[0]])
    role_exists, owner = cursor.fetchone()
    if not (role_exists and owner):
        logger.warning("Database role %s not granted: %s.", role,
                       "connected as a role that does not own the tables" if role_exists
                       else "the role does not exist (docker/postgres/roles.sql makes it)")
        return False
    identifier = sql.Identifier(role)
    for statement in _GRANTS:
        cursor.execute(sql.SQL(statement).format(role=identifier))
    for table in APPEND_ONLY_TABLES:
        cursor.execute(sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(
            sql.Identifier(table), identifier))
    for function in APP_FUNCTIONS:
        cursor.execute("SELECT to_regprocedure(%s) IS NOT NULL", [function])
        if cursor.fetchone()[0]:  # not yet there while migrating an old database forward
            cursor.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
                sql.SQL(function), identifier))
    return True


def app_role_grant_after_migrate(*, using: str = "default", **kwargs) -> None:
    """post_migrate receiver (hallowerk/apps.py)."""
    from django.db import connections

    with connections[using].cursor() as cursor:
        app_role_grant(cursor)


# A role that may change tables: a superuser, or a member of a table's or the database's owner.
_POWERS = """
SELECT current_user,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
       EXISTS (SELECT FROM pg_class WHERE relnamespace = 'public'::regnamespace
                                      AND pg_has_role(current_user, relowner, 'MEMBER')),
       EXISTS (SELECT FROM pg_database WHERE datname = current_database()
                                         AND pg_has_role(current_user, datdba, 'MEMBER'))
"""


def serving_role_problem(cursor) -> str | None:
    """Why the connected role is too powerful to serve the application, or None."""
    cursor.execute(_POWERS)
    role, superuser, owns_tables, owns_database = cursor.fetchone()
    if superuser:
        return f"the database role {role} is a superuser"
    if owns_tables or owns_database:
        return f"the database role {role} owns the tables or the database"
    return None


def serving_role_check() -> str:
    """At the start of gunicorn, the Celery worker and beat: refuse to serve as the owner or a
    superuser where DATABASE_REQUIRE_APP_ROLE is on (production, `make run`)."""
    # A plain connection, as in serving.py: gunicorn's master must not own a pooled one.
    with psycopg.connect(**connection.get_connection_params()) as plain, plain.cursor() as cursor:
        problem = serving_role_problem(cursor)
        role = plain.info.user
    if problem and settings.DATABASE_REQUIRE_APP_ROLE:
        raise ImproperlyConfigured(
            f"The application must not connect as the tables' owner or a superuser: {problem}. "
            "Set DATABASE_URL to the application role (docs/security.md, Database roles).")
    if problem:
        logger.warning("Serving as a too powerful database role: %s.", problem)
    return role
