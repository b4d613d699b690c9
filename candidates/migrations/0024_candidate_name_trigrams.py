"""A trigram index on the candidate's capitalised name, for staff's search by part of a name.

The account manager's list spans the own municipality and everyone shared in the region
(about 40% of the country): a search for "jan" compared the name of each of them: p95 209 ms at
500,000 candidates, 84.5 ms with this index (scripts/bench.py, issue 11). pg_trgm is not in the embedded server (no contrib), so the
trigrams are made by a plain SQL function and kept in a core GIN index over the array of
them: `trigrams(name) @> trigrams(word)` finds the few names holding every trigram of the
word, and `name LIKE '%word%'` (still in the query) keeps only real matches. Words of one or
two letters have no trigram and are compared as before (candidates/models/querysets.py,
name_contains_indexed). The function is IMMUTABLE, as an index expression must be: it reads
nothing but its argument. A trigram that occurs twice is kept twice: `@>` does not mind, and
GIN stores each key of a row once.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION candidates_name_trigrams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT substr(name, i, 3) FROM generate_series(1, char_length(name) - 2) AS i)
$$;
"""
INDEX = ("CREATE INDEX IF NOT EXISTS candidate_name_trigrams ON candidates_candidate "
         "USING gin (candidates_name_trigrams(name_key));")
DROP = ("DROP INDEX IF EXISTS candidate_name_trigrams; "
        "DROP FUNCTION IF EXISTS candidates_name_trigrams(text);")


class Migration(migrations.Migration):

    dependencies = [
        ("candidates", "0023_candidate_esf_indexes"),
    ]

    operations = [migrations.RunSQL(FUNCTION + INDEX, DROP)]
