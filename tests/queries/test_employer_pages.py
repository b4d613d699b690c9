"""The employer's list and detail pages cost a fixed number of queries (conftest.py)."""

import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.services_messaging import message_send, thread_open
from employers.services_saved_searches import saved_search_create
from employers.services_shortlists import shortlist_create, shortlist_entry_add
from tests.employer_portal.conftest import employer_user, make_candidate
from tests.factories import VacancyFactory

from .conftest import add_experiences, add_messages, add_responses, assert_pinned

pytestmark = pytest.mark.django_db
SEQUENCE = itertools.count()


@pytest.fixture
def employer():
    return employer_user(with_totp_device=True)


@pytest.fixture
def client(verified_client, employer):
    return verified_client(employer)


def shared_candidates(n, **fields):
    """Candidates every employer of the region sees, each with its own kind of work."""
    return [make_candidate(profile={"kind_of_work": f"Werk soort {next(SEQUENCE)}"}, **fields)
            for _ in range(n)]


def test_search(client):
    def add(n):
        return [c.profile.kind_of_work for c in shared_candidates(n)]

    # One query more since the recency bands (candidates/search_tiers.py: it reads how many
    # bands there are) and one less since the occupation suggestions are kept per process
    # (hallowerk/forms/occupations.py; assert_pinned's first request reads them). One less
    # since the rows' occupations and open reviews come in one statement (load_together).
    assert_pinned(client, reverse("employers:search"), add, 10)


def test_candidate_profile(client):
    candidate = shared_candidates(1)[0]
    # One query less since the employer's lists are read once for both the "on these lists"
    # box and the list choice (ShortlistQuerySet.with_candidate_flag). Six less since the
    # profile's seven kinds of related rows come in one statement (related_rows.load_together).
    assert_pinned(client, reverse("employers:candidate_profile", args=[candidate.pk]),
                  add_experiences(candidate), 11)


def test_shortlists(client, employer):
    def add(n):
        names = [f"Lijst {next(SEQUENCE)}" for _ in range(n)]
        for name in names:
            shortlist_create(by=employer, name=name)
        return names

    assert_pinned(client, reverse("employers:shortlists"), add, 6)


def test_shortlist_detail(client, employer):
    shortlist = shortlist_create(by=employer, name="Koks")

    def add(n):
        candidates = shared_candidates(n)
        for candidate in candidates:
            shortlist_entry_add(by=employer, shortlist=shortlist, candidate=candidate)
        return [c.profile.kind_of_work for c in candidates]

    # One less since the rows' occupations and open reviews come in one statement.
    assert_pinned(client, reverse("employers:shortlist_detail", args=[shortlist.pk]), add, 8)


def test_saved_searches(client, employer):
    def add(n):
        names = [f"Zoekopdracht {next(SEQUENCE)}" for _ in range(n)]
        for name in names:
            saved_search_create(by=employer, name=name, query_string="q=kok")
        return names

    assert_pinned(client, reverse("employers:saved_searches"), add, 4)


def _own_vacancies(employer, n, **fields):
    return [VacancyFactory(employer=employer.employer, title=f"Kok {next(SEQUENCE)}", **fields)
            for _ in range(n)]


def test_vacancies(client, employer):
    def add(n):
        return [vacancy.title for vacancy in _own_vacancies(employer, n)]

    assert_pinned(client, reverse("employers:vacancies"), add, 5)


def test_matching_vacancies(client, employer):
    def add(n):
        return [vacancy.title for vacancy in _own_vacancies(employer, n, status="published",
                                                           published_at=timezone.now())]

    assert_pinned(client, reverse("matching:employer_index"), add, 5)


def test_vacancy_detail(client, employer):
    vacancy = _own_vacancies(employer, 1, status="published",
                             published_at=timezone.now())[0]
    assert_pinned(client, reverse("employers:vacancy_detail", args=[vacancy.pk]),
                  add_responses(vacancy, new_candidate=make_candidate), 9)


def test_inbox(client, employer):
    def add(n):
        candidates = shared_candidates(n, approachable=True)
        for candidate in candidates:
            message_send(by=employer, thread=thread_open(by=employer, candidate=candidate),
                         body="Hallo")
        return [candidate.last_name for candidate in candidates]

    assert_pinned(client, reverse("candidates:inbox"), add, 5)


def test_thread(client, employer):
    candidate = shared_candidates(1, approachable=True)[0]
    thread = thread_open(by=employer, candidate=candidate)
    assert_pinned(client, reverse("candidates:thread", args=[thread.pk]), add_messages(thread),
                  9)
