"""Candidate.invitation_open_until and the triggers that keep it.

Derived data, like the search vocabulary (migration 0019): until when the account's open
invitation link works, or empty when no link is open ("each account has at most one open
invitation": a resend withdraws the old one; should there ever be two, the later one counts).
Triggers on the invitations keep it per statement, whoever writes them (the invitation
services, demo_data, an import); a trigger on the dossier fills it when a dossier is created
or linked to an account, and whenever a write names the column, so Model.save() with a
stale value in memory cannot overwrite it. Whether an open link has expired is a question
of the clock, not of a write: the coach's list compares it with now.

Two writers of one account's invitations: every service change (resend, withdraw, accept)
updates the open invitation row, so the second waits for the first to commit, and its
trigger statement then starts with a snapshot that sees the first's work (READ COMMITTED).
"""

from django.conf import settings
from django.db import migrations, models

OPEN_UNTIL = """(SELECT max(i.expires_at) FROM hallowerk_invitation i
                  WHERE i.user_id = {user} AND i.accepted_at IS NULL
                  AND i.withdrawn_at IS NULL)"""

# One trigger per kind of write, each refreshing the dossiers of the accounts its statement
# touched (a trigger with transition tables serves one kind of write only).
STATEMENT_TRIGGER = """
    CREATE FUNCTION candidates_open_invitation_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM candidates_open_invitation_refresh(ARRAY({users} ORDER BY 1));
        RETURN NULL;
    END $$;
    CREATE TRIGGER candidates_open_invitation_{name} AFTER {event} ON hallowerk_invitation
        REFERENCING {tables} FOR EACH STATEMENT
        EXECUTE FUNCTION candidates_open_invitation_{name}();
"""
STATEMENT_TRIGGERS = "".join(
    STATEMENT_TRIGGER.format(name=name, event=event, tables=tables, users=users)
    for name, event, tables, users in [
        ("added", "INSERT", "NEW TABLE AS changed", "SELECT DISTINCT user_id FROM changed"),
        ("changed", "UPDATE", "OLD TABLE AS before NEW TABLE AS changed",
         "SELECT user_id FROM changed UNION SELECT user_id FROM before"),
        ("removed", "DELETE", "OLD TABLE AS before", "SELECT DISTINCT user_id FROM before"),
    ])

TRIGGERS = f"""
    CREATE FUNCTION candidates_open_invitation_refresh(user_ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
        UPDATE candidates_candidate c SET invitation_open_until = o.until
        FROM (SELECT u.id, {OPEN_UNTIL.format(user="u.id")} AS until
              FROM unnest(user_ids) AS u(id)) o
        WHERE c.user_id = o.id AND c.invitation_open_until IS DISTINCT FROM o.until;
    $$;

{STATEMENT_TRIGGERS}
    CREATE FUNCTION candidates_open_invitation_own() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.invitation_open_until := {OPEN_UNTIL.format(user="NEW.user_id")};
        RETURN NEW;
    END $$;
    CREATE TRIGGER candidates_open_invitation_own
        BEFORE INSERT OR UPDATE OF user_id, invitation_open_until ON candidates_candidate
        FOR EACH ROW EXECUTE FUNCTION candidates_open_invitation_own();

    UPDATE candidates_candidate c SET invitation_open_until = o.until
    FROM (SELECT user_id, max(expires_at) AS until FROM hallowerk_invitation
          WHERE accepted_at IS NULL AND withdrawn_at IS NULL GROUP BY user_id) o
    WHERE c.user_id = o.user_id;
"""  # noqa: S608 (constants only, no input)

DROP = """
    DROP TRIGGER IF EXISTS candidates_open_invitation_added ON hallowerk_invitation;
    DROP TRIGGER IF EXISTS candidates_open_invitation_changed ON hallowerk_invitation;
    DROP TRIGGER IF EXISTS candidates_open_invitation_removed ON hallowerk_invitation;
    DROP TRIGGER IF EXISTS candidates_open_invitation_own ON candidates_candidate;
    DROP FUNCTION IF EXISTS candidates_open_invitation_added();
    DROP FUNCTION IF EXISTS candidates_open_invitation_changed();
    DROP FUNCTION IF EXISTS candidates_open_invitation_removed();
    DROP FUNCTION IF EXISTS candidates_open_invitation_own();
    DROP FUNCTION IF EXISTS candidates_open_invitation_refresh(bigint[]);
"""


class Migration(migrations.Migration):

    dependencies = [
        ("candidates", "0019_search_vocabulary"),
        ("hallowerk", "0009_occupation_other_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="candidate",
            name="invitation_open_until",
            field=models.DateTimeField(blank=True, editable=False, null=True,
                                       verbose_name="uitnodigingslink geldig tot"),
        ),
        migrations.RunSQL(TRIGGERS, DROP),
        migrations.AddIndex(
            model_name="candidate",
            index=models.Index(condition=models.Q(("invitation_open_until__isnull", False)),
                               fields=["municipality", "invitation_open_until"],
                               include=("created_at", "last_activity_at", "last_name",
                                        "first_name", "responsible_coach"),
                               name="candidate_open_invitation"),
        ),
    ]
