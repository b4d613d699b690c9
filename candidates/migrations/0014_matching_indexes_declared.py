from django.conf import settings
from django.db import migrations, models


class AdoptIndex(migrations.AddIndex):
    """AddIndex, taking over an index of the same name that already exists.

    matching/migrations/0002_ranking_indexes.py created these two indexes with raw SQL, out
    of Django's sight. Declared now on the models they index, they are adopted where they
    exist (no rebuild: at 500,000 candidates that would take minutes and lock the tables)
    and created from the declaration where they do not (a new database)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            existing = connection.introspection.get_constraints(cursor, model._meta.db_table)
        if self.index.name not in existing:
            super().database_forwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    dependencies = [
        ('candidates', '0013_coach_list_filters_index'),
        ('hallowerk', '0007_queued_task'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AdoptIndex(
            model_name='candidate',
            index=models.Index(condition=models.Q(('dossier_ended_on__isnull', True), ('hidden_by_staff', False), ('is_active', True), ('shared_with_employers', True)), fields=['municipality', 'sharing_scope'], include=('id', 'user', 'dossier_ended_on', 'hidden_by_staff', 'is_active', 'shared_with_employers'), name='matching_candidate_shared'),
        ),
        AdoptIndex(
            model_name='profile',
            index=models.Index(fields=['id'], include=('candidate', 'place_of_residence', 'max_travel_km', 'transport', 'driving_licences', 'hours_per_week_min', 'hours_per_week_max', 'available_from', 'competences', 'professional_skills', 'physical_lifting', 'physical_standing', 'physical_bending', 'physical_sitting', 'physical_walking', 'physical_kneeling', 'physical_overhead_work', 'physical_fine_motor'), name='matching_profile_features'),
        ),
    ]
