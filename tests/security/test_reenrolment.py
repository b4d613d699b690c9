"""After an administrator reset a staff member's two-factor verification, a new app needs
the one-time link mailed to the account, not the password alone (issue 14)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import user_has_device
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from hallowerk.administration import user_two_factor_reset
from hallowerk.models import TwoFactorEnrolmentLink
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.backoffice.conftest import logged_in, staff
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

SETUP = "/2fa/instellen/"


@pytest.fixture
def admin(db):
    return staff(Role.ADMINISTRATOR)


@pytest.fixture
def colleague(db):
    return staff(Role.COACH, with_totp_device=True)


def reset(admin, colleague, django_capture_on_commit_callbacks) -> str:
    """The administrator resets; returns the path of the link in the mail."""
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(admin).post(
            reverse("administrator_user_action", args=[colleague.pk, "reset-2fa"]))
    assert response.status_code == 302
    assert not user_has_device(colleague, confirmed=None)
    message = mail.outbox[-1]
    assert message.to == [colleague.email]
    return re.search(r"https?://[^/\s]+(/2fa/nieuwe-app/[^\s]+/)", message.body).group(1)


def password_login(user) -> Client:
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email,
                                                      "password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


def enrol(client) -> int:
    """Try to set up an app: the status of the confirm step (200 = enrolled)."""
    page = client.get(SETUP)
    if page.status_code != 200:
        return page.status_code
    device = TOTPDevice.objects.get(user_id=int(client.session["_auth_user_id"]),
                                    confirmed=False)
    return client.post(SETUP, {"token": f"{totp(device.bin_key):06d}"}).status_code


def test_the_link_and_the_password_together_set_up_a_new_app(
        admin, colleague, django_capture_on_commit_callbacks):
    link = reset(admin, colleague, django_capture_on_commit_callbacks)
    client = password_login(colleague)
    assert client.get(link).status_code == 200  # asks first; a GET does not use it up
    assert client.post(link).url == SETUP
    assert enrol(client) == 200
    assert user_has_device(colleague, confirmed=True)
    assert client.get(reverse("start")).url == reverse("candidates:coach_home")
    done = TwoFactorEnrolmentLink.objects.get(user=colleague)
    assert done.opened_at and done.completed_at
    assert AuditEvent.objects.filter(actor=colleague, data__event="2fa_enrolment_link_opened",
                                     ).exists()
    assert AuditEvent.objects.filter(actor=colleague, action=AuditAction.TWO_FACTOR_ENROLLED
                                     ).exists()


def test_the_password_alone_cannot_set_up_an_app_after_a_reset(
        admin, colleague, django_capture_on_commit_callbacks):
    reset(admin, colleague, django_capture_on_commit_callbacks)
    client = password_login(colleague)
    page = client.get(SETUP)
    assert page.status_code == 403
    assert "link" in page.content.decode() and "otpauth" not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=colleague).exists()  # no secret handed out
    assert client.post(SETUP, {"token": "123456"}).status_code == 403
    # Every other page still leads to the setup page, and no further.
    assert client.get(reverse("candidates:coach_home")).url == reverse("twofactor_setup")
    assert not user_has_device(colleague, confirmed=None)


def test_the_enrolment_service_refuses_without_the_link(
        admin, colleague, django_capture_on_commit_callbacks, rf):
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.exceptions import PermissionDenied

    from hallowerk.accounts.twofactor import two_factor_enroll_confirm, two_factor_pending_device

    reset(admin, colleague, django_capture_on_commit_callbacks)
    request = rf.post(SETUP)
    request.user, request.session = colleague, SessionStore()
    device = two_factor_pending_device(colleague)
    with pytest.raises(PermissionDenied):
        two_factor_enroll_confirm(request=request, device=device,
                                  token=f"{totp(device.bin_key):06d}")
    assert not user_has_device(colleague, confirmed=True)


def test_the_link_logs_nobody_in(admin, colleague, django_capture_on_commit_callbacks):
    link = reset(admin, colleague, django_capture_on_commit_callbacks)
    anonymous = Client()
    for response in (anonymous.get(link), anonymous.post(link)):
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in anonymous.session
    assert anonymous.get(reverse("candidates:coach_home")).status_code == 302
    # Not used up either: the colleague can still use it.
    client = password_login(colleague)
    assert client.post(link).url == SETUP


def test_a_used_link_does_not_work_again(admin, colleague, django_capture_on_commit_callbacks):
    link = reset(admin, colleague, django_capture_on_commit_callbacks)
    first = password_login(colleague)
    first.post(link)
    second = password_login(colleague)  # another browser, the same password
    assert second.get(link).status_code == 404
    assert second.post(link).status_code == 404
    assert enrol(second) == 403
    assert enrol(first) == 200  # the session that opened it is the one that may


def test_a_link_used_for_a_new_app_cannot_be_used_after_the_next_login(
        admin, colleague, django_capture_on_commit_callbacks):
    link = reset(admin, colleague, django_capture_on_commit_callbacks)
    client = password_login(colleague)
    client.post(link)
    enrol(client)
    later = password_login(colleague)
    assert later.post(link).status_code == 404


def test_an_expired_link_does_not_work(admin, colleague, django_capture_on_commit_callbacks):
    link = reset(admin, colleague, django_capture_on_commit_callbacks)
    TwoFactorEnrolmentLink.objects.filter(user=colleague).update(
        created_at=timezone.now() - timedelta(days=2),
        expires_at=timezone.now() - timedelta(seconds=1))
    client = password_login(colleague)
    assert client.post(link).status_code == 404
    page = client.get(SETUP)
    assert page.status_code == 403 and "verlopen" in page.content.decode()


def test_another_accounts_link_does_not_work(admin, colleague,
                                             django_capture_on_commit_callbacks):
    link = reset(admin, colleague, django_capture_on_commit_callbacks)
    other = staff(Role.COACH, with_totp_device=True)
    reset(admin, other, django_capture_on_commit_callbacks)
    client = password_login(other)
    assert client.post(link).status_code == 404
    assert enrol(client) == 403
    assert TwoFactorEnrolmentLink.objects.get(user=colleague).opened_at is None


def test_a_new_reset_withdraws_the_previous_link(admin, colleague,
                                                 django_capture_on_commit_callbacks):
    old = reset(admin, colleague, django_capture_on_commit_callbacks)
    new = reset(admin, colleague, django_capture_on_commit_callbacks)
    client = password_login(colleague)
    assert client.post(old).status_code == 404
    assert client.post(new).url == SETUP
    assert enrol(client) == 200


def test_a_first_enrolment_after_an_invitation_is_unchanged(db):
    """No reset, no link needed (the invitation link already went to the mailbox)."""
    newcomer = staff(Role.ACCOUNT_MANAGER)
    assert enrol(password_login(newcomer)) == 200


def test_the_service_checks_who_resets(admin, colleague):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        user_two_factor_reset(by=staff(Role.COACH), user=colleague)
    assert user_has_device(colleague, confirmed=True)
    assert not TwoFactorEnrolmentLink.objects.exists()


def test_the_pages_speak_english_when_chosen(admin, colleague, settings,
                                             django_capture_on_commit_callbacks):
    link = reset(admin, colleague, django_capture_on_commit_callbacks)
    client = password_login(colleague)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "First open the link in your e-mail" in client.get(SETUP).content.decode()
    assert "Set up a new app" in client.get(link).content.decode()
    wrong = client.post(reverse("twofactor_reenrol", args=["not-a-token"]))
    assert wrong.status_code == 404 and "This link does not work" in wrong.content.decode()


def test_a_mail_server_that_is_down_does_not_break_the_reset(
        admin, colleague, django_capture_on_commit_callbacks, monkeypatch):
    """The reset is committed before the link goes out; a failing mail is logged, not a 500,
    and a second reset (once the mail works) sends a link that works."""
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("hallowerk.mail.send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(admin).post(
            reverse("administrator_user_action", args=[colleague.pk, "reset-2fa"]))
    assert response.status_code == 302
    assert not user_has_device(colleague, confirmed=None)
    monkeypatch.undo()
    assert reset(admin, colleague, django_capture_on_commit_callbacks).startswith("/2fa/")


def test_a_notice_that_the_mail_server_refuses_is_logged_not_raised(monkeypatch, caplog):
    from hallowerk.mail import notice_send

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("hallowerk.mail.send_mail", refuse)
    assert notice_send("Onderwerp", "Tekst", ["a@example.nl"]) is False
    assert "Notice mail" in caplog.text
