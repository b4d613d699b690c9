"""Answers about places are kept per process until a place changes
(hallowerk/reference/place_memo.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from employers.radius import place_ids_within
from hallowerk.models import Place
from hallowerk.reference import place_memo as memo
from hallowerk.reference import place_resolve

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget():
    memo.place_memo_forget()
    yield
    memo.place_memo_forget()


def test_a_resolved_name_is_answered_again_without_a_query_as_a_copy_of_its_own():
    first = place_resolve("Utrecht")
    with CaptureQueriesContext(connection) as queries:
        again = place_resolve("utrecht")
    assert len(queries) == 0
    assert again == first and again is not first  # the caller's own instance
    again.name = "Changed by a caller"
    assert place_resolve("Utrecht").name == "Utrecht"


def test_a_new_place_is_found_at_once_after_an_unknown_name_was_asked():
    assert place_resolve("Atlantis") is None
    Place.objects.create(geonames_id=990001, name="Atlantis", province="Utrecht", latitude=52.1, longitude=5.1,
                         population=600)
    assert place_resolve("Atlantis").name == "Atlantis"


def test_the_places_within_a_radius_follow_a_new_place():
    utrecht = place_resolve("Utrecht")
    before = place_ids_within(utrecht, 10)
    with CaptureQueriesContext(connection) as queries:
        assert place_ids_within(utrecht, 10) == before
    assert len(queries) == 0
    nearby = Place.objects.create(geonames_id=990002, name="Nieuwdorp", province="Utrecht",
                                  latitude=utrecht.latitude + 0.01,
                                  longitude=utrecht.longitude, population=600)
    assert set(place_ids_within(utrecht, 10)) == {*before, nearby.pk}
    nearby.delete()
    assert place_ids_within(utrecht, 10) == before


def _kept() -> int:
    return sum(kept.cache_info().currsize for kept in memo._kept)


def test_the_answers_kept_are_bounded():
    assert all(kept.cache_info().maxsize == memo.MAX_ENTRIES for kept in memo._kept)
    assert memo.MAX_ENTRIES <= 10_000  # anyone can type any name


def test_a_migration_or_a_flush_forgets_the_places_kept():
    """Migration 0004 loads places with bulk_create and a flush empties the table: neither
    saves a place, both send post_migrate (the browser tests' flushed database met a kept
    place whose id was gone)."""
    from django.core.management.sql import emit_post_migrate_signal

    place_resolve("Utrecht")
    assert _kept()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert _kept() == 0
