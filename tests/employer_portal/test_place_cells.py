"""Map cells in the search documents (candidates/place_cells.py): the index does the coarse
part of a radius; the answer stays the exact distance."""

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection

from candidates.models import SearchDocument
from candidates.place_cells import MAX_QUERY_CELLS, cells_covering, place_cell_tokens
from employers.radius import place_ids_within
from employers.search import SearchCriteria
from employers.search_query import search_ids_all
from hallowerk.models import Place

from .conftest import employer_user, make_candidate, place

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("centre", ["Utrecht", "Amersfoort", "Groningen", "Maastricht"])
@pytest.mark.parametrize("radius_km", [1, 10, 15, 25, 40, 100, 200])
def test_the_cells_of_a_radius_hold_every_place_within_it(centre, radius_km):
    origin = place(centre)
    covering = set(cells_covering(origin, radius_km))
    assert len(covering) <= MAX_QUERY_CELLS
    within = place_ids_within(origin, radius_km)
    assert within
    for place_id in within:
        assert covering & set(place_cell_tokens(place_id)), (centre, radius_km, place_id)


def test_a_far_place_is_not_in_the_cells_of_a_small_radius():
    far = Place.objects.get(pk=place_ids_within(place("Groningen"), 1)[0])
    assert not set(cells_covering(place("Maastricht"), 10)) & set(place_cell_tokens(far.pk))


def test_the_search_by_distance_finds_by_the_cells_and_checks_the_distance():
    near = make_candidate(residence="Utrecht", profile={"kind_of_work": "Kok"})
    make_candidate(residence="Rotterdam", profile={"kind_of_work": "Kok"})
    criteria = SearchCriteria(text="kok", place=place("Utrecht"), radius_km=10)
    assert search_ids_all(viewer=employer_user(), criteria=criteria) == [near.pk]


def test_documents_written_before_the_cells_get_them_from_the_migration():
    candidate = make_candidate(residence="Utrecht", profile={"kind_of_work": "Kok"})
    cells = place_cell_tokens(candidate.profile.place_of_residence_id)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE candidates_searchdocument SET document = "
                       "ts_delete(document, %s::text[])", [cells])
    criteria = SearchCriteria(place=place("Utrecht"), radius_km=5)
    viewer = employer_user()
    assert search_ids_all(viewer=viewer, criteria=criteria) == []
    migration = importlib.import_module(
        "candidates.migrations.0016_search_band_index_and_place_cells")
    migration.add_place_cells(None, SimpleNamespace(connection=connection))
    assert search_ids_all(viewer=viewer, criteria=criteria) == [candidate.pk]
    assert SearchDocument.objects.get(candidate=candidate).document.count("@g") == len(cells)
