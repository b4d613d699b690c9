"""Finding ISCO-08 occupations (by label, code or other name), and how close two
occupations are."""

from functools import cache

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Concat

from hallowerk.models import Occupation

from .folding import Folded, fold

ISCO_LEVELS = 4  # unit group, minor group, sub-major group, major group


def occupation_search(query: str, limit: int = 20) -> list[Occupation]:
    """Occupations whose Dutch or English label or one of whose other names contains every
    word of `query` (ignoring case and accents), or whose ISCO code starts with it; code and
    label-start matches first, then an other name that is or starts with the query."""
    term = fold(query)
    if not term:
        return []
    occupations = Occupation.objects.annotate(
        folded_nl=Folded("label_nl"), folded_en=Folded("label_en"),
        # "; name; name;": every other name is enclosed, so "; kok;" finds exactly "kok".
        other=Concat(Value("; "), Folded("other_names"), Value(";")))
    if term.isdigit():
        matches = Q(isco_code__startswith=term)
    else:
        matches = Q()
        for word in term.split():
            matches &= (Q(folded_nl__contains=word) | Q(folded_en__contains=word)
                        | Q(other__contains=word))
    rank = Case(
        When(isco_code=term, then=Value(0)),
        When(folded_nl__startswith=term, then=Value(1)),
        When(folded_en__startswith=term, then=Value(2)),
        When(other__contains=f"; {term};", then=Value(3)),
        When(other__contains=f"; {term}", then=Value(4)),
        default=Value(5),
        output_field=IntegerField(),
    )
    ranked = occupations.filter(matches).annotate(rank=rank).order_by("rank", "label_nl")
    return list(ranked[:limit])


def occupations_named(name: str) -> list[Occupation]:
    """The occupations that have `name` (any case or accents) as one of their other names."""
    term = fold(name)
    if not term:
        return []
    return [occupation for occupation in Occupation.objects.filter(other_names__icontains=term)
            if term in occupation.other_names_list]


@cache
def other_name_index() -> dict[tuple[str, ...], tuple[int, ...]]:
    """Every other name, as its words → the ids of the occupations that have it:
    ("laad", "en", "losmedewerker") → (id of 9333,). Read once per process: the
    occupations change only by a migration, which a deployment follows with a restart."""
    index: dict[tuple[str, ...], list[int]] = {}
    for pk, other_names in Occupation.objects.exclude(other_names="").values_list(
            "pk", "other_names").order_by("pk"):
        for name in other_names.split(";"):
            if name.strip():
                index.setdefault(tuple(name.split()), []).append(pk)
    return {words: tuple(ids) for words, ids in index.items()}


def isco_closeness(code_a: str, code_b: str) -> int:
    """How many leading levels of the ISCO-08 hierarchy two unit-group codes share:
    4 = same unit group, 3 = same minor group, 2 = same sub-major group, 1 = same major
    group, 0 = different major groups."""
    for code in (code_a, code_b):
        if len(code) != ISCO_LEVELS or not code.isdigit():
            raise ValueError(f"Not an ISCO-08 unit group code: {code!r}")
    shared = 0
    while shared < ISCO_LEVELS and code_a[shared] == code_b[shared]:
        shared += 1
    return shared
