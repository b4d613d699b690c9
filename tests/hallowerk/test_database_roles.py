"""Database roles (issue 14, docs/security.md): what the application role may and may not do.

The tests connect as the owner (they create and flush databases); each test here switches to
the application role for the rest of its transaction with SET LOCAL ROLE, the role that web,
worker and beat connect as, and tries what an attacker with that role's connection would.
"""

import datetime
import os

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from psycopg import sql

from hallowerk.database_roles import serving_role_check, serving_role_problem
from hallowerk.management.commands.run_platform import serving_database_env
from hallowerk.models import User
from privacy.audit import audit_record
from privacy.models import AuditAction, AuditEvent, RetentionRule
from privacy.retention.run import retention_run
from tests.factories import TEST_PASSWORD, CandidateFactory, UserFactory

pytestmark = pytest.mark.django_db


def execute(statement, params=None):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else None


def set_role(role: str) -> None:
    execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(role)))


@pytest.fixture
def app_role(settings):
    """The rest of the test runs as the application role."""
    set_role(settings.DATABASE_APP_ROLE)
    assert execute("SELECT current_user") == [(settings.DATABASE_APP_ROLE,)]
    return settings.DATABASE_APP_ROLE


def refused(statement, params=None) -> str:
    """Run `statement`; it must fail. Returns the database's message."""
    with pytest.raises(DatabaseError) as error, transaction.atomic():
        execute(statement, params)
    return str(error.value)


def audit_row_at(moment) -> AuditEvent:
    with freeze_time(moment):
        return audit_record(action=AuditAction.LOGIN)


# --- what the application role may not do


def test_the_application_role_is_neither_owner_nor_superuser(app_role):
    assert serving_role_problem(connection.cursor()) is None
    [(superuser, owner)] = execute(
        "SELECT r.rolsuper, pg_get_userbyid(c.relowner) FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.oid = 'privacy_auditevent'::regclass")
    assert not superuser and owner != app_role


def test_the_audit_log_refuses_update_delete_and_truncate(app_role):
    event = audit_record(action=AuditAction.LOGIN)
    for statement in ("UPDATE privacy_auditevent SET action = 'logout' WHERE id = %s",
                      "DELETE FROM privacy_auditevent WHERE id = %s"):
        assert "permission denied" in refused(statement, [event.pk])
    assert "permission denied" in refused("TRUNCATE privacy_auditevent")
    assert "permission denied" in refused("TRUNCATE privacy_auditevent CASCADE")
    assert AuditEvent.objects.filter(pk=event.pk, action=AuditAction.LOGIN).exists()


def test_the_purge_switch_no_longer_opens_the_audit_log(app_role):
    event = audit_record(action=AuditAction.LOGIN)
    with pytest.raises(DatabaseError, match="permission denied"), transaction.atomic():
        execute("SET LOCAL hallowerk.audit_purge = 'on'")
        execute("DELETE FROM privacy_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_triggers_cannot_be_switched_off_and_tables_not_dropped_or_altered(app_role):
    assert "permission denied" in refused("SET session_replication_role = replica")
    assert "permission denied" in refused("SET LOCAL session_replication_role = replica")
    for statement in (
        "ALTER TABLE privacy_auditevent DISABLE TRIGGER privacy_auditevent_append_only",
        "ALTER TABLE privacy_auditevent DISABLE TRIGGER ALL",
        "DROP TRIGGER privacy_auditevent_append_only ON privacy_auditevent",
        "DROP TABLE privacy_auditevent",
        "DROP TABLE privacy_auditevent CASCADE",
        "ALTER TABLE privacy_auditevent RENAME TO privacy_auditevent_old",
        "ALTER TABLE privacy_auditevent ADD COLUMN hidden boolean",
        "DROP TABLE candidates_candidate",
        "ALTER FUNCTION privacy_auditevent_purge(timestamptz, integer) SECURITY INVOKER",
    ):
        assert "must be owner" in refused(statement), statement
    for statement in (
        "TRUNCATE candidates_candidate CASCADE",
        "CREATE TABLE public.evil (id int)",
        "CREATE OR REPLACE FUNCTION privacy_auditevent_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
    ):
        assert "permission denied" in refused(statement), statement


@pytest.fixture
def app_connection(settings):
    """A connection of its own to the test database as the application role: SET ROLE above
    keeps the owner as the session's user, which decides who one may SET ROLE to."""
    params = {key: value for key, value in connection.get_connection_params().items()
              if key in ("host", "port", "dbname")}
    params.update(user=settings.DATABASE_APP_ROLE,
                  password=os.environ.get("DATABASE_APP_PASSWORD", ""))
    with psycopg.connect(**params, autocommit=True) as app:
        yield app


def test_the_application_role_cannot_become_the_owner_or_switch_triggers_off(app_connection):
    [(owner,)] = execute("SELECT pg_get_userbyid(relowner) FROM pg_class "
                         "WHERE oid = 'privacy_auditevent'::regclass")
    assert app_connection.info.user != owner
    for statement in (sql.SQL("SET ROLE {}").format(sql.Identifier(owner)), "SET ROLE postgres",
                      "SET SESSION AUTHORIZATION postgres",
                      "SET session_replication_role = replica",
                      "TRUNCATE privacy_auditevent"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            app_connection.execute(statement)


def test_the_trigger_still_refuses_when_the_role_was_granted_too_much(settings):
    """Two locks: were the application role ever granted UPDATE, DELETE and TRUNCATE by
    mistake, the trigger refuses them for every role but the owner."""
    event = audit_record(action=AuditAction.LOGIN)
    execute(sql.SQL("GRANT UPDATE, DELETE, TRUNCATE ON privacy_auditevent TO {}").format(
        sql.Identifier(settings.DATABASE_APP_ROLE)))  # undone with the test's transaction
    set_role(settings.DATABASE_APP_ROLE)
    assert "append-only" in refused("UPDATE privacy_auditevent SET action = 'x' WHERE id = %s",
                                    [event.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        execute("SET LOCAL hallowerk.audit_purge = 'on'")
        execute("DELETE FROM privacy_auditevent WHERE id = %s", [event.pk])
    assert "append-only" in refused("TRUNCATE privacy_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


# --- what it does every day


def test_ordinary_work_reads_and_writes_rows_and_adds_audit_rows(app_role):
    candidate = CandidateFactory()
    User.objects.filter(pk=candidate.user_id).update(first_name="Anders")
    event = audit_record(action=AuditAction.LOGIN, actor=candidate.user)
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert User.objects.get(pk=candidate.user_id).first_name == "Anders"
    other = UserFactory()
    other.delete()
    assert not User.objects.filter(pk=other.pk).exists()


def test_a_login_through_the_site_works_as_the_application_role(client, app_role):
    user = UserFactory()
    response = client.post(reverse("account_login"),
                           {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("start")).status_code == 302
    assert AuditEvent.objects.filter(actor=user, action=AuditAction.LOGIN).exists()


def test_every_table_is_granted_except_changes_to_the_audit_log(app_role):
    # has_table_privilege() with a list answers "any of them": each is asked on its own.
    lacking = {privilege: {name for (name,) in execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
        "AND relkind IN ('r', 'p') AND NOT has_table_privilege(current_user, oid, %s)",
        [privilege])} for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE")}
    assert lacking == {"SELECT": set(), "INSERT": set(), "UPDATE": {"privacy_auditevent"},
                       "DELETE": {"privacy_auditevent"}}
    assert execute("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                   "AND relkind IN ('r', 'p') "
                   "AND has_table_privilege(current_user, oid, 'TRUNCATE')") == [(0,)]


def test_a_table_of_a_later_migration_is_granted_by_default(settings):
    execute("CREATE TABLE later_migration (id bigserial PRIMARY KEY, note text)")
    set_role(settings.DATABASE_APP_ROLE)
    execute("INSERT INTO later_migration (note) VALUES ('written by the application')")
    assert execute("SELECT note FROM later_migration") == [("written by the application",)]
    assert "must be owner" in refused("DROP TABLE later_migration")


# --- the purge


def test_the_purge_function_deletes_only_rows_past_the_period(app_role):
    now = timezone.now()
    old = audit_row_at(now - datetime.timedelta(days=2 * 366))
    young = audit_row_at(now - datetime.timedelta(days=700))
    assert execute("SELECT privacy_auditevent_purge(%s, 100)", [now]) == [(1,)]
    assert set(AuditEvent.objects.values_list("pk", flat=True)) >= {young.pk}
    assert not AuditEvent.objects.filter(pk=old.pk).exists()


def test_the_purge_cannot_be_told_a_later_date_or_a_shorter_period(app_role):
    now = timezone.now()
    young = audit_row_at(now - datetime.timedelta(days=30))
    far_future = now + datetime.timedelta(days=100 * 365)
    assert execute("SELECT privacy_auditevent_purge(%s, 1000000)", [far_future]) == [(0,)]
    assert AuditEvent.objects.filter(pk=young.pk).exists()
    # The period comes from the rule; a longer one keeps more.
    older = audit_row_at(now - datetime.timedelta(days=30 * 30))
    RetentionRule.objects.filter(kind=RetentionRule.Kind.AUDIT).update(months=36)
    assert execute("SELECT privacy_auditevent_purge(%s, 100)", [now]) == [(0,)]
    assert AuditEvent.objects.filter(pk=older.pk).exists()


def test_without_an_audit_rule_the_purge_deletes_nothing(app_role):
    now = timezone.now()
    old = audit_row_at(now - datetime.timedelta(days=20 * 365))
    RetentionRule.objects.filter(kind=RetentionRule.Kind.AUDIT).delete()
    assert execute("SELECT privacy_auditevent_purge(%s, 100)", [now]) == [(0,)]
    assert AuditEvent.objects.filter(pk=old.pk).exists()


def test_the_retention_run_purges_the_audit_log_as_the_application_role(app_role):
    now = timezone.now()
    old = [audit_row_at(now - datetime.timedelta(days=800)) for _ in range(3)]
    young = audit_row_at(now - datetime.timedelta(days=10))
    result = retention_run()
    assert result.purged["audit"] == 3
    assert not AuditEvent.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert AuditEvent.objects.filter(pk=young.pk).exists()


def test_only_the_owner_may_call_the_purge_besides_the_application(settings):
    [(acl,)] = execute("SELECT proacl::text[] FROM pg_proc "
                       "WHERE oid = 'privacy_auditevent_purge(timestamptz, integer)'"
                       "::regprocedure")
    grantees = {entry.split("=")[0] for entry in acl}
    assert "" not in grantees, "PUBLIC may not execute it"
    assert settings.DATABASE_APP_ROLE in grantees


# --- the serving processes connect as the application role


def test_make_run_hands_the_application_role_to_web_worker_and_beat(settings):
    served = serving_database_env()
    if not served:
        pytest.skip("DATABASE_URL was given without APP_DATABASE_URL (no embedded server)")
    assert served["DATABASE_REQUIRE_APP_ROLE"] == "true"
    with psycopg.connect(served["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
                         ) as served_connection, served_connection.cursor() as cursor:
        assert serving_role_problem(cursor) is None
        assert served_connection.info.user == settings.DATABASE_APP_ROLE


def test_serving_as_the_owner_is_refused_where_required(settings):
    assert "owns the tables" in serving_role_problem(connection.cursor())
    settings.DATABASE_REQUIRE_APP_ROLE = False
    serving_role_check()  # development with a DATABASE_URL of its own: a warning only
    settings.DATABASE_REQUIRE_APP_ROLE = True
    with pytest.raises(ImproperlyConfigured, match="must not connect as the tables' owner"):
        serving_role_check()
