"""Places within a radius, worked out in Python from coordinates read once per process."""

import pytest

from employers.radius import place_cache_clear, place_ids_within
from hallowerk.models import Place
from hallowerk.reference import haversine_km

from .conftest import place

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    place_cache_clear()
    yield
    place_cache_clear()


@pytest.mark.parametrize(("name", "radius_km"), [("Utrecht", 1), ("Utrecht", 25),
                                                 ("Groningen", 40), ("Maastricht", 200)])
def test_same_places_as_the_distance_to_every_place(name, radius_km):
    centre = place(name)
    expected = {pk for pk, lat, lon in Place.objects.values_list("pk", "latitude", "longitude")
                if haversine_km(centre.latitude, centre.longitude, lat, lon) <= radius_km}
    assert set(place_ids_within(centre, radius_km)) == expected
    assert centre.pk in expected


def test_after_the_first_search_no_query(django_assert_num_queries):
    utrecht, amersfoort = place("Utrecht"), place("Amersfoort")
    place_ids_within(utrecht, 25)
    with django_assert_num_queries(0):
        place_ids_within(utrecht, 10)
        place_ids_within(amersfoort, 15)
