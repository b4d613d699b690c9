"""An index on the folded place name (hallowerk/reference/folding.py), for resolving what
someone typed ("utrecht", "Den Bosch") and for the autocomplete's prefix search.

Without it every lookup folded the names of all ~2,000 places in SQL: 12 ms of PostgreSQL
per employer search near a place and per saved place of residence (issue 12). The expression
is the one Folded("name") compiles to, so PostgreSQL recognises it in those queries
(tests/hallowerk/test_place_lookup_index.py checks that the index is used); text_pattern_ops
serves both `=` and `LIKE 'prefix%'`. A raw statement rather than Meta.indexes: the model
module cannot import the folding code (hallowerk.reference imports the models).
"""

from django.db import migrations

from hallowerk.reference.folding import FOLD_FROM, FOLD_TO


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


FOLDED_NAME = (f"btrim(regexp_replace(translate(name, {_literal(FOLD_FROM)}, "
               f"{_literal(FOLD_TO)}), ' +', ' ', 'g'))")
CREATE = (f"CREATE INDEX IF NOT EXISTS place_folded_name ON hallowerk_place "
          f"(({FOLDED_NAME}) text_pattern_ops);")
DROP = "DROP INDEX IF EXISTS place_folded_name;"


class Migration(migrations.Migration):

    dependencies = [
        ("hallowerk", "0010_user_staff_by_name"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
