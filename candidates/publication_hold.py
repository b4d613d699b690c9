"""Held for the coach's review: a part of the profile with likely special-category data that
the jobseeker chose to keep after the warning stays out of every employer's sight until a
coach of the municipality has looked at it (SPEC §9, issue 13).

A part is "held" while an open SensitiveReview names it: a profile field ("free_text"),
"cv", or a field of a kind of entry ("work_experiences.description"). The employer's view,
result lists, file downloads and the search document all leave held parts out, so an
employer can neither read nor find them.
"""

from django.db.models import Prefetch

from .models import Candidate, SensitiveReview
from .related_rows import Rows, children, load

OPEN_REVIEWS_ATTR = "open_sensitive_reviews"
# The "kind of data" of a review for a file the sensitive-data check could not read (too
# large, a decompression bomb, a parse error, a time-out, issue 14): nobody knows what is in
# it, so a coach looks before employers can open it.
UNCHECKED_FILE = "unchecked_file"


def open_reviews_prefetch(lookup: str = "sensitive_reviews") -> Prefetch:
    """Prefetch for held_parts(), so a list of candidates costs one query more, not one each."""
    return Prefetch(lookup, queryset=SensitiveReview.objects.filter(resolved_at__isnull=True),
                    to_attr=OPEN_REVIEWS_ATTR)


def open_reviews_rows(candidates: list[Candidate]) -> Rows | None:
    """What open_reviews_prefetch() loads, as plain SQL for candidates already read through
    the scope (candidates/related_rows.py)."""
    return children({candidate.pk: candidate for candidate in candidates}, "sensitive_reviews",
                    condition="c.resolved_at IS NULL", to_attr=OPEN_REVIEWS_ATTR)


def open_reviews_load(candidates: list[Candidate]) -> None:
    """open_reviews_rows() in a query of its own."""
    load(open_reviews_rows(candidates))


def held_parts(candidate: Candidate) -> frozenset[str]:
    reviews = getattr(candidate, OPEN_REVIEWS_ATTR, None)
    if reviews is None:
        reviews = candidate.sensitive_reviews.filter(resolved_at__isnull=True).only("field")
    return frozenset(review.field for review in reviews)


def entry_part(relation: str, field: str) -> str:
    """How a review names a field of a kind of entry (as SensitiveReview.field)."""
    return f"{relation}.{field}"
