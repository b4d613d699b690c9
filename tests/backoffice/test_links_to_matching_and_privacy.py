"""The suggestion pages and the data-request page are reachable from the pages people use."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hallowerk.roles import Role
from tests.backoffice.conftest import candidate_in, staff
from tests.factories import EmployerFactory, UserFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def test_coach_candidate_page_links_to_suggestions_and_data_request(coach, coach_client):
    candidate = candidate_in()
    html = coach_client.get(reverse("candidates:coach_candidate", args=[candidate.pk])
                            ).content.decode()
    assert reverse("matching:coach_suggestions", args=[candidate.pk]) in html
    assert reverse("privacy:candidate_data", args=[candidate.pk]) in html


def test_vacancy_pages_link_to_candidate_suggestions(verified_client):
    employer = EmployerFactory()
    vacancy = VacancyFactory(employer=employer, status="published", published_at=timezone.now())
    am_client = verified_client(staff(Role.ACCOUNT_MANAGER))
    html = am_client.get(reverse("employers:am_vacancy", args=[vacancy.pk])).content.decode()
    assert reverse("matching:account_manager_candidates", args=[vacancy.pk]) in html
    am_client.logout()
    employer_client = verified_client(UserFactory(role=Role.EMPLOYER, employer=employer))
    html = employer_client.get(reverse("employers:vacancy_detail", args=[vacancy.pk])).content.decode()
    assert reverse("matching:employer_candidates", args=[vacancy.pk]) in html
