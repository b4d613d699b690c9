"""Who gets which tip: the reads behind the planning (privacy/tips/services.py).
"""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q

from candidates.models import Candidate, Education, Profile, WorkExperience
from hallowerk.models import Invitation, User
from hallowerk.roles import Role
from privacy.models import TipPreference, TipSend

AT_MOST_ONE_PER = timedelta(days=7)


EMPTY_PROFILE_AFTER = timedelta(days=7)


NOT_UPDATED_AFTER = timedelta(days=91)  # three months


Kind = TipSend.Kind


def tips_opted_out(user: User) -> bool:
    return TipPreference.objects.filter(user=user, opted_out=True).exists()


def _profile_filled() -> Exists:
    entries = Q(Exists(WorkExperience.objects.filter(profile=OuterRef("pk"))))
    entries |= Q(Exists(Education.objects.filter(profile=OuterRef("pk"))))
    filled = Profile.objects.filter(candidate=OuterRef("pk")).filter(
        ~Q(personal_description="") | ~Q(kind_of_work="") | ~Q(competences=[]) | entries)
    return Exists(filled)


def _sent(kind: str | None = None, after=None) -> Exists:
    sent = TipSend.objects.filter(user=OuterRef("user"), status=TipSend.Status.SENT)
    if kind:
        sent = sent.filter(kind=kind)
    if after is not None:
        sent = sent.filter(sent_at__gt=after)
    return Exists(sent)


def eligible_candidates(now: datetime):
    """Jobseekers who joined, take part, did not opt out and had no tip this week."""
    accepted = Invitation.objects.filter(user=OuterRef("user"), accepted_at__isnull=False)
    due = TipSend.objects.filter(user=OuterRef("user"), status=TipSend.Status.DUE)
    opted_out = TipPreference.objects.filter(user=OuterRef("user"), opted_out=True)
    return (Candidate.objects
            .filter(user__is_active=True, user__role=Role.JOBSEEKER, is_active=True,
                    dossier_ended_on__isnull=True)
            .filter(Exists(accepted))
            .exclude(Exists(opted_out)).exclude(Exists(due))
            .exclude(_sent(after=now - AT_MOST_ONE_PER))
            .annotate(filled=_profile_filled()))


def tip_candidates(kind: str, now: datetime):
    """The jobseekers due for a tip of this kind now."""
    eligible = eligible_candidates(now)
    if kind == Kind.EMPTY_PROFILE:
        invited_long_enough = Invitation.objects.filter(
            user=OuterRef("user"), accepted_at__isnull=False,
            created_at__lte=now - EMPTY_PROFILE_AFTER)
        return (eligible.filter(filled=False).filter(Exists(invited_long_enough))
                .exclude(_sent(Kind.EMPTY_PROFILE)))
    if kind == Kind.NOT_SHARED:
        return (eligible.filter(filled=True, shared_with_employers=False, hidden_by_staff=False)
                .exclude(_sent(Kind.NOT_SHARED)))
    stale = eligible.filter(filled=True, profile__updated_at__lte=now - NOT_UPDATED_AFTER)
    since_update = TipSend.objects.filter(
        user=OuterRef("user"), kind=Kind.NOT_UPDATED, status=TipSend.Status.SENT,
        sent_at__gte=OuterRef("profile__updated_at"))
    return stale.exclude(Exists(since_update))
