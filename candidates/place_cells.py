"""Where a candidate lives, as coarse map cells the search index can hold (issue 11).

A radius of 40 km holds some 300 places: too many tokens to look up (candidates/models/
search.py), so the search checked the place on every row the index found, and a search
with a place read every match in the country before dropping most of them. Now the search
document also holds the cells of the candidate's place of residence on a grid of squares of
5, 10, 20, 40, 80 and 160 km, and a search with a radius asks the index for the few cells
(at most MAX_QUERY_CELLS, on the finest grid that needs no more) that cover the radius. The
exact distance is still checked on the rows found (employers/radius.py), so the cells only
make the index do the coarse part; they never widen or narrow the answer.

The cells come from the place of residence, which employers see on the profile; no
postcode or address is used (SPEC §4).
"""

from math import cos, floor, radians

from hallowerk.models import Place

CELL_SIZES_KM = (5, 10, 20, 40, 80, 160)
MAX_QUERY_CELLS = 25
KM_PER_DEGREE_LATITUDE = 111.0
# Longitude degrees are shorter in the north: one factor for the whole country keeps every
# cell the same size in degrees, which is all a grid needs.
KM_PER_DEGREE_LONGITUDE = KM_PER_DEGREE_LATITUDE * cos(radians(52.2))
# Slack so rounding at the edge of the box never drops a place the exact check keeps.
BOX_SLACK = 1.05

_coordinates: dict[int, tuple[float, float]] = {}


def _place_coordinates(place_id: int) -> tuple[float, float] | None:
    """From a copy of the ~2,000 places kept per process: places are reference data and
    never move; a place added later is read when first asked for."""
    if not _coordinates:
        _coordinates.update((pk, (lat, lon)) for pk, lat, lon in
                            Place.objects.values_list("pk", "latitude", "longitude"))
    if place_id not in _coordinates:
        row = Place.objects.filter(pk=place_id).values_list("latitude", "longitude").first()
        if row is None:
            return None
        _coordinates[place_id] = row
    return _coordinates[place_id]


def _number(value: int) -> str:
    return str(value).replace("-", "n")  # tokens are letters and digits only


def _token(size: int, row: int, column: int) -> str:
    return f"@g{size}a{_number(row)}b{_number(column)}"


def _row(latitude: float, size: int) -> int:
    return floor(latitude * KM_PER_DEGREE_LATITUDE / size)


def _column(longitude: float, size: int) -> int:
    return floor(longitude * KM_PER_DEGREE_LONGITUDE / size)


def place_cell_tokens(place_id: int | None) -> list[str]:
    """The tokens of the cells a place lies in, one per grid size."""
    coordinates = _place_coordinates(place_id) if place_id is not None else None
    if coordinates is None:
        return []
    latitude, longitude = coordinates
    return [_token(size, _row(latitude, size), _column(longitude, size))
            for size in CELL_SIZES_KM]


def cells_covering(place: Place, radius_km: float) -> list[str]:
    """Tokens of cells that together hold every place within radius_km of `place`: the
    cells of its bounding box, on the finest grid where they are at most MAX_QUERY_CELLS."""
    lat_delta = radius_km / KM_PER_DEGREE_LATITUDE * BOX_SLACK
    lon_delta = lat_delta / max(cos(radians(place.latitude)), 0.01)
    south, north = place.latitude - lat_delta, place.latitude + lat_delta
    west, east = place.longitude - lon_delta, place.longitude + lon_delta
    for size in CELL_SIZES_KM:
        rows = range(_row(south, size), _row(north, size) + 1)
        columns = range(_column(west, size), _column(east, size) + 1)
        if len(rows) * len(columns) <= MAX_QUERY_CELLS or size == CELL_SIZES_KM[-1]:
            return [_token(size, row, column) for row in rows for column in columns]
    raise AssertionError("unreachable: the coarsest grid always answers")
