"""Great-circle distances between places: good enough for 'how far is the work' (±1%)."""

from math import asin, cos, radians, sin, sqrt

from hallowerk.models import Place

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def haversine_km(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """Distance in km between two points given in decimal degrees."""
    phi_a, phi_b = radians(lat_a), radians(lat_b)
    d_phi, d_lambda = phi_b - phi_a, radians(lon_b - lon_a)
    h = sin(d_phi / 2) ** 2 + cos(phi_a) * cos(phi_b) * sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def distance_km(place_a: Place, place_b: Place) -> float:
    """Distance in km between two places as the crow flies."""
    return haversine_km(place_a.latitude, place_a.longitude, place_b.latitude, place_b.longitude)
