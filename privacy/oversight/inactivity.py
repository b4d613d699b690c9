"""Accounts nobody uses any more (issue 17), with the municipality's periods.

Professionals (staff and employer users) not seen for `professional_inactive_months` are told
their account will be switched off; `deactivation_notice_days` later, still unused, it is
switched off and their name and address are removed — the row stays, because the audit log
points at it by id (who did what must remain answerable for the log's own period).

Jobseekers with an open dossier who have not logged in for `jobseeker_inactive_months`: their
coach is reminded (with a count, no names in the mail). Nothing is decided about the person.

"Not seen" is the last login, or the account's creation when there never was one. Logging in
takes a notice back, so each stretch of inactivity is told once.
"""

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from candidates.models import Candidate
from hallowerk.models import Municipality, User
from hallowerk.roles import STAFF_ROLES, Role
from privacy.audit import audit_record
from privacy.models import AuditAction

from .models import InactivityNotice
from .unusual import settings_for

logger = logging.getLogger(__name__)
PROFESSIONAL_ROLES = STAFF_ROLES | {Role.EMPLOYER}
Kind = InactivityNotice.Kind


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _last_seen_before(cutoff: date) -> Q:
    """Last seen on the cutoff day or earlier: the period is over in the course of today."""
    return Q(last_seen__lt=_start_of(cutoff + timedelta(days=1)))


def _with_last_seen(users):
    return users.annotate(last_seen=Coalesce("last_login", "date_joined"))


@dataclass
class InactivityResult:
    withdrawn: int = 0
    notices: int = 0
    deactivated: int = 0
    reminders: int = 0


def _withdraw_notices_of_returned_users() -> int:
    return InactivityNotice.objects.filter(user__last_login__gte=F("notified_at")).delete()[0]


def _mail(user: User, template: str, subject: str, context: dict) -> None:
    with translation.override("nl"):
        body = render_to_string(template, {"user": user, **context})
        subject = translation.gettext(subject)
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        # The notice is recorded; the deactivation waits for its date either way.
        logger.exception("Inactivity mail to user %s failed", user.pk)


def _notify_professionals(municipality: Municipality, today: date) -> int:
    limits = settings_for(municipality.pk)
    cutoff = today - relativedelta(months=limits.professional_inactive_months)
    users = (_with_last_seen(User.objects.filter(municipality=municipality, is_active=True,
                                                 role__in=PROFESSIONAL_ROLES))
             .filter(_last_seen_before(cutoff))
             .exclude(inactivity_notice__isnull=False))
    deactivate_on = today + timedelta(days=limits.deactivation_notice_days)
    count = 0
    for user in users:
        InactivityNotice.objects.create(user=user, kind=Kind.DEACTIVATION,
                                        deactivate_on=deactivate_on)
        _mail(user, "privacy/email/account_inactive.txt",
              gettext_noop("Uw HalloWerk-account wordt uitgeschakeld"),
              {"months": limits.professional_inactive_months, "day": deactivate_on,
               "url": settings.SITE_URL.rstrip("/") + reverse("account_login")})
        count += 1
    return count


def account_deactivate_inactive(*, user: User) -> None:
    """Switch the account off and remove the person from it; the row and its id stay for
    the audit log. Idempotent."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        old_email = user.email
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username__iexact=old_email).delete()
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        user.first_name = user.last_name = ""
        user.email = f"inactief-{user.pk}@hallowerk.invalid"
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["first_name", "last_name", "email", "is_active", "password"])
        InactivityNotice.objects.filter(user=user).delete()
        audit_record(action=AuditAction.ACCOUNT_DEACTIVATED_INACTIVE, target=user,
                     data={"role": user.role})


def _deactivate_due(today: date) -> int:
    due = (InactivityNotice.objects.filter(kind=Kind.DEACTIVATION, deactivate_on__lte=today,
                                           user__is_active=True)
           .filter(Q(user__last_login__isnull=True)
                   | Q(user__last_login__lt=F("notified_at")))
           .select_related("user"))
    count = 0
    for notice in due:
        if _last_administrator(notice.user):
            # Switching off the only administrator would leave the municipality without
            # anyone who can invite, unlock or hand over; the notice stays, so the job
            # tries again once another administrator exists.
            logger.warning("inactivity: the only administrator of municipality %s is kept",
                           notice.user.municipality_id)
            continue
        account_deactivate_inactive(user=notice.user)
        count += 1
    return count


def _last_administrator(user: User) -> bool:
    return user.role == Role.ADMINISTRATOR and not (
        User.objects.filter(role=Role.ADMINISTRATOR, municipality_id=user.municipality_id,
                            is_active=True).exclude(pk=user.pk).exists())


def _remind_coaches(municipality: Municipality, today: date) -> int:
    limits = settings_for(municipality.pk)
    cutoff = today - relativedelta(months=limits.jobseeker_inactive_months)
    users = (_with_last_seen(User.objects.filter(role=Role.JOBSEEKER, is_active=True,
                                                 candidate__municipality=municipality,
                                                 candidate__dossier_ended_on__isnull=True))
             .filter(_last_seen_before(cutoff))
             .exclude(inactivity_notice__isnull=False))
    coaches = dict(Candidate.objects.filter(user__in=users)
                   .values_list("user_id", "responsible_coach_id"))
    per_coach: Counter = Counter()
    for user_id, coach_id in coaches.items():
        InactivityNotice.objects.create(user_id=user_id, kind=Kind.COACH_REMINDER)
        per_coach[coach_id] += 1
    _mail_coaches(municipality, per_coach, limits.jobseeker_inactive_months)
    return len(coaches)


def _mail_coaches(municipality: Municipality, per_coach: Counter, months: int) -> None:
    """Each coach hears how many of theirs; candidates without an active coach go to the
    municipality's administrators, so nobody falls through."""
    coaches = {u.pk: u for u in User.objects.filter(pk__in=[pk for pk in per_coach if pk],
                                                    role=Role.COACH, is_active=True)}
    recipients: Counter = Counter()
    admins = list(User.objects.filter(role=Role.ADMINISTRATOR, is_active=True,
                                      municipality=municipality))
    for coach_id, count in per_coach.items():
        for user in ([coaches[coach_id]] if coach_id in coaches else admins):
            recipients[user] += count
    url = settings.SITE_URL.rstrip("/") + reverse("candidates:coach_candidates")
    for user, count in recipients.items():
        _mail(user, "privacy/email/jobseekers_inactive.txt",
              gettext_noop("Kandidaten die lang niet inlogden"),
              {"count": count, "months": months, "url": url})


def inactivity_run(*, today: date | None = None) -> InactivityResult:
    today = today or timezone.localdate()
    result = InactivityResult(withdrawn=_withdraw_notices_of_returned_users())
    result.deactivated = _deactivate_due(today)
    for municipality in Municipality.objects.order_by("pk"):
        result.notices += _notify_professionals(municipality, today)
        result.reminders += _remind_coaches(municipality, today)
    return result
