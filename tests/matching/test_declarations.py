"""Each component is declared once (matching/components/), and everything else is made from
that: the weights model's fields, the explanation's labels and catalogue fields, the
rankings' SQL; the indexes the rankings read are declared on the models they index."""

import pytest
from django.apps import apps
from django.db import connection

from matching.components import COMPONENT_KEYS, COMPONENTS, HARD_REQUIREMENTS
from matching.explain import COMPONENT_FIELDS, COMPONENT_LABELS
from matching.models import MatchingWeights
from matching.scoring import Weights
from matching.sql.common import PROFILE_COLUMNS
from matching.sql_fragment import Sql, sql


def test_the_weights_model_has_one_field_per_declared_component_with_its_declared_weight():
    for component in COMPONENTS:
        field = MatchingWeights._meta.get_field(component.key)
        assert field.default == component.weight.default
        assert str(field.verbose_name) == str(component.weight.label)
    assert Weights.defaults().values == {c.key: c.weight.default for c in COMPONENTS}


def test_explanation_labels_and_fields_come_from_the_declarations():
    assert list(COMPONENT_LABELS) == list(COMPONENT_KEYS)
    assert COMPONENT_FIELDS == {c.key: list(c.reads) for c in COMPONENTS}
    assert set(HARD_REQUIREMENTS) == {"driving_licence", "physical", "travel"}


def test_sql_pieces_keep_their_parameters_in_text_order():
    scope = Sql("x IN (SELECT id FROM t WHERE a = %s AND b LIKE '%%z')", (1,))
    piece = sql("SELECT {a} FROM ({scope}) AS s WHERE {b} > {a}", a=Sql.value(7, "::int"),
                scope=scope, b="s.n")
    assert piece.text == ("SELECT %s::int FROM (x IN (SELECT id FROM t WHERE a = %s AND b LIKE"
                          " '%%z')) AS s WHERE s.n > %s::int")
    assert piece.params == (7, 1, 7)
    assert Sql.join(" + ", [Sql.value(1), "2", Sql.value(3)]) == Sql("%s + 2 + %s", (1, 3))


@pytest.mark.django_db
def test_the_indexes_matching_reads_on_candidates_tables_are_declared_on_their_models():
    """No index on the candidates app's tables is made with raw SQL behind Django's back."""
    candidates = apps.get_app_config("candidates")
    declared = {index.name for model in candidates.get_models()
                for index in model._meta.indexes}
    found = set()
    with connection.cursor() as cursor:
        for model in candidates.get_models(include_auto_created=True):
            constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
            found |= {name for name, c in constraints.items()
                      if c["index"] and name.startswith("matching_")}
    assert found == {"matching_profile_features", "matching_candidate_shared"}
    assert found <= declared


@pytest.mark.django_db
def test_the_ranking_reads_exactly_the_columns_of_the_profile_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "candidates_profile")
    assert constraints["matching_profile_features"]["columns"] == PROFILE_COLUMNS
