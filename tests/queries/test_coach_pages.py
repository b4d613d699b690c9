"""The coach's list and detail pages cost a fixed number of queries (conftest.py)."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from candidates.models import SensitiveReview
from candidates.services_messaging import contact_request_create, message_send, thread_open
from hallowerk.roles import Role
from tests.backoffice.conftest import candidate_in, staff
from tests.employer_portal.conftest import employer_user, make_candidate
from tests.privacy.privacyops_data import full_candidate

from .conftest import add_experiences, add_messages, assert_pinned

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return staff(Role.COACH, with_totp_device=True)


@pytest.fixture
def client(verified_client, coach):
    return verified_client(coach)


def _caseload(coach):
    def add(n):
        return [candidate_in(responsible_coach=coach).last_name for _ in range(n)]

    return add


def test_candidate_list(client, coach):
    assert_pinned(client, reverse("candidates:coach_candidates"), _caseload(coach), 9)


def test_matching_caseload(client, coach):
    assert_pinned(client, reverse("matching:coach_index"), _caseload(coach), 5)


def test_candidate_detail(client, coach):
    candidate = candidate_in(responsible_coach=coach)
    # Seven less since the profile's seven kinds of related rows and the account's
    # invitations come in one statement (related_rows.load_together) instead of prefetches.
    assert_pinned(client, reverse("candidates:coach_candidate", args=[candidate.pk]),
                  add_experiences(candidate), 10)


def test_candidate_data(client, coach):
    candidate = candidate_in(responsible_coach=coach)
    assert_pinned(client, reverse("privacy:candidate_data", args=[candidate.pk]),
                  add_experiences(candidate, listed=False), 5)


def test_contact_requests(client, coach):
    def add(n):
        employer = employer_user()
        for _ in range(n):
            candidate = make_candidate(responsible_coach=coach)
            contact_request_create(by=employer, candidate=candidate, message="Mag ik bellen?")
        return [employer.employer.name]

    assert_pinned(client, reverse("candidates:coach_contact_requests"), add, 7)


def test_sensitive_reviews(client, coach):
    def add(n):
        candidates = [candidate_in(responsible_coach=coach) for _ in range(n)]
        for candidate in candidates:
            SensitiveReview.objects.create(candidate=candidate, field="personal_description",
                                           categories=["health"])
        return [candidate.last_name for candidate in candidates]

    assert_pinned(client, reverse("candidates:sensitive_reviews"), add, 5)


def test_inbox(client, coach):
    def add(n):
        candidates = [candidate_in(responsible_coach=coach) for _ in range(n)]
        for candidate in candidates:
            message_send(by=coach, thread=thread_open(by=coach, candidate=candidate),
                         body="Hallo")
        return [candidate.last_name for candidate in candidates]

    assert_pinned(client, reverse("candidates:inbox"), add, 5)


@freeze_time("2025-01-01 12:00:00+01:00")
def test_dossiers_due(client, coach):
    def add(n):
        start = len(added)
        for i in range(n):
            added.append(full_candidate(f"Zd{start + i:02d}", coach=coach,
                                        ended_on=datetime.date(2024, 1, 20),
                                        end_reason="broken_off", files=False))
        return [candidate.full_name for candidate in added[start:]]

    added = []
    # 7 since issue 11: the list is paged, and the page counts the dossiers due.
    assert_pinned(client, reverse("privacy:coach_due"), add, 7)


def test_thread(client, coach):
    thread = thread_open(by=coach, candidate=candidate_in(responsible_coach=coach))
    assert_pinned(client, reverse("candidates:thread", args=[thread.pk]), add_messages(thread),
                  9)
