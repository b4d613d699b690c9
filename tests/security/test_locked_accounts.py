"""An administrator lifts the lock-out of any account of their municipality, jobseekers and
employer users too, from the list of locked accounts (issue 14); nobody else can."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.backoffice.conftest import candidate_in, logged_in, staff
from tests.employer_portal.conftest import employer_user
from tests.factories import UserFactory
from tests.queries.conftest import assert_pinned

from .test_unlock import lock, log_in

pytestmark = pytest.mark.django_db
LIST_URL = reverse("administrator_locked_accounts")


def unlock_url(person):
    return reverse("administrator_locked_unlock", args=[person.pk])


def account(kind: str, slug: str = "utrecht"):
    """A jobseeker, an employer user or a coach of the municipality `slug`."""
    if kind == "jobseeker":
        return candidate_in(slug).user
    if kind == "employer":
        return employer_user(slug)
    return staff(Role.COACH, slug)


def failures(user, count: int, *, minutes_ago: int = 0) -> None:
    """Failed logins as axes records them (faster than posting them one by one)."""
    attempt = AccessAttempt.objects.create(
        username=user.email.lower(), ip_address=None, user_agent="", http_accept="",
        path_info="/inloggen/", get_data="", post_data="", failures_since_start=count)
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=timezone.now() - timedelta(minutes=minutes_ago))


@pytest.fixture
def admin(db):
    return staff(Role.ADMINISTRATOR)


@pytest.mark.parametrize("kind", ["jobseeker", "employer"])
def test_an_administrator_lifts_the_lock_of_a_jobseeker_or_employer(admin, settings, kind):
    person = account(kind)
    lock(person, settings)
    assert log_in(person).status_code == 429
    client = logged_in(admin)
    assert unlock_url(person) in client.get(LIST_URL).content.decode()
    assert client.get(unlock_url(person)).status_code == 200  # asks first
    assert log_in(person).status_code == 429
    response = client.post(unlock_url(person), follow=True)
    assert "De blokkering is opgeheven" in response.content.decode()
    assert log_in(person).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED,
                                   data__event="lockout_lifted")
    assert event.actor == admin and event.target_id == str(person.pk)
    assert event.data["was_locked"] is True
    assert unlock_url(person) not in client.get(LIST_URL).content.decode()


@pytest.mark.parametrize("who", ["other_municipality", "coach", "team_lead", "account_manager",
                                 "jobseeker", "employer"])
@pytest.mark.parametrize("kind", ["jobseeker", "employer", "coach"])
def test_nobody_else_lifts_a_lock_nor_sees_the_list(settings, who, kind):
    person = account(kind)
    lock(person, settings)
    actor = {"other_municipality": lambda: staff(Role.ADMINISTRATOR, "rotterdam"),
             "jobseeker": lambda: account("jobseeker"),
             "employer": lambda: account("employer")}.get(who, lambda: staff(Role(who)))()
    client = logged_in(actor)
    assert client.post(unlock_url(person)).status_code in (403, 404)
    assert client.get(unlock_url(person)).status_code in (403, 404)
    listed = client.get(LIST_URL)
    assert listed.status_code in (200, 403, 404)
    assert person.email not in listed.content.decode()
    assert log_in(person).status_code == 429
    assert not AuditEvent.objects.filter(data__event="lockout_lifted").exists()


def test_the_list_shows_only_accounts_locked_now_of_the_own_municipality(admin, settings):
    limit = settings.AXES_FAILURE_LIMIT
    locked = [account(kind) for kind in ("jobseeker", "employer", "coach")]
    elsewhere = [account(kind, "rotterdam") for kind in ("jobseeker", "employer", "coach")]
    almost = account("jobseeker")  # one try left
    expired = account("employer")  # locked, but the cool-off time has passed
    for person in locked + elsewhere:
        failures(person, limit)
    failures(almost, limit - 1)
    failures(expired, limit, minutes_ago=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) + 1)

    page = logged_in(admin).get(LIST_URL).content.decode()
    assert all(person.email in page for person in locked)
    assert not [p.email for p in [*elsewhere, almost, expired] if p.email in page]
    # A platform administrator sees them all.
    platform = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    page = logged_in(platform).get(LIST_URL).content.decode()
    assert all(person.email in page for person in locked + elsewhere)


def test_the_administrator_home_links_the_list(admin):
    page = logged_in(admin).get(reverse("administrator_home")).content.decode()
    assert LIST_URL in page


def test_the_list_costs_the_same_queries_with_3_and_10_locked_accounts(admin, settings):
    kinds = ["jobseeker", "employer", "coach"]

    def add(n):
        people = [account(kinds[i % 3]) for i in range(n)]
        for person in people:
            failures(person, settings.AXES_FAILURE_LIMIT)
        return [person.email for person in people]

    # Session, user, second factor, the administrator's municipality; the paginator's count
    # and the rows (one query for every role: the lock state is a subquery).
    assert_pinned(logged_in(admin), LIST_URL, add, pinned=5)


def test_the_list_reads_in_english_when_chosen(admin, settings):
    person = account("jobseeker")
    failures(person, settings.AXES_FAILURE_LIMIT)
    client = logged_in(admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(LIST_URL).content.decode()
    assert "Locked accounts" in page and "Lift the lock" in page
    assert "Only do this if you are sure" in client.get(unlock_url(person)).content.decode()
    assert client.get(reverse("administrator_home")).content.decode().count(
        "for jobseekers and employers too") == 1
