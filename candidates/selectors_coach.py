"""The coach's reads: the filtered, sorted candidate list and the contact requests to handle.

Both start from Candidate.objects.visible_to(viewer), so a coach never sees another
municipality's dossiers whatever the filters say. Filters are given as the cleaned data of
CandidateFilterForm; every filter is a plain SQL condition (no per-row Python).

A page costs the same few queries at 100 candidates or 100,000: the count, the ids of the
page (narrow rows, so sorting 25,000 candidates by date stays in memory), then those 25
candidates with their coach, account, invitations and profile.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import cast

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.translation import gettext as _

from hallowerk.compiled_queries import CompiledQuery
from hallowerk.models import Invitation
from hallowerk.pagination import page_number_bounded
from hallowerk.query_counts import counts_in_one_query

from .models import Candidate, ContactRequest, Profile
from .models.completeness_rule import COMPLETENESS_BUCKETS
from .models.querysets import name_contains
from .related_rows import load_children, related


def completeness_of(candidate_ids: list[int]) -> dict[int, int]:
    """The stored score of a page of candidates (no profile row: 0). The score is kept on
    Profile.completeness by one rule (candidates/models/completeness_rule.py), so the list
    shows and filters on the same indexed column."""
    return dict(Profile.objects.filter(candidate_id__in=candidate_ids)
                .values_list("candidate_id", "completeness"))


def _completeness_filter(bucket: tuple[int, int]) -> Q:
    """Candidates whose stored score is in the bucket, through the (completeness, candidate)
    index. Every dossier has a profile row (the intake creates it; migration 0005 gave the
    older ones an empty one): looking for dossiers WITHOUT one would mean an anti-join over
    the whole municipality, several times slower than this whole filter."""
    low, high = bucket
    return Q(pk__in=Profile.objects.filter(completeness__gte=low, completeness__lte=high)
             .values("candidate_id"))


# Sort keys the list offers; the first is the default. (field, descending)
SORTS = {
    "name": [("last_name", False), ("first_name", False)],
    "-name": [("last_name", True), ("first_name", True)],
    "-last_activity": [("last_activity_at", True)],
    "last_activity": [("last_activity_at", False)],
    "-created": [("created_at", True)],
}


def _sort_key(field: str, *, through_index: bool):
    if through_index:
        return F(field)
    # The same values, as an expression no index matches (see order_for).
    if field.endswith("_at"):
        return ExpressionWrapper(F(field) + Value(timedelta(0)), output_field=DateTimeField())
    return Concat(F(field), Value(""), output_field=CharField())


def order_for(sort: str, *, filtered: bool) -> list:
    """ORDER BY for the list. Unfiltered, the name index gives a page without sorting. A
    filtered list is counted in the same query, so every matching row is read anyway; an
    index order would then send the database through the index row by row (for "last
    active", the employers' index over the whole country), where reading the municipality's
    candidates in one sweep and sorting the matches is several times faster."""
    keys = SORTS.get(sort, SORTS["name"])
    descending = keys[0][1]
    order = [_sort_key(field, through_index=not filtered) for field, _desc in keys]
    order = [key.desc() if desc else key.asc() for key, (_field, desc) in zip(order, keys,
                                                                           strict=True)]
    return [*order, F("id").desc() if descending else F("id").asc()]


ACTIVITY_WINDOWS = {"recent": 30, "30": 30, "90": 90, "180": 180}


def _invitation_users(**conditions) -> QuerySet:
    return Invitation.objects.filter(**conditions).values("user_id")


def _invitation_filter(status: str) -> Q:
    """Each account has at most one open invitation (a resend withdraws the old one), so
    the state of an account's invitations is one of these."""
    now = timezone.now()
    open_ = {"accepted_at__isnull": True, "withdrawn_at__isnull": True}
    accepted = Q(user_id__in=_invitation_users(accepted_at__isnull=False))
    if status == "accepted":
        return accepted
    # The open link's end is kept on the dossier (Candidate.invitation_open_until, by
    # triggers), so these two read one index of the municipality's open links.
    if status == "pending":
        return Q(invitation_open_until__gt=now)
    if status == "expired":
        return Q(invitation_open_until__lte=now)
    if status == "withdrawn":
        # Neither accepted nor open, but invited once: every link was withdrawn.
        return (~accepted & ~Q(user_id__in=_invitation_users(**open_))
                & Q(user_id__in=Invitation.objects.values("user_id")))
    return Q()


def _status_filter(status: str) -> Q:
    return {
        "active": Q(is_active=True, dossier_ended_on__isnull=True),
        "inactive": Q(is_active=False, dossier_ended_on__isnull=True),
        "ended": Q(dossier_ended_on__isnull=False),
    }.get(status, Q())


def _activity_filter(window: str) -> Q:
    if window not in ACTIVITY_WINDOWS:
        return Q()
    since = timezone.now() - timedelta(days=ACTIVITY_WINDOWS[window])
    return Q(last_activity_at__gte=since) if window == "recent" else Q(last_activity_at__lt=since)


def _text_filter(text: str) -> Q:
    """A client number (exact) or part of the name, whatever the capitals (the stored
    capitalised keys, see name_contains)."""
    text = (text or "").strip()
    if not text:
        return Q()
    condition = Q(client_number_key=Upper(Value(text)))
    for word in text.split()[:4]:
        condition |= name_contains(word)
    return condition


def _yes_no(value: str, field: str) -> Q:
    if value == "yes":
        return Q(**{field: True})
    if value == "no":
        return Q(**{field: False})
    return Q()


def coach_candidate_list(*, viewer, filters: dict | None = None) -> QuerySet[Candidate]:
    """Every candidate of the coach's municipality that passes the filters, sorted. Only the
    conditions and the order: coach_candidate_page() fetches what a page shows."""
    filters = filters or {}
    conditions = [
        _text_filter(filters.get("q", "")),
        _status_filter(filters.get("status", "")),
        _yes_no(filters.get("shared", ""), "shared_with_employers"),
        _yes_no(filters.get("hidden", ""), "hidden_by_staff"),
        _yes_no(filters.get("approachable", ""), "directly_approachable"),
        _activity_filter(filters.get("activity", "")),
        _invitation_filter(filters.get("invitation", "")),
    ]
    if filters.get("mine"):
        conditions.append(Q(responsible_coach=viewer))
    if filters.get("leaving"):
        conditions.append(Q(leave_requested_at__isnull=False, dossier_ended_on__isnull=True))
    queryset = Candidate.objects.visible_to(viewer).filter(*conditions)
    bucket = COMPLETENESS_BUCKETS.get(filters.get("completeness", ""))
    if bucket:
        queryset = queryset.filter(_completeness_filter(bucket))
    return queryset.order_by(*order_for(filters.get("sort", ""), filtered=is_filtered(filters)))


def is_filtered(filters: dict | None) -> bool:
    return any(value for key, value in (filters or {}).items() if key != "sort")


@dataclass
class CoachRow:
    candidate: Candidate
    invitation: Invitation | None
    completeness: int
    badges: list[tuple[str, str]] = field(default_factory=list)


def page_of_ids(queryset: QuerySet, page_number, per_page: int, *,
                count_with_page: bool = False) -> tuple[Page, list[int]]:
    """A page of a sorted queryset as ids only: the database sorts narrow rows (an index, or
    ids with their sort keys in memory) instead of whole candidates, and the caller fetches
    the few rows of the page with what they need.

    `count_with_page` counts in the same query (COUNT(*) OVER ()): for a filtered list the
    database then checks the filters once instead of once for the count and again for the
    page. An unfiltered list counts from an index, so two small queries are cheaper there.
    A page number that is not a number, or too high, gives the first or last page.
    """
    if not count_with_page:
        page = Paginator(queryset.values_list("pk", flat=True), per_page).get_page(page_number)
        return page, list(page.object_list)
    number = page_number_bounded(page_number)
    counted = queryset.annotate(total_rows=Window(Count("pk"))).values_list("pk", "total_rows")
    rows = list(counted[(number - 1) * per_page:number * per_page])
    total = rows[0][1] if rows else queryset.count()
    paginator: Paginator[int] = Paginator([], per_page, allow_empty_first_page=True)
    paginator.__dict__["count"] = total  # a cached_property: counted already
    if not rows and total:
        number = paginator.num_pages
        rows = list(counted[(number - 1) * per_page:number * per_page])
    ids = [pk for pk, _total in rows]
    return Page(ids, min(number, paginator.num_pages), paginator), ids


def in_order(rows, ids: list[int]) -> list:
    by_id = {row.pk: row for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


# The columns a row of the list shows (templates/candidates/coach/list.html, status_badges,
# invitation_badge): the other ~40 columns of a dossier cost CPU to load for nothing. One
# left out costs a query per row, which the coach pages' pinned query counts catch.
COACH_ROW_ONLY = ["id", "first_name", "last_name", "client_number", "last_activity_at",
                  "is_active", "dossier_ended_on", "leave_requested_at", "hidden_by_staff",
                  "shared_with_employers", "directly_approachable", "user", "user__id",
                  "responsible_coach", "responsible_coach__id", "responsible_coach__first_name",
                  "responsible_coach__last_name"]


# The page's rows by the ids of the scoped list above, compiled once per page length
# (hallowerk/compiled_queries.py): building and compiling the read cost about as much CPU
# as running it. The SQL does not depend on the viewer (the ids do).
_COACH_ROWS = CompiledQuery(
    lambda viewer, candidate_ids: Candidate.objects.filter(pk__in=candidate_ids)
    .select_related("responsible_coach", "user").only(*COACH_ROW_ONLY),
    ids=(), id_list="candidate_ids", viewer_pk_varies=True)


def coach_candidate_page(*, viewer, filters: dict | None, page_number, per_page: int) -> Page:
    """One page of the list; `page.object_list` holds CoachRow objects."""
    page, page_ids = page_of_ids(coach_candidate_list(viewer=viewer, filters=filters),
                                 page_number, per_page, count_with_page=is_filtered(filters))
    candidates = _COACH_ROWS.rows(viewer, candidate_ids=page_ids)
    # The invitations in plain SQL: Django's prefetch cost more CPU than the rows themselves.
    load_children({candidate.user.pk: candidate.user for candidate in candidates
                   if candidate.user_id}, "invitations")
    scores = completeness_of(page_ids)
    page.object_list = [
        CoachRow(candidate, latest_invitation(candidate), scores.get(candidate.pk, 0),
                 status_badges(candidate))
        for candidate in in_order(candidates, page_ids)]
    return page


def status_badges(candidate: Candidate) -> list[tuple[str, str]]:
    """(label, badge modifier) pairs that sum up where a candidate stands."""
    badges = []
    if candidate.dossier_ended_on:
        badges.append((_("Dossier beëindigd"), "muted"))
    elif not candidate.is_active:
        badges.append((_("Inactief"), "warning"))
    if candidate.leave_requested_at and not candidate.dossier_ended_on:
        badges.append((_("Wil stoppen"), "warning"))
    if candidate.hidden_by_staff:
        badges.append((_("Verborgen"), "danger"))
    badges.append((_("Gedeeld"), "success") if candidate.shared_with_employers
                  else (_("Niet gedeeld"), "muted"))
    if candidate.directly_approachable:
        badges.append((_("Direct benaderbaar"), ""))
    return badges


def latest_invitation(candidate: Candidate) -> Invitation | None:
    """The newest invitation of the candidate's account (loaded with the list's page)."""
    if candidate.user is None:
        return None
    invitations = cast(list[Invitation], list(related(candidate.user, "invitations")))
    return max(invitations, key=lambda i: (i.created_at, i.pk)) if invitations else None


@dataclass
class CoachDashboard:
    caseload: int
    pending_contact_requests: int
    pending_contact_requests_mine: int


def coach_dashboard(*, viewer) -> CoachDashboard:
    pending = (ContactRequest.objects.visible_to(viewer)
               .filter(status=ContactRequest.Status.PENDING))
    counts = counts_in_one_query(
        caseload=Candidate.objects.visible_to(viewer).filter(
            responsible_coach=viewer, dossier_ended_on__isnull=True),
        pending=pending, pending_mine=pending.filter(candidate__responsible_coach=viewer))
    return CoachDashboard(
        caseload=counts["caseload"],
        pending_contact_requests=counts["pending"],
        pending_contact_requests_mine=counts["pending_mine"],
    )


def coach_contact_requests(*, viewer, status: str | None = ContactRequest.Status.PENDING,
                           mine_only: bool = False) -> QuerySet[ContactRequest]:
    """Contact requests about candidates the coach may see; their own caseload first."""
    queryset = ContactRequest.objects.visible_to(viewer)
    if status:
        queryset = queryset.filter(status=status)
    if mine_only:
        queryset = queryset.filter(candidate__responsible_coach=viewer)
    mine_first = Case(When(candidate__responsible_coach=viewer, then=Value(0)),
                      default=Value(1), output_field=IntegerField())
    return (queryset.select_related("candidate", "employer", "vacancy", "requested_by",
                                    "handled_by")
            .annotate(mine_first=mine_first)
            .order_by("mine_first", F("created_at").asc()))
