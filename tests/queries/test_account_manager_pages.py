"""The account manager's list and detail pages cost a fixed number of queries (conftest.py)."""

import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from hallowerk.roles import Role
from tests.backoffice.conftest import candidate_in, staff
from tests.factories import EmployerFactory, UserFactory, VacancyFactory, municipality

from .conftest import add_experiences, add_responses, assert_pinned

pytestmark = pytest.mark.django_db
SEQUENCE = itertools.count()


@pytest.fixture
def manager():
    return staff(Role.ACCOUNT_MANAGER, with_totp_device=True)


@pytest.fixture
def client(verified_client, manager):
    return verified_client(manager)


def _employers(n):
    return [EmployerFactory(name=f"Bakkerij {next(SEQUENCE)} B.V.") for _ in range(n)]


def _published(n):
    return _vacancies(n, status="published", published_at=timezone.now())


def _vacancies(n, **fields):
    return [VacancyFactory(title=f"Bakker {next(SEQUENCE)}", **fields) for _ in range(n)]


def test_employers(client):
    # 6 since issue 11: the users and published vacancies are counted in a query of their
    # own, for the page's employers only, instead of for the whole municipality in the page's.
    assert_pinned(client, reverse("employers:am_employers"),
                  lambda n: [employer.name for employer in _employers(n)], 6)


def test_employer_detail(client):
    employer = _employers(1)[0]

    def add(n):
        users = [UserFactory(role=Role.EMPLOYER, employer=employer,
                             municipality=municipality()) for _ in range(n)]
        return [user.last_name for user in users]

    assert_pinned(client, reverse("employers:am_employer", args=[employer.pk]), add, 7)


def test_vacancies(client):
    assert_pinned(client, reverse("employers:am_vacancies"),
                  lambda n: [vacancy.title for vacancy in _vacancies(n)], 5)


def test_matching_vacancies(client):
    assert_pinned(client, reverse("matching:account_manager_index"),
                  lambda n: [vacancy.title for vacancy in _published(n)], 5)


def test_vacancy_detail(client):
    vacancy = _published(1)[0]
    assert_pinned(client, reverse("employers:am_vacancy", args=[vacancy.pk]),
                  add_responses(vacancy), 7)


def test_candidates(client):
    assert_pinned(client, reverse("employers:am_candidates"),
                  lambda n: [candidate_in().last_name for _ in range(n)], 8)


def test_candidate_detail(client):
    candidate = candidate_in()
    assert_pinned(client, reverse("employers:am_candidate", args=[candidate.pk]),
                  add_experiences(candidate), 16)
