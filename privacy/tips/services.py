"""Planning and sending tips, and the jobseeker's choice to get them; each recorded.

The reads: privacy/tips/selectors.py; the opt-out link: privacy/tips/optout.py.
"""

import logging
from datetime import datetime
from smtplib import SMTPException

from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.outbox import MAX_ATTEMPTS, retry_wait
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.audit import audit_record
from privacy.models import AuditAction, TipPreference, TipSend

from .optout import tips_optout_url
from .selectors import AT_MOST_ONE_PER, tip_candidates, tips_opted_out

logger = logging.getLogger(__name__)


Kind = TipSend.Kind


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


def tips_plan(*, now: datetime | None = None) -> int:
    """Record the tips that are due now. Returns how many were planned."""
    now = now or timezone.now()
    planned = 0
    chosen: set[int] = set()
    for kind in (Kind.EMPTY_PROFILE, Kind.NOT_SHARED, Kind.NOT_UPDATED):
        user_ids = [pk for pk in tip_candidates(kind, now).values_list("user_id", flat=True)
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
