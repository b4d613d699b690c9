"""The login lock-out: django-axes per account, our own count per client address
(address_lockout.py), the owner told by e-mail, an administrator who can lift it."""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hallowerk.mail import notice_send
from hallowerk.models import User
from hallowerk.site import absolute_url
from privacy.audit import audit_record
from privacy.models import AuditAction

from .address_lockout import address_failure_add, address_is_locked


def username_from_request(request, credentials):
    """Axes needs the login name; allauth passes it as `email`, its form posts `login`."""
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username")
    if not name and request is not None:
        name = request.POST.get("login") or request.POST.get("email")
    return (name or "").strip().lower()


# --- what django-axes may keep about a login attempt --------------------------------------
#
# The privacy statement says "Van werkzoekenden en werkgevers bewaren we geen IP-adres" and
# SPEC §3 keeps IP addresses of staff only, in the audit log. Axes would store the address
# and the user agent of every attempt (and, with its access log, of every login), so:
# - the access log and the failure log are off (settings: AXES_DISABLE_ACCESS_LOG);
# - axes counts failures per account (AXES_LOCKOUT_PARAMETERS = [["username"]]);
# - the address axes sees is nothing (client_address_for_lockout), and the user agent and
#   Accept header are blanked before an attempt is written (LoginAttemptHandler);
# - failures per client address are counted outside axes, in the cache, under a keyed hash
#   whose key expires within a day (address_lockout.py).

LOGIN_ATTEMPT_KEEP = timedelta(days=1)


def client_address_for_lockout(request) -> None:
    """The address axes records and locks by: none (see above)."""
    return None


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler, without the browser's user agent or Accept header, and with
    the lock per client address on top of axes' lock per account."""

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        return address_is_locked(request) or super().is_locked(request, credentials)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if request is None:
            return super().user_login_failed(sender, credentials, request=request, **kwargs)
        request.axes_user_agent = ""
        request.axes_http_accept = ""
        if address_is_locked(request):
            # Refused before any password was looked at: it keeps the address locked, and
            # does not count against the account it named (that would let a locked-out
            # address go on locking other people's accounts).
            address_failure_add(request)
            request.axes_locked_out = True
            return None
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if address_failure_add(request) == settings.LOCKOUT_ADDRESS_FAILURE_LIMIT:
            request.axes_locked_out = True
            audit_record(action=AuditAction.LOCKED_OUT, request=request,
                         data={"login": username_from_request(request, credentials),
                               "scope": "address"})
        return None


def _lockout_window_start():
    return timezone.now() - settings.AXES_COOLOFF_TIME


def _recent_attempts() -> QuerySet[AccessAttempt]:
    return AccessAttempt.objects.filter(attempt_time__gte=_lockout_window_start())


def account_is_locked(user: User) -> bool:
    """Locked now by its own failures (the lock per address is not the account's)."""
    failures = _recent_attempts().filter(username=user.email.lower()).aggregate(
        total=Sum("failures_since_start"))["total"] or 0
    return failures >= settings.AXES_FAILURE_LIMIT


def locked_logins() -> QuerySet:
    """The login names (lower case) locked now by their own failures, as account_is_locked
    decides it for one account: a subquery, so a list of locked accounts is one query."""
    return (_recent_attempts().values("username")
            .annotate(total=Sum("failures_since_start"))
            .filter(total__gte=settings.AXES_FAILURE_LIMIT).values("username"))


def _notice_key(user: User) -> str:
    return f"lockout:notified:{user.pk}"


def account_locked_notify(*, login: str) -> bool:
    """Tell the owner of a just-locked account, once per lock: that it happened, how long it
    lasts and what to do. Nothing about where the tries came from or how many there were
    (an attacker may be reading the mailbox too)."""
    user = User.objects.filter(email__iexact=login, is_active=True).first()
    if user is None or not user.email:
        return False
    if not cache.add(_notice_key(user), True,
                     timeout=int(settings.AXES_COOLOFF_TIME.total_seconds())):
        return False
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"user": user, "minutes": minutes,
               "reset_url": absolute_url(reverse("account_reset_password"))}
    with translation.override("nl"):
        subject = _("Uw HalloWerk-account is tijdelijk geblokkeerd")
        body = render_to_string("account/email/locked_out.txt", context)
    # The lock holds either way; a mail server that is down must not turn a login attempt
    # into a server error (notice_send logs it and answers False).
    return notice_send(subject, body, [user.email])


def account_unlock(*, by: User, user: User, request=None) -> bool:
    """Lift the account's lock now (its failed attempts go). Returns whether it was locked.
    Callers check who may do this (hallowerk/administration.py)."""
    was_locked = account_is_locked(user)
    AccessAttempt.objects.filter(username=user.email.lower()).delete()
    cache.delete(_notice_key(user))
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=user,
                 data={"event": "lockout_lifted", "was_locked": was_locked})
    return was_locked


def login_attempts_purge(*, now) -> int:
    """Failed attempts older than a day go (a lock-out lasts AXES_COOLOFF_TIME, far less);
    a successful login already removes the account's own (AXES_RESET_ON_SUCCESS)."""
    deleted, _by_model = AccessAttempt.objects.filter(
        attempt_time__lt=now - LOGIN_ATTEMPT_KEEP).delete()
    return deleted
