"""The team lead's and the administrator's list and detail pages cost a fixed number of
queries (conftest.py)."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from hallowerk.roles import Role
from hallowerk.stats import figures_refresh
from privacy.audit import audit_profile_viewed
from privacy.models import AccessSignal
from tests.backoffice.conftest import candidate_in, staff
from tests.factories import municipality
from tests.privacy.privacyops_data import full_candidate

from .conftest import assert_pinned

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(verified_client):
    return verified_client(staff(Role.ADMINISTRATOR, with_totp_device=True))


@pytest.fixture
def team_lead_client(verified_client):
    return verified_client(staff(Role.TEAM_LEAD, with_totp_device=True))


def _candidates_counted(n):
    """The overview reads stored figures: more candidates must not cost more queries."""
    for _ in range(n):
        candidate_in()
    figures_refresh()
    return []


def test_team_lead_overview(team_lead_client):
    assert_pinned(team_lead_client, reverse("team_lead_home"), _candidates_counted, 5)


def test_matching_monitor(team_lead_client):
    assert_pinned(team_lead_client, reverse("matching:fairness"), _candidates_counted, 7)


def _staff(n):
    return [staff(Role.COACH).last_name for _ in range(n)]


def test_users(admin_client):
    assert_pinned(admin_client, reverse("administrator_users"), _staff, 5)


def test_user_detail(admin_client):
    person = staff(Role.COACH)

    def add(n):  # colleagues: the page shows one person
        _staff(n)
        return [person.last_name]

    # 9 since the page shows whether the account is locked out (issue 14).
    assert_pinned(admin_client, reverse("administrator_user", args=[person.pk]), add, 8)


def test_audit_log(admin_client):
    def add(n):
        coaches = [staff(Role.COACH) for _ in range(n)]
        candidate = candidate_in()
        for coach in coaches:
            audit_profile_viewed(viewer=coach, candidate=candidate)
        return [coach.email for coach in coaches]

    # 10 since the log is read in two parts along their own indexes (issue 17, at scale).
    assert_pinned(admin_client, reverse("privacy:audit_log"), add, 9)


def test_retention_rules(admin_client):
    assert_pinned(admin_client, reverse("privacy:retention_rules"),
                  _candidates_counted, 5)


@freeze_time("2025-01-01 12:00:00+01:00")
def test_retention_report(admin_client):
    def add(n):
        start = len(added)
        for i in range(n):
            added.append(full_candidate(f"Zr{start + i:02d}", ended_on=datetime.date(2024, 1, 20),
                                        end_reason="broken_off", files=False))
        return [candidate.client_number for candidate in added[start:]]

    added = []
    assert_pinned(admin_client, reverse("privacy:retention_report") + "?start=2024-01-01", add,
                  8)


@pytest.mark.parametrize(("name", "pinned"), [("privacy:processing_register", 4),
                                              ("privacy:algorithm_register", 4),
                                              ("matching:weights", 5)])
def test_registers_and_weights(admin_client, name, pinned):
    assert_pinned(admin_client, reverse(name), _candidates_counted, pinned)


def test_access_signals(admin_client):
    def add(n):
        coaches = [staff(Role.COACH) for _ in range(n)]
        for coach in coaches:
            AccessSignal.objects.create(municipality=municipality(), kind="exports", actor=coach,
                                        actor_role=Role.COACH, day=datetime.date(2025, 1, 2),
                                        count=9, threshold=5)
        return [coach.last_name for coach in coaches]

    assert_pinned(admin_client, reverse("privacy:access_signals"), add, 5)
