"""The coach's reads: the filtered, sorted candidate list and the contact requests to handle.

Both start from Candidate.objects.visible_to(viewer), so a coach never sees another
municipality's dossiers whatever the filters say. Filters are given as the cleaned data of
CandidateFilterForm; every filter is a plain SQL condition (no per-row Python), so a page
costs the same few queries at 100 candidates or 100,000.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from hallowerk.models import Invitation

from .models import Candidate, ContactRequest

# How complete a profile is, by a simple rule until a shared completeness module exists:
# one point for each of these core things the jobseeker filled in (columns of Profile only,
# so the rule costs no extra query per row).
COMPLETENESS_POINTS = [
    # Written as positive conditions: for a candidate without a profile row every one is
    # NULL, so the score is 0 rather than "everything filled".
    Q(profile__place_of_residence__isnull=False),
    Q(profile__personal_description__gt=""),
    Q(profile__kind_of_work__gt=""),
    Q(profile__competences__len__gt=0),
    Q(profile__professional_skills__len__gt=0),
    Q(profile__available_from__isnull=False),
    Q(profile__hours_per_week_max__isnull=False),
    Q(profile__transport__len__gt=0),
]
COMPLETENESS_MAX = len(COMPLETENESS_POINTS)
# (bucket, lowest score, highest score)
COMPLETENESS_BUCKETS = {"empty": (0, 0), "started": (1, 5), "complete": (6, COMPLETENESS_MAX)}


def completeness_score():
    """0..COMPLETENESS_MAX; a candidate without a profile row scores 0."""
    points = [Case(When(condition, then=Value(1)), default=Value(0),
                   output_field=IntegerField()) for condition in COMPLETENESS_POINTS]
    total = points[0]
    for point in points[1:]:
        total = total + point
    return Coalesce(total, Value(0))


# Sort keys the list offers; the first is the default (and uses the name index).
SORTS = {
    "name": ["last_name", "first_name", "id"],
    "-name": ["-last_name", "-first_name", "-id"],
    "-last_activity": ["-last_activity_at", "-id"],
    "last_activity": ["last_activity_at", "id"],
    "-created": ["-created_at", "-id"],
}

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
    if status == "pending":
        return Q(user_id__in=_invitation_users(**open_, expires_at__gt=now))
    if status == "expired":
        return Q(user_id__in=_invitation_users(**open_, expires_at__lte=now))
    if status == "withdrawn":
        return (~accepted & ~Q(user_id__in=_invitation_users(**open_))
                & Q(user_id__in=_invitation_users(withdrawn_at__isnull=False)))
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
    """A client number (exact) or part of the name."""
    text = (text or "").strip()
    if not text:
        return Q()
    condition = Q(client_number__iexact=text)
    for word in text.split()[:4]:
        condition |= Q(first_name__icontains=word) | Q(last_name__icontains=word)
    return condition


def _yes_no(value: str, field: str) -> Q:
    if value == "yes":
        return Q(**{field: True})
    if value == "no":
        return Q(**{field: False})
    return Q()


def coach_candidate_list(*, viewer, filters: dict | None = None) -> QuerySet[Candidate]:
    """The coach's list: every candidate of their municipality, filtered and sorted.

    Rows carry `completeness` (0..COMPLETENESS_MAX) and prefetch the account's invitations,
    so the page shows the invitation state without a query per row.
    """
    filters = filters or {}
    queryset = Candidate.objects.visible_to(viewer)
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
    queryset = queryset.filter(*conditions)
    bucket = COMPLETENESS_BUCKETS.get(filters.get("completeness", ""))
    queryset = queryset.annotate(completeness=completeness_score())
    if bucket:
        queryset = queryset.filter(completeness__gte=bucket[0], completeness__lte=bucket[1])
    invitations = Prefetch("user__invitations",
                           queryset=Invitation.objects.order_by("-created_at", "-id"))
    return (queryset.select_related("responsible_coach", "user")
            .prefetch_related(invitations)
            .order_by(*SORTS.get(filters.get("sort", ""), SORTS["name"])))


def latest_invitation(candidate: Candidate) -> Invitation | None:
    """The newest invitation of the candidate's account (prefetched by the list)."""
    if candidate.user is None:
        return None
    invitations = list(candidate.user.invitations.all())
    return max(invitations, key=lambda i: (i.created_at, i.pk)) if invitations else None


@dataclass
class CoachDashboard:
    caseload: int
    pending_contact_requests: int
    pending_contact_requests_mine: int


def coach_dashboard(*, viewer) -> CoachDashboard:
    requests = coach_contact_requests(viewer=viewer, status=ContactRequest.Status.PENDING)
    return CoachDashboard(
        caseload=Candidate.objects.visible_to(viewer).filter(
            responsible_coach=viewer, dossier_ended_on__isnull=True).count(),
        pending_contact_requests=requests.count(),
        pending_contact_requests_mine=requests.filter(
            candidate__responsible_coach=viewer).count(),
    )


def coach_contact_requests(*, viewer, status: str | None = ContactRequest.Status.PENDING,
                           mine_only: bool = False) -> QuerySet[ContactRequest]:
    """Contact requests about candidates the coach may see; their own caseload first."""
    queryset = ContactRequest.objects.filter(
        candidate__in=Candidate.objects.visible_to(viewer))
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
