"""Framework login events into the audit log (these come from Django, allauth and axes,
so a receiver is the only place to catch them)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from privacy.audit import audit_record
from privacy.models import AuditAction

from .lockout import account_locked_notify, username_from_request


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    audit_record(action=AuditAction.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditAction.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def record_login_failed(sender, credentials, request=None, **kwargs):
    if sender == "hallowerk.twofactor":
        return  # the two-factor service recorded its own, more precise, event
    audit_record(action=AuditAction.LOGIN_FAILED, request=request,
                 data={"login": username_from_request(request, credentials)})


@receiver(user_locked_out)
def record_locked_out(sender, request, username, ip_address, **kwargs):
    """Axes locked an account (it says so again at every refused try; the mail goes once)."""
    audit_record(action=AuditAction.LOCKED_OUT, request=request, data={"login": username})
    if username:
        account_locked_notify(login=username)
