from django.db import migrations

# Migration 0002 built five indexes on the candidates app's tables with raw SQL. Two still
# serve the ranking and are now declared on the models they index (candidates migration
# 0013, which adopts them). These three have served nothing since the pool
# (models/pool.py, migration 0004) holds each link with its candidate: pg_stat_user_indexes
# counted 0 scans of each on the 500,000-candidate benchmark database, and at 100,000 one
# scan of matching_profile_candidate in a whole scripts/bench_matching.py run (the primary
# key serves that as well). The link tables' own (profile, occupation/sector) indexes serve
# the per-profile probes.
UNUSED = {
    "matching_occupation_profiles":
        "candidates_profile_preferred_occupations (occupation_id, profile_id)",
    "matching_sector_profiles": "candidates_profile_sectors (sector_id, profile_id)",
    "matching_profile_candidate": "candidates_profile (id) INCLUDE (candidate_id)",
}


class Migration(migrations.Migration):

    dependencies = [
        ("matching", "0004_pool_entries"),
    ]

    operations = [
        migrations.RunSQL(sql=f"DROP INDEX IF EXISTS {name};",
                          reverse_sql=f"CREATE INDEX IF NOT EXISTS {name} ON {definition};")
        for name, definition in UNUSED.items()
    ]
