"""The folded place name has an index (migration hallowerk 0011), and the lookups' SQL is the
expression it was built on: should Folded() or the folding table change without a new index,
PostgreSQL could no longer use it and every place lookup would fold all ~2,000 names again
(12 ms per lookup, issue 12). Sequential scans are switched off here so the plan shows whether
the index *can* serve the query, whatever the size of the test database."""

import pytest
from django.db import connection

from hallowerk.reference.places import _folded_places, place_resolve, place_search

pytestmark = pytest.mark.django_db


def _plan(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def test_resolving_a_typed_place_reads_the_folded_name_index():
    plan = _plan(_folded_places().filter(folded_name="utrecht").order_by("-population"))
    assert "place_folded_name" in plan, plan


def test_the_autocomplete_prefix_reads_the_folded_name_index():
    plan = _plan(_folded_places().filter(folded_name__startswith="utr"))
    assert "place_folded_name" in plan, plan


def test_the_lookups_still_find_what_was_typed():
    assert place_resolve("UTRECHT").name == "Utrecht"
    assert place_resolve("Den Bosch").name == "'s-Hertogenbosch"
    assert any(place.name == "Utrecht" for place in place_search("utr"))
