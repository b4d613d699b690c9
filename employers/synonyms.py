"""Other words employers use for the same work (issue 18), in both languages of the site.

A small list, reviewed by hand: each group holds words that mean the same job to an
employer, so that searching one also finds the others. Matches on the word itself rank
above matches on one of its synonyms (employers/search_query.py). Words are written as
`normalise()` leaves them (lowercase, no accents); one word each (compounds are split by
candidates/compounds.py, so "chauffeur" already finds "vrachtwagenchauffeur").

To add a group: the words must be interchangeable in a job search, not merely related
("kok" and "keukenhulp" are different jobs). Keep it short; occupations' own names in
Dutch and English are in every profile's document already.
"""

from functools import cache

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("chauffeur", "bestuurder", "driver", "rijder"),
    ("vrachtwagenchauffeur", "truckchauffeur", "trucker"),
    ("schoonmaker", "schoonmaakster", "schoonmaakmedewerker", "cleaner", "interieurverzorger"),
    ("verkoper", "verkoopster", "verkoopmedewerker", "winkelmedewerker", "salesmedewerker"),
    ("kok", "cook"),
    ("monteur", "mechanic", "technicus"),
    ("beveiliger", "bewaker", "guard"),
    ("kassamedewerker", "caissiere", "kassiere", "cashier"),
    ("timmerman", "carpenter"),
    ("elektricien", "electrician"),
    ("verzorgende", "zorgmedewerker", "caregiver", "carer"),
    ("receptionist", "receptioniste", "baliemedewerker"),
    ("bezorger", "koerier", "courier", "pakketbezorger", "deliverer"),
    ("hovenier", "tuinman", "gardener", "groenvoorziener"),
    ("productiemedewerker", "productiewerker", "operator"),
    ("klantenservicemedewerker", "callcentermedewerker", "klantcontactmedewerker"),
    ("schilder", "painter"),
    ("bakker", "baker"),
    ("magazijnmedewerker", "orderpicker", "warehouse"),
    ("concierge", "huismeester", "caretaker"),
)


@cache
def _synonym_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for group in SYNONYM_GROUPS:
        for word in group:
            index[word] = tuple(other for other in group if other != word)
    return index


def synonyms_of(word: str) -> tuple[str, ...]:
    """The other words of `word`'s group ('bestuurder' → ('chauffeur', 'driver',
    'rijder')), or ()."""
    return _synonym_index().get(word, ())


def synonym_words() -> frozenset[str]:
    return frozenset(_synonym_index())
