"""Lock-out per account (whatever the address) and per client address (password spraying),
behind a trusted proxy; the owner's e-mail; the audit log's address of staff."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.urls import reverse

from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.db_scan import columns_holding
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "198.51.100.66"
NEIGHBOUR = "198.51.100.77"  # another person behind the same proxy


def jobseeker():
    return UserFactory(role=Role.JOBSEEKER)


def attempt(client, user_or_email, password="wrong"):
    email = getattr(user_or_email, "email", user_or_email)
    return client.post(reverse("account_login"), {"login": email, "password": password})


def direct(address):
    return Client(REMOTE_ADDR=address)


def via_proxy(client_address, proxy=PROXY):
    return Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=client_address)


def is_locked_page(response) -> bool:
    return response.status_code == 429 and "geblokkeerd" in response.content.decode()


def spray(client, settings, *, accounts=None):
    """One wrong password on as many different accounts as the address may fail: the last
    of those tries already answers with the lock-out page."""
    accounts = accounts or [jobseeker() for _ in range(settings.LOCKOUT_ADDRESS_FAILURE_LIMIT)]
    locked = [is_locked_page(attempt(client, account, "Zomer2026!")) for account in accounts]
    if len(accounts) == settings.LOCKOUT_ADDRESS_FAILURE_LIMIT:
        assert locked == [False] * (len(accounts) - 1) + [True]
    return accounts


def test_spraying_one_password_over_many_accounts_from_one_address_is_stopped(settings):
    sprayed = spray(direct(ATTACKER), settings)
    victim = jobseeker()
    # The next try from that address is refused, even with the right password...
    assert is_locked_page(attempt(direct(ATTACKER), victim, TEST_PASSWORD))
    # ...while the same person from elsewhere gets in, and no sprayed account is locked.
    assert attempt(direct(NEIGHBOUR), victim, TEST_PASSWORD).status_code == 302
    assert attempt(direct(NEIGHBOUR), sprayed[0], TEST_PASSWORD).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.LOCKED_OUT, data__scope="address")
    assert event.ip_address is None  # nobody's address is kept for a failed login


def test_a_locked_address_stays_locked_while_it_tries_and_does_not_lock_accounts(settings):
    spray(direct(ATTACKER), settings)
    target = jobseeker()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        assert is_locked_page(attempt(direct(ATTACKER), target))
    # Refused tries did not count against the account they named.
    assert not AccessAttempt.objects.filter(username=target.email).exists()
    assert attempt(direct(NEIGHBOUR), target, TEST_PASSWORD).status_code == 302


def test_a_successful_login_does_not_wipe_the_address_count(settings):
    """An attacker with one account of their own cannot reset the count by logging in."""
    own = jobseeker()
    accounts = [jobseeker() for _ in range(settings.LOCKOUT_ADDRESS_FAILURE_LIMIT)]
    half = len(accounts) // 2
    spray(direct(ATTACKER), settings, accounts=accounts[:half])
    logged_in = direct(ATTACKER)
    assert attempt(logged_in, own, TEST_PASSWORD).status_code == 302
    spray(direct(ATTACKER), settings, accounts=accounts[half:])
    assert is_locked_page(attempt(direct(ATTACKER), jobseeker(), TEST_PASSWORD))


def test_an_ipv6_address_counts_for_its_network(settings):
    accounts = [jobseeker() for _ in range(settings.LOCKOUT_ADDRESS_FAILURE_LIMIT)]
    for number, account in enumerate(accounts):
        attempt(direct(f"2001:db8:1:2::{number + 1:x}"), account)
    assert is_locked_page(attempt(direct("2001:db8:1:2::ffff"), jobseeker(), TEST_PASSWORD))
    assert attempt(direct("2001:db8:1:3::1"), jobseeker(), TEST_PASSWORD).status_code == 302


def test_behind_a_trusted_proxy_the_attacker_is_locked_out_not_everyone(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    spray(via_proxy(ATTACKER), settings)
    assert is_locked_page(attempt(via_proxy(ATTACKER), jobseeker(), TEST_PASSWORD))
    assert attempt(via_proxy(NEIGHBOUR), jobseeker(), TEST_PASSWORD).status_code == 302


def test_the_forwarded_header_of_an_untrusted_peer_is_ignored(settings):
    """Rotating a made-up X-Forwarded-For does not get an attacker past the lock."""
    settings.TRUSTED_PROXIES = [PROXY]
    accounts = [jobseeker() for _ in range(settings.LOCKOUT_ADDRESS_FAILURE_LIMIT)]
    for number, account in enumerate(accounts):
        attempt(via_proxy(f"192.0.2.{number + 1}", proxy=ATTACKER), account)
    assert is_locked_page(attempt(via_proxy("192.0.2.200", proxy=ATTACKER), jobseeker(),
                                  TEST_PASSWORD))


def test_an_account_is_locked_whatever_the_address_and_its_owner_gets_one_mail(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    user = jobseeker()
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(via_proxy(f"203.0.113.{number + 1}"), user)
    assert is_locked_page(attempt(via_proxy("203.0.113.99"), user, TEST_PASSWORD))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "Uw HalloWerk-account is tijdelijk geblokkeerd"
    assert "30 minuten geblokkeerd" in message.body and "/account/password/reset/" in message.body
    # No detail that helps whoever is trying: no address, no number of tries.
    assert "203.0.113" not in message.body and str(settings.AXES_FAILURE_LIMIT) not in message.body
    for _ in range(3):  # more tries during the lock: still one mail
        attempt(via_proxy("203.0.113.50"), user)
    assert len(mail.outbox) == 1


def test_no_mail_for_an_address_that_has_no_account(settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attempt(direct(ATTACKER), "niemand@example.nl")
    assert mail.outbox == []


def test_a_mail_server_that_is_down_does_not_break_the_login_page(settings, monkeypatch):
    import hallowerk.mail  # the lock-out notice is sent by notice_send()

    def down(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP")

    monkeypatch.setattr(hallowerk.mail, "send_mail", down)
    user = jobseeker()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(direct(ATTACKER), user)
    assert is_locked_page(attempt(direct(ATTACKER), user, TEST_PASSWORD))


def test_the_audit_log_keeps_the_real_address_of_staff_behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    coach = UserFactory(role=Role.COACH)
    assert attempt(via_proxy("198.51.100.23"), coach, TEST_PASSWORD).status_code == 302
    assert AuditEvent.objects.get(action=AuditAction.LOGIN, actor=coach).ip_address == \
        "198.51.100.23"
    # From a peer that is not our proxy, its own address (not the header it sent).
    assert attempt(via_proxy("198.51.100.24", proxy="203.0.113.8"), coach,
                   TEST_PASSWORD).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=coach).latest(
        "pk").ip_address == "203.0.113.8"
    assert columns_holding(PROXY) == []


def test_a_jobseekers_address_stays_out_of_every_table_behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    user = jobseeker()
    attempt(via_proxy("198.51.100.31"), user)
    attempt(via_proxy("198.51.100.31"), user, TEST_PASSWORD)
    assert columns_holding("198.51.100.31") == []
