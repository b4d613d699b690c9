"""Two-factor services (django-otp): TOTP enrolment with backup codes, verification, reset.

The step after the password counts towards the same axes lockout as the password, so
guessing codes is as limited as guessing passwords.
"""

import secrets

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from privacy.audit import audit_record
from privacy.models import AuditAction

from .reenrolment import enrolment_allowed, enrolment_link_complete, enrolment_link_issue

BACKUP_CODE_COUNT = 10
SENDER = "hallowerk.twofactor"  # lets the login-failed receiver tell the steps apart


def two_factor_pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled; one at a time."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    return device


@transaction.atomic
def two_factor_enroll_confirm(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the app device with a first code; returns the new backup codes, or None."""
    if device.user_id != request.user.pk or not enrolment_allowed(request):
        raise PermissionDenied("After a reset, a new app needs the link from the e-mail.")
    if not device.verify_token(token.strip().replace(" ", "")):
        _count_failure(request)
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    static, _ = StaticDevice.objects.get_or_create(user=device.user, name="backup")
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=c) for c in codes)
    enrolment_link_complete(request)
    otp_login(request, device)
    audit_record(action=AuditAction.TWO_FACTOR_ENROLLED, actor=device.user, request=request)
    return codes


def two_factor_verify(*, request, token: str) -> bool:
    device = match_token(request.user, token.strip().replace(" ", ""))
    if device is None:
        _count_failure(request)
        return False
    otp_login(request, device)
    audit_record(action=AuditAction.TWO_FACTOR_VERIFIED, actor=request.user, request=request)
    return True


def two_factor_is_locked(request) -> bool:
    return AxesProxyHandler.is_locked(request, {"username": request.user.email})


def _count_failure(request) -> None:
    audit_record(action=AuditAction.TWO_FACTOR_FAILED, actor=request.user, request=request)
    user_login_failed.send(sender=SENDER, credentials={"username": request.user.email},
                           request=request)


def two_factor_required(user) -> bool:
    """Staff and employer users must; a jobseeker who switched it on must too."""
    return user.requires_two_factor or user_has_device(user, confirmed=True)


@transaction.atomic
def two_factor_reset(*, by, user, request=None) -> None:
    """Delete the devices; the new app needs the link mailed to the account (reenrolment.py)."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    enrolment_link_issue(user=user)
    audit_record(action=AuditAction.TWO_FACTOR_RESET, actor=by, request=request, target=user)


def demo_totp_device(user) -> TOTPDevice:
    """Development only: a confirmed device with the shared demo secret."""
    secret = settings.DEMO_TOTP_SECRET_HEX
    if not secret:
        raise RuntimeError("No demo TOTP secret outside development.")
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name="demo", defaults={"key": secret, "confirmed": True})
    return device


def random_demo_password() -> str:
    return secrets.token_urlsafe(12)
