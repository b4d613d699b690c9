"""Setting up a new app after an administrator reset someone's two-factor verification.

Whoever knows the password must not be able to enrol their own authenticator in the gap
(issue 14). The reset sends a one-time link to the account's e-mail address; a new app can be
set up only in a logged-in session of that same account that opened the link. The link:
- works once (opening it claims it, for that session);
- expires after ENROLMENT_LINK_VALID;
- belongs to one account (someone else, logged in, gets nothing from it);
- is withdrawn by a newer reset;
- logs nobody in: without the password it only leads to the login page.
"""

from datetime import timedelta

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hallowerk.mail import notice_send
from hallowerk.models import TwoFactorEnrolmentLink, User
from hallowerk.models.invitations import new_token, token_digest
from hallowerk.site import absolute_url
from privacy.audit import audit_record
from privacy.models import AuditAction

ENROLMENT_LINK_VALID = timedelta(hours=24)
SESSION_KEY = "two_factor_enrolment_link"


def enrolment_link_url(token: str) -> str:
    return absolute_url(reverse("twofactor_reenrol", args=[token]))


def _send_link(*, user: User, token: str, valid_until) -> None:
    context = {"user": user, "url": enrolment_link_url(token), "valid_until": valid_until}
    with translation.override("nl"):
        subject = _("Stel uw nieuwe app voor HalloWerk in")
        body = render_to_string("twofactor/email/reenrol.txt", context)
    # If the mail server is down the reset stands; resetting again sends a new link.
    notice_send(subject, body, [user.email])


def enrolment_link_issue(*, user: User) -> str:
    """Withdraw the account's open link and send a new one (call inside the reset's
    transaction; the mail goes once it is committed). Returns the token."""
    now = timezone.now()
    TwoFactorEnrolmentLink.objects.open().filter(user=user).update(withdrawn_at=now)
    token = new_token()
    link = TwoFactorEnrolmentLink.objects.create(
        user=user, token_hash=token_digest(token), created_at=now,
        expires_at=now + ENROLMENT_LINK_VALID)
    transaction.on_commit(lambda: _send_link(user=user, token=token,
                                             valid_until=link.expires_at))
    return token


def enrolment_link_pending(user: User) -> TwoFactorEnrolmentLink | None:
    """The open link this account must use before it may set up a new app, if any."""
    return TwoFactorEnrolmentLink.objects.open().filter(user=user).first()


def enrolment_link_state(link: TwoFactorEnrolmentLink) -> str:
    if link.opened_at is not None:
        return "opened"
    if link.expires_at <= timezone.now():
        return "expired"
    return "waiting"


def enrolment_link_open(*, request, token: str) -> bool:
    """Claim the link for this session of its own account; False if it does not (or no
    longer) work. Claimed with one conditional UPDATE, so two tabs cannot both have it."""
    claimed = TwoFactorEnrolmentLink.objects.open().filter(
        token_hash=token_digest(token), user=request.user, opened_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).update(opened_at=timezone.now())
    if not claimed:
        return False
    link = TwoFactorEnrolmentLink.objects.get(token_hash=token_digest(token))
    request.session[SESSION_KEY] = link.pk
    audit_record(action=AuditAction.RECORD_CHANGED, actor=request.user, request=request,
                 target=request.user, data={"event": "2fa_enrolment_link_opened"})
    return True


def enrolment_allowed(request) -> bool:
    """May this session set up a new app? Yes, unless a reset is waiting for its link to be
    opened in this very session."""
    pending = enrolment_link_pending(request.user)
    return pending is None or (pending.opened_at is not None
                               and request.session.get(SESSION_KEY) == pending.pk)


def enrolment_link_complete(request) -> None:
    """The new app is confirmed: the link has done its work."""
    link_pk = request.session.pop(SESSION_KEY, None)
    if link_pk is not None:
        TwoFactorEnrolmentLink.objects.filter(pk=link_pk, user=request.user).update(
            completed_at=timezone.now())
