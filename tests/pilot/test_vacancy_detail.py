"""A vacancy's detail page shows the languages and the physical work it asks for, to the
jobseeker, the employer and the account manager alike."""

import pytest
from django.urls import reverse
from django.utils import translation

from employers.models import Vacancy
from hallowerk.roles import Role
from tests.backoffice.conftest import staff
from tests.candidates.jobseeker_helpers import jobseeker, published_vacancy
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DEMANDS = {"required_languages": ["nl", "en"], "physical_demands": ["standing", "overhead_work"]}


def _shows_demands(page: str) -> bool:
    return ("Talen nodig" in page and "Nederlands" in page and "Engels" in page
            and "Lang staan" in page and "Werken boven het hoofd" in page)


def test_jobseeker_sees_languages_and_physical_demands(verified_client):
    candidate = jobseeker()
    vacancy = published_vacancy(candidate.municipality, **DEMANDS)
    client = verified_client(candidate.user)
    page = client.get(reverse("candidates:jobseeker_vacancy", args=[vacancy.pk]))
    assert _shows_demands(page.content.decode())


def test_employer_and_account_manager_see_them_too(verified_client):
    candidate = jobseeker()
    vacancy = published_vacancy(candidate.municipality, **DEMANDS)
    owner = UserFactory(employer_user=True, employer=vacancy.employer,
                        municipality=vacancy.municipality)
    page = verified_client(owner).get(reverse("employers:vacancy_detail", args=[vacancy.pk]))
    assert _shows_demands(page.content.decode())
    manager = staff(Role.ACCOUNT_MANAGER, slug=vacancy.municipality.slug)
    page = verified_client(manager).get(reverse("employers:am_vacancy", args=[vacancy.pk]))
    assert _shows_demands(page.content.decode())


def test_without_demands_nothing_is_claimed(verified_client):
    candidate = jobseeker()
    vacancy = published_vacancy(candidate.municipality)
    page = verified_client(candidate.user).get(
        reverse("candidates:jobseeker_vacancy", args=[vacancy.pk])).content.decode()
    assert "Talen nodig" not in page


def test_demand_labels_follow_the_language():
    shown = Vacancy(required_languages=["nl"], physical_demands=["fine_motor"])
    with translation.override("en"):
        assert shown.required_language_labels() == ["Dutch"]
        assert shown.physical_demand_labels() == ["Precise work with the hands"]
