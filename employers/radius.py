"""Which places lie within a radius: a bounding box in SQL, then the exact distance.

There are about 2,000 places, so the exact check runs in Python over the few hundred in
the box, and the search filters candidates on the resulting place ids (an indexed foreign
key). Distance is measured from the candidate's place of residence, never their postcode.
"""

from math import cos, radians

from hallowerk.models import Place
from hallowerk.reference import haversine_km
from hallowerk.reference.place_memo import place_memo

KM_PER_DEGREE_LATITUDE = 111.0
# A little slack so rounding in the box never drops a place the exact check would keep.
BOX_SLACK = 1.02


def place_ids_within(place: Place, radius_km: float) -> list[int]:
    """Ids of the places within radius_km of `place` (itself included); kept per process
    until a place changes (hallowerk/reference/place_memo.py)."""
    return list(_ids_within(place.latitude, place.longitude, radius_km))


@place_memo
def _ids_within(latitude: float, longitude: float, radius_km: float) -> tuple[int, ...]:
    lat_delta = radius_km / KM_PER_DEGREE_LATITUDE * BOX_SLACK
    lon_delta = lat_delta / max(cos(radians(latitude)), 0.01)
    in_box = Place.objects.filter(
        latitude__range=(latitude - lat_delta, latitude + lat_delta),
        longitude__range=(longitude - lon_delta, longitude + lon_delta),
    ).values_list("pk", "latitude", "longitude")
    return tuple(pk for pk, lat, lon in in_box
                 if haversine_km(latitude, longitude, lat, lon) <= radius_km)
