"""matching_poolentry (models/pool.py) and the triggers that keep it.

The table is derived data: every row follows from a row of a link table
(candidates_profile_preferred_occupations, candidates_profile_sectors) and the candidate the
profile belongs to. The triggers rewrite exactly the rows a statement touched, in that
statement, so the table is never behind whoever changes the links or the candidate (a
service, the admin, demo_data's COPY). Link-table triggers are per statement with transition
tables (one set-based write per COPY batch, not one per row); the candidate trigger fires
per row and only when the municipality or the sharing scope actually changed.
"""

from django.db import migrations, models

LINKS = {  # kind → (link table, its column naming the occupation / sector)
    1: ("candidates_profile_preferred_occupations", "occupation_id"),
    2: ("candidates_profile_sectors", "sector_id"),
}


def _entries_from(kind: int, column: str, links: str) -> str:
    return f"""
        INSERT INTO matching_poolentry (kind, ref_id, profile_id, candidate_id, municipality_id,
                                        shares_everywhere)
        SELECT {kind}, l.{column}, l.profile_id, p.candidate_id, c.municipality_id,
               c.sharing_scope = 'all'
        FROM {links} l
        JOIN candidates_profile p ON p.id = l.profile_id
        JOIN candidates_candidate c ON c.id = p.candidate_id
        ON CONFLICT DO NOTHING"""


def _link_triggers(kind: int, table: str, column: str) -> str:
    name = f"matching_pool_{kind}"
    return f"""
    CREATE FUNCTION {name}_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {_entries_from(kind, column, "added")}; RETURN NULL; END $$;

    CREATE FUNCTION {name}_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM matching_poolentry e USING removed r
        WHERE e.kind = {kind} AND e.ref_id = r.{column} AND e.profile_id = r.profile_id;
        RETURN NULL;
    END $$;

    CREATE FUNCTION {name}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM matching_poolentry e USING removed r
        WHERE e.kind = {kind} AND e.ref_id = r.{column} AND e.profile_id = r.profile_id;
        {_entries_from(kind, column, "added")};
        RETURN NULL;
    END $$;

    CREATE FUNCTION {name}_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN DELETE FROM matching_poolentry WHERE kind = {kind}; RETURN NULL; END $$;

    CREATE TRIGGER {name}_added AFTER INSERT ON {table}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION {name}_added();
    CREATE TRIGGER {name}_removed AFTER DELETE ON {table}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION {name}_removed();
    CREATE TRIGGER {name}_changed AFTER UPDATE ON {table}
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION {name}_changed();
    CREATE TRIGGER {name}_emptied AFTER TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION {name}_emptied();
    """


TRIGGERS = "".join(_link_triggers(kind, table, column)
                   for kind, (table, column) in LINKS.items()) + """
    CREATE FUNCTION matching_pool_candidate_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE matching_poolentry SET municipality_id = NEW.municipality_id,
                                      shares_everywhere = NEW.sharing_scope = 'all'
        WHERE candidate_id = NEW.id;
        RETURN NULL;
    END $$;
    CREATE TRIGGER matching_pool_candidate_moved
        AFTER UPDATE OF municipality_id, sharing_scope ON candidates_candidate FOR EACH ROW
        WHEN (OLD.municipality_id IS DISTINCT FROM NEW.municipality_id
              OR OLD.sharing_scope IS DISTINCT FROM NEW.sharing_scope)
        EXECUTE FUNCTION matching_pool_candidate_moved();

    -- A profile never changes hands; should it, its entries follow.
    CREATE FUNCTION matching_pool_profile_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE matching_poolentry e SET candidate_id = c.id, municipality_id = c.municipality_id,
                                        shares_everywhere = c.sharing_scope = 'all'
        FROM candidates_candidate c WHERE c.id = NEW.candidate_id AND e.profile_id = NEW.id;
        RETURN NULL;
    END $$;
    CREATE TRIGGER matching_pool_profile_moved
        AFTER UPDATE OF candidate_id ON candidates_profile FOR EACH ROW
        WHEN (OLD.candidate_id IS DISTINCT FROM NEW.candidate_id)
        EXECUTE FUNCTION matching_pool_profile_moved();
    """ + "".join(f"{_entries_from(kind, column, table)};"
                  for kind, (table, column) in LINKS.items()) + """
    ANALYZE matching_poolentry;"""

DROP = "".join(f"""
    DROP TRIGGER IF EXISTS matching_pool_{kind}_{event} ON {table};
    DROP FUNCTION IF EXISTS matching_pool_{kind}_{event}();"""
               for kind, (table, _column) in LINKS.items()
               for event in ("added", "removed", "changed", "emptied")) + """
    DROP TRIGGER IF EXISTS matching_pool_candidate_moved ON candidates_candidate;
    DROP FUNCTION IF EXISTS matching_pool_candidate_moved();
    DROP TRIGGER IF EXISTS matching_pool_profile_moved ON candidates_profile;
    DROP FUNCTION IF EXISTS matching_pool_profile_moved();
    """


class Migration(migrations.Migration):

    dependencies = [
        ("candidates", "0008_search_document_place"),
        ("matching", "0003_ranking_cache"),
    ]

    operations = [
        migrations.CreateModel(
            name="PoolEntry",
            fields=[
                ("pk", models.CompositePrimaryKey("kind", "ref_id", "profile_id", blank=True,
                                                  editable=False, primary_key=True,
                                                  serialize=False)),
                ("kind", models.SmallIntegerField(choices=[(1, "occupation"), (2, "sector")])),
                ("ref_id", models.BigIntegerField()),
                ("profile_id", models.BigIntegerField()),
                ("candidate_id", models.BigIntegerField()),
                ("municipality_id", models.BigIntegerField()),
                ("shares_everywhere", models.BooleanField()),
            ],
            options={
                "indexes": [
                    models.Index(fields=["kind", "ref_id", "municipality_id"],
                                 include=("profile_id", "candidate_id"),
                                 name="pool_entry_place"),
                    models.Index(condition=models.Q(("shares_everywhere", True)),
                                 fields=["kind", "ref_id"],
                                 include=("profile_id", "candidate_id", "municipality_id"),
                                 name="pool_entry_everywhere"),
                    models.Index(fields=["candidate_id"], name="pool_entry_candidate"),
                ],
            },
        ),
        migrations.RunSQL(sql=TRIGGERS, reverse_sql=DROP),
    ]
