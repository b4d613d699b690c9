"""The ESF report's audit action, and what lets the audit-log viewer read a page without
counting a municipality's whole log: indexes that fit its filters and order, and
other_municipality_id for events on a candidate by someone from elsewhere.

The backfill writes other_municipality_id on the rows that exist. The log is append-only
(0002): the trigger is switched off for this one UPDATE, in the migration's own
transaction, which fills a derived column and changes no recorded fact."""

from django.conf import settings
from django.db import migrations, models


BACKFILL = """
ALTER TABLE privacy_auditevent DISABLE TRIGGER privacy_auditevent_append_only;
UPDATE privacy_auditevent AS event SET other_municipality_id = candidate.municipality_id
  FROM candidates_candidate AS candidate
 WHERE event.target_type = 'candidates.candidate'
   AND event.target_id = candidate.id::text
   AND candidate.municipality_id IS DISTINCT FROM event.municipality_id;
ALTER TABLE privacy_auditevent ENABLE TRIGGER privacy_auditevent_append_only;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('privacy', '0011_audit_purge_by_owner_function'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("candidates", "0001_candidate_profile_and_messaging"),
    ]

    operations = [
        migrations.AddField(
            model_name='auditevent',
            name='other_municipality_id',
            field=models.IntegerField(blank=True, null=True),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name='auditevent',
            name='action',
            field=models.CharField(choices=[('login', 'ingelogd'), ('login_failed', 'inloggen mislukt'), ('locked_out', 'geblokkeerd na te veel pogingen'), ('logout', 'uitgelogd'), ('2fa_enrolled', 'tweestapsverificatie ingesteld'), ('2fa_verified', 'tweestapsverificatie gelukt'), ('2fa_failed', 'tweestapsverificatie mislukt'), ('2fa_reset', 'tweestapsverificatie gewist'), ('invitation_sent', 'uitnodiging verstuurd'), ('invitation_accepted', 'uitnodiging geaccepteerd'), ('invitation_withdrawn', 'uitnodiging ingetrokken'), ('terms_accepted', 'gebruiksvoorwaarden geaccepteerd'), ('profile_viewed', 'profiel bekeken'), ('record_changed', 'gegevens gewijzigd'), ('search', 'gezocht'), ('export', 'gegevens geëxporteerd'), ('candidate_created', 'kandidaat ingeschreven'), ('candidate_hidden', 'profiel verborgen voor werkgevers'), ('candidate_unhidden', 'profiel niet meer verborgen'), ('candidate_inactivated', 'profiel op inactief gezet'), ('candidate_reactivated', 'profiel weer actief gezet'), ('candidate_sharing_changed', 'delen met werkgevers gewijzigd'), ('candidate_dossier_ended', 'dossier beëindigd'), ('message_sent', 'bericht verstuurd'), ('contact_requested', 'contactverzoek gedaan'), ('contact_forwarded', 'contactverzoek doorgestuurd'), ('contact_declined', 'contactverzoek niet doorgestuurd'), ('vacancy_responded', 'gereageerd op vacature'), ('retention_rule_changed', 'bewaartermijn gewijzigd'), ('legal_hold_placed', 'bewaarplicht ingesteld'), ('legal_hold_released', 'bewaarplicht opgeheven'), ('retention_run', 'bewaartermijnen uitgevoerd'), ('tips_preference_changed', 'e-mail met tips aan- of uitgezet'), ('audit_log_viewed', 'logboek bekeken'), ('access_signal_handled', 'signaal afgehandeld'), ('oversight_settings_changed', 'instellingen toezicht gewijzigd'), ('account_deactivated_inactive', 'ongebruikt account uitgeschakeld'), ('esf_report_viewed', 'ESF-rapportage bekeken')], db_index=True, max_length=40),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['municipality_id', '-created_at', '-id'], name='audit_municipality_newest'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['municipality_id', 'action', '-created_at', '-id'], name='audit_municipality_action'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['municipality_id', 'actor_role', '-created_at', '-id'], name='audit_municipality_role'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['actor', '-created_at', '-id'], name='audit_actor_newest'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(condition=models.Q(('other_municipality_id__isnull', False)), fields=['other_municipality_id', '-created_at', '-id'], name='audit_other_municipality'),
        ),
    ]
