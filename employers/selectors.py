"""Reads of the employer portal that depend on who is asking (SPEC §4).

Every candidate reached here comes through Candidate.objects.visible_to() (and the related
querysets that derive from it), so keeping someone on a list never keeps them visible.
The changes: employers/services*.py.
"""

from django.db.models import Count, Q, QuerySet

from candidates.models import Candidate, ContactRequest, Thread
from candidates.models.querysets import visibility_scope
from hallowerk.compiled_queries import CompiledQuery
from hallowerk.models import User

from .models import SavedSearch, Shortlist, ShortlistEntry, Vacancy

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


# --- a candidate's profile page -----------------------------------------------------------
# The page's small reads, compiled once per viewer (hallowerk/compiled_queries.py): building
# and compiling each cost 0.5-0.7 ms of CPU, running it about 0.1 ms.

_CONVERSATION = CompiledQuery(
    lambda viewer, candidate_id: Thread.objects.visible_to(viewer)
    .filter(candidate_id=candidate_id, counterpart=viewer).order_by("-created_at", "-id")[:1],
    ids=("candidate_id",))
_LAST_CONTACT_REQUEST = CompiledQuery(
    lambda viewer, candidate_id: ContactRequest.objects.visible_to(viewer)
    .filter(candidate_id=candidate_id, requested_by=viewer).order_by("-created_at", "-id")[:1],
    ids=("candidate_id",))
_SHORTLISTS_MARKED = CompiledQuery(
    lambda viewer, candidate_id: Shortlist.objects.visible_to(viewer)
    .with_candidate_flag(candidate_id),
    ids=("candidate_id",))
_VACANCIES_PUBLISHED = CompiledQuery(
    lambda viewer: Vacancy.objects.visible_to(viewer).published(), ids=())


def contact_state(viewer: User, candidate: Candidate) -> dict:
    """What the contact box shows: an open conversation, a request underway, or a form. With
    a conversation, or for a candidate one may message directly, no request is shown."""
    scope = visibility_scope(viewer)
    threads = _CONVERSATION.rows(viewer, scope=scope, candidate_id=candidate.pk)
    thread = threads[0] if threads else None
    if thread or candidate.directly_approachable:
        return {"thread": thread, "last_request": None}
    requests = _LAST_CONTACT_REQUEST.rows(viewer, scope=scope, candidate_id=candidate.pk)
    return {"thread": thread, "last_request": requests[0] if requests else None}


def shortlists_marked(viewer: User, candidate: Candidate) -> list[Shortlist]:
    """The employer's lists, each with `holds_candidate`: whether this candidate is on it."""
    return _SHORTLISTS_MARKED.rows(viewer, candidate_id=candidate.pk)


def vacancies_published(viewer: User) -> list[Vacancy]:
    """The viewer's published vacancies, as the contact request form offers them."""
    return _VACANCIES_PUBLISHED.rows(viewer)
