"""Where the demo happens: the four municipalities of the spec plus neighbours that share
their labour-market region (so the 'own region' sharing scope shows), and places nearby."""

from dataclasses import dataclass

from hallowerk.models import Municipality, Place
from hallowerk.reference.distance import haversine_km

# (name, slug, labour-market region, postcode prefix, weight in the demo population)
DEMO_MUNICIPALITIES = [
    ("Rotterdam", "rotterdam", "Rijnmond", "30", 24),
    ("Den Haag", "den-haag", "Haaglanden", "25", 22),
    ("Amsterdam", "amsterdam", "Groot Amsterdam", "10", 24),
    ("Utrecht", "utrecht", "Midden-Utrecht", "35", 14),
    ("Schiedam", "schiedam", "Rijnmond", "31", 4),
    ("Vlaardingen", "vlaardingen", "Rijnmond", "31", 3),
    ("Zoetermeer", "zoetermeer", "Haaglanden", "27", 4),
    ("Amstelveen", "amstelveen", "Groot Amsterdam", "11", 3),
    ("Nieuwegein", "nieuwegein", "Midden-Utrecht", "34", 2),
]
NEARBY_KM = 15


@dataclass
class DemoMunicipality:
    municipality: Municipality
    postcode_prefix: str
    weight: int
    nearby_place_ids: list[int]  # places within NEARBY_KM, the biggest first


def demo_municipalities_ensure() -> list[DemoMunicipality]:
    """Idempotent: the seeded four are found, the neighbours created once."""
    places = list(Place.objects.only("id", "name", "latitude", "longitude", "population"))
    result = []
    for name, slug, region, prefix, weight in DEMO_MUNICIPALITIES:
        municipality, _ = Municipality.objects.get_or_create(
            slug=slug, defaults={"name": name, "labour_market_region": region})
        centre = max((p for p in places if p.name == name), key=lambda p: p.population,
                     default=None)
        nearby = []
        if centre is not None:
            nearby = sorted(
                (p for p in places if haversine_km(centre.latitude, centre.longitude,
                                                   p.latitude, p.longitude) <= NEARBY_KM),
                key=lambda p: -p.population)
        result.append(DemoMunicipality(municipality, prefix, weight, [p.pk for p in nearby]))
    return result
