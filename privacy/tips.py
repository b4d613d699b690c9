"""Tip e-mails to jobseekers (SPEC §6): tips to use the platform and improve the profile.

Never a decision, never anything about the benefit, never more than one a week, and an
opt-out link in every mail (it works without logging in) as well as in the settings.

Design: tips_plan() records tips as *due* in the database; tips_send_due() sends what is
due. A failed send leaves the tip due with a later next attempt (the wait doubles), so a
mail server or Redis outage delays tips but loses none. Each send is recorded (TipSend).

Triggers, checked once a day, most important first, one tip per person per run:
- empty profile, a week after the invitation (only once; and only for people who accepted
  the invitation — someone who did not join gets no mail: joining is voluntary);
- profile filled but not shared with employers (only once: sharing is their choice);
- profile not updated for 3 months (once per such period).
"""

import logging
from datetime import datetime, timedelta
from smtplib import SMTPException

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from candidates.models import Candidate, Education, Profile, WorkExperience
from hallowerk.models import Invitation, User
from hallowerk.outbox import MAX_ATTEMPTS, retry_wait
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.audit import audit_record
from privacy.models import AuditAction, TipPreference, TipSend

logger = logging.getLogger(__name__)
Kind = TipSend.Kind

AT_MOST_ONE_PER = timedelta(days=7)
EMPTY_PROFILE_AFTER = timedelta(days=7)
NOT_UPDATED_AFTER = timedelta(days=91)  # three months
OPTOUT_SALT = "hallowerk.privacy.tips-optout"


# --- opt-out ------------------------------------------------------------------------------

def _signer() -> signing.Signer:
    # No timestamp, no expiry: an old mail's link must still work, and it can only switch
    # tips off.
    return signing.Signer(salt=OPTOUT_SALT)


def tips_optout_token(user: User) -> str:
    return _signer().sign_object(user.pk)


def tips_user_from_token(token: str) -> User | None:
    try:
        pk = _signer().unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return User.objects.filter(pk=pk, role=Role.JOBSEEKER).first()


def tips_optout_url(user: User) -> str:
    return absolute_url(reverse("privacy:tips_optout", args=[tips_optout_token(user)]))


def tips_opted_out(user: User) -> bool:
    return TipPreference.objects.filter(user=user, opted_out=True).exists()


@transaction.atomic
def tips_preference_set(*, by: User, user: User, opted_out: bool, request=None) -> TipPreference:
    """Only the person themself (logged in, or holding the link from their mail)."""
    if by.pk != user.pk:
        raise PermissionDenied("Only the person themself switches their tips on or off.")
    preference, created = TipPreference.objects.select_for_update().get_or_create(user=user)
    if preference.opted_out != opted_out or created:
        preference.opted_out = opted_out
        preference.changed_at = timezone.now()
        preference.save()
        if opted_out:
            TipSend.objects.filter(user=user, status=TipSend.Status.DUE).update(
                status=TipSend.Status.CANCELLED, last_error="opted out")
        audit_record(action=AuditAction.TIPS_PREFERENCE_CHANGED, actor=user, request=request,
                     target=user, data={"opted_out": opted_out})
    return preference


# --- planning -----------------------------------------------------------------------------

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


def _candidates_for(kind: str, now: datetime):
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


def tips_plan(*, now: datetime | None = None) -> int:
    """Record the tips that are due now. Returns how many were planned."""
    now = now or timezone.now()
    planned = 0
    chosen: set[int] = set()
    for kind in (Kind.EMPTY_PROFILE, Kind.NOT_SHARED, Kind.NOT_UPDATED):
        user_ids = [pk for pk in _candidates_for(kind, now).values_list("user_id", flat=True)
                    if pk not in chosen]
        chosen.update(user_ids)
        for start in range(0, len(user_ids), 1000):
            with transaction.atomic():
                # The partial unique index (one due tip per person) makes a second,
                # concurrent planner harmless.
                created = TipSend.objects.bulk_create(
                    [TipSend(user_id=pk, kind=kind, created_at=now, next_attempt_at=now)
                     for pk in user_ids[start:start + 1000]], ignore_conflicts=True)
                planned += len(created)
    if planned:
        from privacy.queue import enqueue_on_commit
        from privacy.tasks import tips_send_due_task

        # Send now if Redis is there; if not, the periodic job sends them when it is back.
        enqueue_on_commit(tips_send_due_task)
    return planned


# --- sending ------------------------------------------------------------------------------

def _still_wanted(tip: TipSend, now: datetime) -> str:
    """Why this tip must not go out (any more), or ''."""
    user = tip.user
    if not user.is_active or user.role != Role.JOBSEEKER:
        return "inactive"
    if tips_opted_out(user):
        return "opted out"
    candidate = Candidate.objects.filter(user=user).first()
    if candidate is None or not candidate.is_active or candidate.dossier_ended_on is not None:
        return "no dossier"
    if TipSend.objects.filter(user=user, status=TipSend.Status.SENT,
                              sent_at__gt=now - AT_MOST_ONE_PER).exists():
        return "one a week"
    return ""


def tip_message(tip: TipSend) -> EmailMessage:
    user = tip.user
    optout_url = tips_optout_url(user)
    context = {"user": user, "kind": tip.kind, "optout_url": optout_url,
               "site_url": absolute_url(""),
               "profile_url": absolute_url(reverse("start")),
               "settings_url": absolute_url(reverse("privacy:tips_settings"))}
    with translation.override("nl"):
        subject = render_to_string("privacy/email/tip_subject.txt", context).strip()
        body = render_to_string("privacy/email/tip.txt", context)
    return EmailMessage(subject, body, None, [user.email], headers={
        # One-click unsubscribe in mail programs (RFC 2369, RFC 8058).
        "List-Unsubscribe": f"<{optout_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    })


def tip_send(*, tip_id: int, now: datetime | None = None) -> bool:
    """Send one due tip. True when it went out; a failure is recorded and it stays due."""
    now = now or timezone.now()
    with transaction.atomic():
        # SKIP LOCKED: if another worker is sending this very tip, leave it to that one.
        tip = (TipSend.objects.select_for_update(skip_locked=True, of=("self",))
               .select_related("user").filter(pk=tip_id, status=TipSend.Status.DUE).first())
        if tip is None:
            return False
        reason = _still_wanted(tip, now)
        if reason:
            tip.status = TipSend.Status.CANCELLED
            tip.last_error = reason
            tip.save(update_fields=["status", "last_error"])
            return False
        try:
            tip_message(tip).send()
        except (SMTPException, OSError) as error:
            tip.attempts += 1
            tip.last_error = type(error).__name__
            tip.next_attempt_at = now + retry_wait(tip.attempts)
            if tip.attempts >= MAX_ATTEMPTS:
                tip.status = TipSend.Status.CANCELLED
            tip.save(update_fields=["attempts", "last_error", "next_attempt_at", "status"])
            logger.warning("Tip %s not sent (%s), attempt %s", tip.pk, tip.last_error,
                           tip.attempts)
            return False
        tip.status = TipSend.Status.SENT
        tip.sent_at = now
        tip.attempts += 1
        tip.last_error = ""
        tip.save(update_fields=["status", "sent_at", "attempts", "last_error"])
        return True


def tips_send_due(*, now: datetime | None = None) -> int:
    """Send every tip that is due now. Returns how many went out."""
    now = now or timezone.now()
    due = (TipSend.objects.filter(status=TipSend.Status.DUE, next_attempt_at__lte=now)
           .order_by("next_attempt_at").values_list("pk", flat=True))
    return sum(tip_send(tip_id=pk, now=now) for pk in list(due))
