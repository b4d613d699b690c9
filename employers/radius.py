"""Which places lie within a radius: a bounding box, then the exact distance.

There are about 2,000 places, reference data that changes only by a migration (which a
deployment follows with a restart), so their coordinates are read once per process and the
radius is worked out in Python; the search then filters candidates on the resulting place
ids (an indexed foreign key). Reading the box from the database on every search cost ~2 ms
of the slowest searches (a place radius with another filter, scripts/bench_search.py).
Distance is measured from the candidate's place of residence, never their postcode.
"""

from functools import cache, lru_cache
from math import cos, radians

from hallowerk.models import Place
from hallowerk.reference import haversine_km

KM_PER_DEGREE_LATITUDE = 111.0
# A little slack so rounding in the box never drops a place the exact check would keep.
BOX_SLACK = 1.02


@cache
def _place_coordinates() -> tuple[tuple[int, float, float], ...]:
    return tuple(Place.objects.order_by("pk").values_list("pk", "latitude", "longitude"))


@lru_cache(maxsize=4096)  # places × the radii people choose; a few hundred ids each
def _ids_within(latitude: float, longitude: float, radius_km: float) -> tuple[int, ...]:
    lat_delta = radius_km / KM_PER_DEGREE_LATITUDE * BOX_SLACK
    lon_delta = lat_delta / max(cos(radians(latitude)), 0.01)
    return tuple(pk for pk, lat, lon in _place_coordinates()
                 if abs(lat - latitude) <= lat_delta and abs(lon - longitude) <= lon_delta
                 and haversine_km(latitude, longitude, lat, lon) <= radius_km)


def place_ids_within(place: Place, radius_km: float) -> list[int]:
    return list(_ids_within(place.latitude, place.longitude, radius_km))


def place_cache_clear() -> None:
    """For code that changes places in a running process (tests)."""
    _ids_within.cache_clear()
    _place_coordinates.cache_clear()
