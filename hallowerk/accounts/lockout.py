from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt


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
# - the lock-out counts failures per account (AXES_LOCKOUT_PARAMETERS = [["username"]]);
# - the address axes sees is nothing (client_address_for_lockout), and the user agent and
#   Accept header are blanked before an attempt is written (LoginAttemptHandler).
# A per-address lock-out behind trusted proxies (issue 14) replaces client_address_for_lockout
# with a keyed hash whose key expires within a day; nothing else here needs to change.

LOGIN_ATTEMPT_KEEP = timedelta(days=1)


def client_address_for_lockout(request) -> None:
    """The address axes records and locks by: none (see above)."""
    return None


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler, without the browser's user agent or Accept header."""

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if request is not None:
            request.axes_user_agent = ""
            request.axes_http_accept = ""
        return super().user_login_failed(sender, credentials, request=request, **kwargs)


def login_attempts_purge(*, now) -> int:
    """Failed attempts older than a day go (a lock-out lasts AXES_COOLOFF_TIME, far less);
    a successful login already removes the account's own (AXES_RESET_ON_SUCCESS)."""
    deleted, _by_model = AccessAttempt.objects.filter(
        attempt_time__lt=now - LOGIN_ATTEMPT_KEEP).delete()
    return deleted
