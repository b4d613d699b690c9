from django.db import migrations

# The default periods in months (privacy/retention/rules.py explains each). Copied here on
# purpose: a migration must keep doing what it did when it was written.
DEFAULTS = {
    "dossier_broken_off": 12,
    "dossier_refused": 60,
    "dossier_ended": 120,
    "dossier_esf": 120,
    "messages": 12,
    "contact_requests": 12,
    "audit": 24,
    "invitations": 6,
    "employer_contacts": 12,
}


def seed(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for kind, months in DEFAULTS.items():
        RetentionRule.objects.get_or_create(kind=kind, defaults={"months": months})


class Migration(migrations.Migration):
    dependencies = [("privacy", "0006_retention_holds_destruction_tips")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
