"""candidates_searchlexeme (models/search.py: SearchLexeme) and the triggers that keep it.

Derived data, like matching's pool entries (matching migration 0004): the triggers add the
words of every document a statement writes, in that statement, so the vocabulary is never
behind whoever writes documents (the services, demo_data, a rebuild). Per statement with a
transition table for inserts (one set-based write per batch); per row, and only when the
text changed, for updates. Tokens (`@…`: audience and filters) are not words and stay out.
Words are added in one order, so two writers adding the same new words never deadlock; a
word that is there already costs nothing and locks nothing (ON CONFLICT DO NOTHING).
Removing words is the nightly prune's (candidates/search_vocabulary.py).
"""

from django.db import migrations, models

WORDS_OF = """
        INSERT INTO candidates_searchlexeme (lexeme)
        SELECT DISTINCT word FROM {rows}, unnest(tsvector_to_array({rows}.document)) AS word
        WHERE left(word, 1) <> '@'
        ORDER BY word
        ON CONFLICT DO NOTHING"""

TRIGGERS = f"""
    CREATE FUNCTION candidates_searchlexeme_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {WORDS_OF.format(rows="added")}; RETURN NULL; END $$;
    CREATE TRIGGER candidates_searchlexeme_added AFTER INSERT ON candidates_searchdocument
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT
        EXECUTE FUNCTION candidates_searchlexeme_added();

    CREATE FUNCTION candidates_searchlexeme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO candidates_searchlexeme (lexeme)
        SELECT DISTINCT word FROM unnest(tsvector_to_array(NEW.document)) AS word
        WHERE left(word, 1) <> '@' ORDER BY word
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$;
    CREATE TRIGGER candidates_searchlexeme_changed
        AFTER UPDATE OF document ON candidates_searchdocument FOR EACH ROW
        WHEN (OLD.document IS DISTINCT FROM NEW.document)
        EXECUTE FUNCTION candidates_searchlexeme_changed();
    {WORDS_OF.format(rows="candidates_searchdocument")};
    ANALYZE candidates_searchlexeme;
"""

DROP = """
    DROP TRIGGER IF EXISTS candidates_searchlexeme_added ON candidates_searchdocument;
    DROP FUNCTION IF EXISTS candidates_searchlexeme_added();
    DROP TRIGGER IF EXISTS candidates_searchlexeme_changed ON candidates_searchdocument;
    DROP FUNCTION IF EXISTS candidates_searchlexeme_changed();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("candidates", "0018_candidate_hidden_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchLexeme",
            fields=[
                ("lexeme", models.TextField(db_collation="C", primary_key=True,
                                            serialize=False)),
            ],
            options={
                "verbose_name": "zoekwoord",
                "verbose_name_plural": "zoekwoorden",
            },
        ),
        migrations.RunSQL(TRIGGERS, DROP),
    ]
