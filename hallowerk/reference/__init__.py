"""Reference lists (occupations, sectors, places) and the lookups other apps use on them.

The data lives in `data/*.csv` and is loaded by migration 0004; places come from GeoNames via
`scripts/build_places.py`.
"""

from .distance import distance_km, haversine_km
from .folding import fold
from .occupations import isco_closeness, occupation_search
from .places import place_resolve, place_search

__all__ = [
    "distance_km",
    "fold",
    "haversine_km",
    "isco_closeness",
    "occupation_search",
    "place_resolve",
    "place_search",
]
