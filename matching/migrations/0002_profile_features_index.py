from django.db import migrations

# Ranking candidates for a vacancy first narrows the relevant profiles to the ones the viewer
# may see (profile → candidate, a narrow index), then reads these profile columns for what
# is left. candidates_profile rows are wide (texts, the search document), so covering
# indexes let PostgreSQL answer both from index-only scans instead of the table.
# The indexes are matching's, on the candidates app's table, hence IF NOT EXISTS (see the
# brief: indexes for matching live in matching's migrations).
COLUMNS = ["candidate_id", "place_of_residence_id", "max_travel_km", "transport",
           "driving_licences", "hours_per_week_min", "hours_per_week_max", "available_from",
           "competences", "professional_skills", "physical_lifting", "physical_standing",
           "physical_bending", "physical_sitting", "physical_walking", "physical_kneeling",
           "physical_overhead_work", "physical_fine_motor"]


class Migration(migrations.Migration):

    dependencies = [
        ("matching", "0001_weights_feedback_fairness_reports"),
        ("candidates", "0003_candidate_name_index"),
    ]

    operations = [
        migrations.RunSQL(
            sql="CREATE INDEX IF NOT EXISTS matching_profile_candidate ON candidates_profile "
                "(id) INCLUDE (candidate_id);",
            reverse_sql="DROP INDEX IF EXISTS matching_profile_candidate;",
        ),
        migrations.RunSQL(
            sql=(f"CREATE INDEX IF NOT EXISTS matching_profile_features ON candidates_profile "
                 f"(id) INCLUDE ({', '.join(COLUMNS)});"),
            reverse_sql="DROP INDEX IF EXISTS matching_profile_features;",
        ),
    ]
