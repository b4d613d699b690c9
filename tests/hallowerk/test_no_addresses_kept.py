"""No IP address or user agent of a jobseeker or an employer is kept anywhere (issue 13;
SPEC §3: "IP address (staff only)"; the privacy statement promises it). Staff addresses
only where the catalogue declares them: the audit log's ip_address.

The test logs in through the real login pages as every role (plus a failed login and a
wrong second-factor code), each from its own address with its own user agent, and then
reads every text-like column of every table for those markers."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hallowerk.accounts.lockout import login_attempts_purge
from hallowerk.roles import STAFF_ROLES, Role
from privacy.catalogue import field_spec
from tests.conftest import current_totp
from tests.db_scan import columns_holding, database_dump
from tests.factories import TEST_PASSWORD, CandidateFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = [Role.JOBSEEKER, Role.EMPLOYER, Role.COACH, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD,
         Role.ADMINISTRATOR]


def address(role) -> str:
    return f"198.51.100.{ROLES.index(role) + 10}"


def user_agent(role) -> str:
    return f"ProbeBrowser/{ROLES.index(role) + 1}.0 (marker-{role})"


def make(role):
    if role == Role.JOBSEEKER:
        return CandidateFactory().user
    if role == Role.EMPLOYER:
        return UserFactory(employer_user=True, with_totp_device=True)
    return UserFactory(role=role, with_totp_device=True)


def browser_of(role) -> Client:
    return Client(REMOTE_ADDR=address(role), HTTP_USER_AGENT=user_agent(role))


def log_in_and_out(role) -> None:
    user = make(role)
    client = browser_of(role)
    client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    if user.requires_two_factor:
        client.post(reverse("twofactor_verify"), {"token": "000000"})
        client.post(reverse("twofactor_verify"), {"token": current_totp()})
    client.get(reverse("start"), follow=True)
    client.post(reverse("account_logout"))
    # Someone trying an unknown account from the same browser.
    client.post(reverse("account_login"), {"login": f"niemand-{role}@example.nl",
                                           "password": "wrong"})


def test_every_table_is_free_of_addresses_and_user_agents_of_jobseekers_and_employers():
    for role in ROLES:
        log_in_and_out(role)
    dump = database_dump()
    for role in ROLES:
        assert not columns_holding(user_agent(role), dump), f"user agent of a {role} kept"
        where = columns_holding(address(role), dump)
        if role in STAFF_ROLES:
            assert set(where) <= {("privacy_auditevent", "ip_address")}, (role, where)
        else:
            assert not where, f"the IP address of a {role} is kept in {where}"


def test_staff_addresses_are_where_the_catalogue_says_so():
    log_in_and_out(Role.COACH)
    assert columns_holding(address(Role.COACH)) == [("privacy_auditevent", "ip_address")]
    spec = field_spec("privacy.AuditEvent", "ip_address")
    assert "alleen medewerkers" in spec.label_nl


def test_the_lock_out_still_works_by_account_whatever_the_address(settings):
    user = make(Role.JOBSEEKER)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=f"203.0.113.{attempt + 1}").post(
            reverse("account_login"), {"login": user.email, "password": "wrong"})
    response = Client(REMOTE_ADDR="203.0.113.99").post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 429 and "geblokkeerd" in response.content.decode()
    # Another account from the same addresses is not affected.
    other = make(Role.JOBSEEKER)
    response = Client(REMOTE_ADDR="203.0.113.1").post(
        reverse("account_login"), {"login": other.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    attempt = AccessAttempt.objects.get(username=user.email)
    assert attempt.ip_address is None and attempt.user_agent == ""


def test_failed_attempts_are_gone_after_a_day():
    user = make(Role.EMPLOYER)
    Client().post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    assert login_attempts_purge(now=timezone.now()) == 0
    assert login_attempts_purge(now=timezone.now() + timezone.timedelta(days=1, minutes=1)) == 1
    assert not AccessAttempt.objects.exists()
