from django.db import migrations

# The audit log is append-only in the database itself: UPDATE and DELETE are refused,
# unless the retention purge switched `hallowerk.audit_purge` on for its own transaction
# (SET LOCAL), so the application code alone can never rewrite history. TRUNCATE stays
# possible for the table owner only (test database flushes need it).
SQL = """
CREATE OR REPLACE FUNCTION privacy_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('hallowerk.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'privacy_auditevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER privacy_auditevent_append_only
BEFORE UPDATE OR DELETE ON privacy_auditevent
FOR EACH ROW EXECUTE FUNCTION privacy_auditevent_append_only();
"""

REVERSE = """
DROP TRIGGER IF EXISTS privacy_auditevent_append_only ON privacy_auditevent;
DROP FUNCTION IF EXISTS privacy_auditevent_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
