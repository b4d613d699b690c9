"""The audit log cannot be emptied by the application (issue 14, docs/security.md).

The application connects as a role that has only SELECT and INSERT on privacy_auditevent
(hallowerk/database_roles.py). Beneath that, the trigger now lets a DELETE through only for
the table's owner inside the purge function below, and a TRUNCATE only for the owner (test
database flushes): `SET LOCAL hallowerk.audit_purge = 'on'` no longer opens the table to
whoever sets it, only to the owner (which the purge function runs as).

The retention purge calls privacy_auditevent_purge(), which runs as its owner (SECURITY
DEFINER, a fixed search_path) and deletes only rows older than the audit period: the period is
read from the retention rule inside the function, and the caller's "now" may lie in the past
(a run that started earlier, a test's clock) but never later than the database's own clock.
"""

from django.db import migrations

TRIGGER = """
CREATE OR REPLACE FUNCTION privacy_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                   'MEMBER') THEN
        IF TG_OP = 'TRUNCATE' THEN
            RETURN NULL;
        END IF;
        IF TG_OP = 'DELETE' AND current_setting('hallowerk.audit_purge', true) = 'on' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'privacy_auditevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER privacy_auditevent_no_truncate
BEFORE TRUNCATE ON privacy_auditevent
FOR EACH STATEMENT EXECUTE FUNCTION privacy_auditevent_append_only();
"""

TRIGGER_REVERSE = """
DROP TRIGGER IF EXISTS privacy_auditevent_no_truncate ON privacy_auditevent;
CREATE OR REPLACE FUNCTION privacy_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('hallowerk.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'privacy_auditevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""

PURGE = """
CREATE FUNCTION privacy_auditevent_purge(now_at timestamptz, batch_size integer)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    period integer;
    deleted integer;
BEGIN
    SELECT months INTO period FROM public.privacy_retentionrule WHERE kind = 'audit';
    IF period IS NULL THEN
        RETURN 0;  -- no rule, nothing removed (privacy/retention/rules.py)
    END IF;
    -- Only here does the owner's DELETE pass the trigger; off again before returning.
    PERFORM set_config('hallowerk.audit_purge', 'on', true);
    DELETE FROM public.privacy_auditevent
     WHERE id IN (SELECT id FROM public.privacy_auditevent
                   WHERE created_at < LEAST(now_at, now()) - make_interval(months => period)
                   ORDER BY created_at, id
                   LIMIT greatest(batch_size, 0));
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('hallowerk.audit_purge', 'off', true);
    RETURN deleted;
END;
$$;

REVOKE ALL ON FUNCTION privacy_auditevent_purge(timestamptz, integer) FROM PUBLIC;
"""

PURGE_REVERSE = "DROP FUNCTION IF EXISTS privacy_auditevent_purge(timestamptz, integer);"


class Migration(migrations.Migration):
    dependencies = [("privacy", "0010_terms_of_use_version_2")]
    operations = [migrations.RunSQL(TRIGGER, TRIGGER_REVERSE),
                  migrations.RunSQL(PURGE, PURGE_REVERSE)]
