"""Finding places by what people type: autocomplete and resolving a typed name."""

import copy

from django.db.models import Case, IntegerField, Q, Value, When

from hallowerk.models import Place

from .folding import Folded, fold
from .place_memo import place_memo

# Names people use that GeoNames stores differently (folded alias → stored name).
PLACE_ALIASES = {
    fold(alias): name
    for alias, name in [
        ("'s-Gravenhage", "Den Haag"),
        ("The Hague", "Den Haag"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("Almere", "Almere Stad"),
    ]
}


def _folded_places():
    return Place.objects.annotate(folded_name=Folded("name"))


def place_search(query: str, limit: int = 10) -> list[Place]:
    """Places whose name starts with `query` (ignoring case, accents, hyphens and
    apostrophes), or whose common alias does; exact matches first, then the most populous."""
    term = fold(query)
    if not term:
        return []
    alias_targets = [fold(name) for alias, name in PLACE_ALIASES.items() if alias.startswith(term)]
    places = (
        _folded_places()
        .filter(Q(folded_name__startswith=term) | Q(folded_name__in=alias_targets))
        .annotate(
            exact=Case(
                When(folded_name=term, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("exact", "-population", "name")
    )
    return list(places[:limit])


def place_resolve(name: str) -> Place | None:
    """The place called exactly `name` (ignoring case and accents, or by a common alias);
    when several places share the name, the most populous. None when nothing matches."""
    term = fold(name)
    if not term:
        return None
    return copy.copy(_place_named(fold(PLACE_ALIASES.get(term, term))))  # the caller's own


@place_memo
def _place_named(folded: str) -> Place | None:
    return _folded_places().filter(folded_name=folded).order_by("-population", "name").first()
