"""Finding ISCO-08 occupations, and how close two occupations are."""

from django.db.models import Case, IntegerField, Q, Value, When

from hallowerk.models import Occupation

from .folding import Folded, fold

ISCO_LEVELS = 4  # unit group, minor group, sub-major group, major group


def occupation_search(query: str, limit: int = 20) -> list[Occupation]:
    """Occupations whose Dutch or English label contains every word of `query` (ignoring case
    and accents), or whose ISCO code starts with it; code and label-start matches first."""
    term = fold(query)
    if not term:
        return []
    occupations = Occupation.objects.annotate(
        folded_nl=Folded("label_nl"), folded_en=Folded("label_en")
    )
    if term.isdigit():
        matches = Q(isco_code__startswith=term)
    else:
        matches = Q()
        for word in term.split():
            matches &= Q(folded_nl__contains=word) | Q(folded_en__contains=word)
    rank = Case(
        When(isco_code=term, then=Value(0)),
        When(folded_nl__startswith=term, then=Value(1)),
        When(folded_en__startswith=term, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    ranked = occupations.filter(matches).annotate(rank=rank).order_by("rank", "label_nl")
    return list(ranked[:limit])


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
