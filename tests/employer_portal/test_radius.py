"""Places within a radius: the same places as the exact distance to every place."""

import pytest

from employers.radius import place_ids_within
from hallowerk.models import Place
from hallowerk.reference import haversine_km

from .conftest import place

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "radius_km"), [("Utrecht", 1), ("Utrecht", 25),
                                                 ("Groningen", 40), ("Maastricht", 200)])
def test_same_places_as_the_distance_to_every_place(name, radius_km):
    centre = place(name)
    expected = {pk for pk, lat, lon in Place.objects.values_list("pk", "latitude", "longitude")
                if haversine_km(centre.latitude, centre.longitude, lat, lon) <= radius_km}
    assert set(place_ids_within(centre, radius_km)) == expected
    assert centre.pk in expected

