"""Profile.completeness: the coach's completeness score, stored and indexed.

The backfill is one UPDATE with the rule of candidates/models/completeness_rule.py as it
is today, frozen here in SQL (a later change of the rule ships its own backfill);
tests/candidates/test_profile_completeness.py holds this SQL to the rule. Dossiers without
a profile row (from before the intake created one) get an empty one, as the intake would
give them, so the coach's filter needs only the stored column.
"""

import django.core.validators
from django.db import migrations, models

BACKFILL = """
UPDATE candidates_profile SET completeness =
      (place_of_residence_id IS NOT NULL)::int
    + (personal_description > '')::int
    + (kind_of_work > '')::int
    + (coalesce(array_length(competences, 1), 0) > 0)::int
    + (coalesce(array_length(professional_skills, 1), 0) > 0)::int
    + (available_from IS NOT NULL)::int
    + (hours_per_week_max IS NOT NULL)::int
    + (coalesce(array_length(transport, 1), 0) > 0)::int
"""


def empty_profiles_create(apps, schema_editor):
    Candidate = apps.get_model("candidates", "Candidate")
    Profile = apps.get_model("candidates", "Profile")
    missing = Candidate.objects.filter(profile__isnull=True).values_list("pk", flat=True)
    Profile.objects.bulk_create([Profile(candidate_id=pk) for pk in missing.iterator()],
                                batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('candidates', '0004_jobseeker_leave_request_and_sensitive_review'),
        ('hallowerk', '0005_backoffice_invitation_state_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='profile',
            name='completeness',
            field=models.PositiveSmallIntegerField(default=0, editable=False, validators=[django.core.validators.MaxValueValidator(8)], verbose_name='volledigheid'),
        ),
        migrations.RunPython(empty_profiles_create, migrations.RunPython.noop),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        # After the backfill: building the index once is cheaper than updating it 100k times.
        migrations.AddIndex(
            model_name='profile',
            index=models.Index(fields=['completeness', 'candidate'], name='profile_completeness'),
        ),
        migrations.AddConstraint(
            model_name='profile',
            constraint=models.CheckConstraint(condition=models.Q(('completeness__gte', 0), ('completeness__lte', 8)), name='profile_completeness_in_range'),
        ),
    ]
