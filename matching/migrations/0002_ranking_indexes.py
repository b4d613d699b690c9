from django.db import migrations

# Indexes for ranking candidates for a vacancy (matching/sql/candidates.py) at 100,000
# candidates. They live on the candidates app's tables but serve only matching, so they are
# created here, with IF NOT EXISTS (see the brief: indexes for matching live in matching's
# migrations). Each turns a read of wide table rows into an index-only scan:
#
# - who wishes these occupations / chose this sector: the link tables by occupation and by
#   sector, with the profile (the pool of relevant profiles);
# - which candidate a profile belongs to (to check the viewer's scope on a narrow index);
# - the profile columns the score reads, for the profiles left after that check
#   (candidates_profile rows are wide: texts and the search document);
# - the candidates employers may see at all (shared, not hidden, active, dossier open), with
#   what the scope still asks of them.
PROFILE_COLUMNS = ["candidate_id", "place_of_residence_id", "max_travel_km", "transport",
                   "driving_licences", "hours_per_week_min", "hours_per_week_max",
                   "available_from", "competences", "professional_skills", "physical_lifting",
                   "physical_standing", "physical_bending", "physical_sitting",
                   "physical_walking", "physical_kneeling", "physical_overhead_work",
                   "physical_fine_motor"]
EMPLOYER_VISIBLE = ("dossier_ended_on IS NULL AND NOT hidden_by_staff AND is_active "
                    "AND shared_with_employers")

INDEXES = {
    "matching_occupation_profiles":
        "candidates_profile_preferred_occupations (occupation_id, profile_id)",
    "matching_sector_profiles": "candidates_profile_sectors (sector_id, profile_id)",
    "matching_profile_candidate": "candidates_profile (id) INCLUDE (candidate_id)",
    "matching_profile_features":
        f"candidates_profile (id) INCLUDE ({', '.join(PROFILE_COLUMNS)})",
    "matching_candidate_shared":
        "candidates_candidate (municipality_id, sharing_scope) INCLUDE (id, user_id, "
        "dossier_ended_on, hidden_by_staff, is_active, shared_with_employers) "
        f"WHERE {EMPLOYER_VISIBLE}",
}


class Migration(migrations.Migration):

    dependencies = [
        ("matching", "0001_weights_feedback_fairness_reports"),
        ("candidates", "0003_candidate_name_index"),
    ]

    operations = [
        migrations.RunSQL(sql=f"CREATE INDEX IF NOT EXISTS {name} ON {definition};",
                          reverse_sql=f"DROP INDEX IF EXISTS {name};")
        for name, definition in INDEXES.items()
    ]
