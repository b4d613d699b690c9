"""Reads of the employer portal that depend on who is asking (SPEC §4).

Every candidate reached here comes through Candidate.objects.visible_to() (and the related
querysets that derive from it), so keeping someone on a list never keeps them visible.
The changes: employers/services*.py.
"""

from django.db.models import Count, Q, QuerySet

from candidates.models import Candidate
from hallowerk.models import User

from .models import SavedSearch, Shortlist, ShortlistEntry

# --- shortlists ---------------------------------------------------------------------------

def shortlists_for(viewer: User) -> QuerySet[Shortlist]:
    """The employer's lists with the number of candidates each shows (visible ones only)."""
    visible = ShortlistEntry.objects.visible_to(viewer).values("pk")
    return (Shortlist.objects.visible_to(viewer).select_related("vacancy")
            .annotate(visible_count=Count("entries", filter=Q(entries__in=visible))))


def shortlist_candidates(*, viewer: User, shortlist: Shortlist) -> QuerySet[Candidate]:
    """Candidates on the list that the viewer may still see, most recently added first."""
    return (Candidate.objects.visible_to(viewer)
            .filter(shortlist_entries__shortlist=shortlist)
            .order_by("-shortlist_entries__added_at", "-id"))


# --- saved searches -----------------------------------------------------------------------

def saved_searches_due() -> list[int]:
    """Ids of the saved searches the daily job checks."""
    return list(SavedSearch.objects.filter(alerts_enabled=True, user__is_active=True)
                .values_list("pk", flat=True))
