"""Vacancies: create, edit, publish, close — and who sees a published one."""

import pytest
from django.urls import reverse

from candidates.models import VacancyResponse
from employers.models import Vacancy
from hallowerk.models import Occupation, Place
from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import EmployerFactory, UserFactory, VacancyFactory, municipality

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def am(db):
    return staff(Role.ACCOUNT_MANAGER)


@pytest.fixture
def am_client(am, verified_client):
    return verified_client(am)


@pytest.fixture
def employer(am):
    return EmployerFactory(municipality=am.municipality)


def form_data(**changes):
    occupation = Occupation.objects.order_by("pk").first()
    return {"title": "Medewerker bakkerij", "occupation": occupation.label_nl,
            "description": "Je bakt brood en helpt in de winkel.", "place_name": "utrecht",
            "hours_per_week_min": 20, "hours_per_week_max": 32, "start_date": "2026-09-01",
            "required_driving_licence": "", "required_languages": ["nl"],
            "physical_demands": ["standing"], "skills": "klantvriendelijk, vroeg opstaan",
            **changes}


def test_create_edit_publish_and_close(am, am_client, employer):
    response = am_client.post(reverse("employers:am_vacancy_new", args=[employer.pk]),
                              form_data())
    vacancy = Vacancy.objects.get()
    assert response.status_code == 302
    assert vacancy.status == Vacancy.Status.DRAFT and vacancy.municipality == am.municipality
    assert vacancy.place == Place.objects.filter(name="Utrecht").order_by("-population").first()
    assert vacancy.skills == ["klantvriendelijk", "vroeg opstaan"] and vacancy.created_by == am
    am_client.post(reverse("employers:am_vacancy_edit", args=[vacancy.pk]),
                   form_data(title="Bakker", place_name=""))
    vacancy.refresh_from_db()
    assert vacancy.title == "Bakker" and vacancy.place is None

    jobseeker_here = UserFactory(role=Role.JOBSEEKER, municipality=am.municipality)
    jobseeker_elsewhere = UserFactory(role=Role.JOBSEEKER, municipality=municipality("rotterdam"))
    assert not Vacancy.objects.visible_to(jobseeker_here).exists(), "a draft is not shown"
    status = reverse("employers:am_vacancy_status", args=[vacancy.pk])
    am_client.post(status, {"action": "publish"})
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED and vacancy.published_at
    assert list(Vacancy.objects.visible_to(jobseeker_here)) == [vacancy]
    assert not Vacancy.objects.visible_to(jobseeker_elsewhere).exists()
    response = am_client.post(status, {"action": "publish"}, follow=True)
    assert "al gepubliceerd" in response.content.decode()
    am_client.post(status, {"action": "close"})
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CLOSED
    assert not Vacancy.objects.visible_to(jobseeker_here).exists()
    response = am_client.post(status, {"action": "weg"}, follow=True)
    assert "Kies publiceren of sluiten" in response.content.decode()
    events = list(AuditEvent.objects.filter(target_type="employers.vacancy")
                  .values_list("data__event", flat=True))
    assert events == ["vacancy_closed", "vacancy_published", "vacancy_changed",
                      "vacancy_created"]


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"title": ""}, "title", "Vul de functietitel in"),
    ({"description": ""}, "description", "Beschrijf het werk"),
    ({"occupation": ""}, "occupation", "Kies een beroep"),
    ({"occupation": "999999"}, "occupation", "uit de lijst"),
    ({"place_name": "Atlantis"}, "place_name", "kennen de plaats"),
    ({"hours_per_week_min": 40, "hours_per_week_max": 8}, "hours_per_week_min", "hoger"),
    ({"hours_per_week_max": 61}, "hours_per_week_max", "1 tot en met 60"),
    ({"hours_per_week_max": "veel"}, "hours_per_week_max", "heel getal"),
    ({"start_date": "morgen"}, "start_date", "dag-maand-jaar"),
    ({"required_languages": ["xx"]}, "required_languages", "geldige keuze"),
    ({"skills": "a" * 81}, "skills", "80 tekens"),
    ({"title": "x" * 201}, "title", "200"),
])
def test_bad_vacancy_input_is_explained_and_nothing_saved(am_client, employer, change, field,
                                                          text):
    response = am_client.post(reverse("employers:am_vacancy_new", args=[employer.pk]),
                              form_data(**change))
    assert response.status_code == 200
    assert text in " ".join(response.context["form"].errors[field]), response.context[
        "form"].errors
    assert not Vacancy.objects.exists()


def test_no_vacancies_for_an_inactive_or_foreign_employer(am, am_client):
    stopped = EmployerFactory(municipality=am.municipality, is_active=False,
                              deactivated_at="2026-01-01T00:00Z")
    response = am_client.post(reverse("employers:am_vacancy_new", args=[stopped.pk]),
                              form_data(), follow=True)
    assert "doet niet meer mee" in response.content.decode()
    foreign = VacancyFactory(employer=EmployerFactory(municipality=municipality("rotterdam")))
    for name in ["am_vacancy", "am_vacancy_edit", "am_vacancy_status"]:
        url = reverse(f"employers:{name}", args=[foreign.pk])
        assert am_client.post(url, {"action": "publish"}).status_code == 404, name
    foreign.refresh_from_db()
    assert foreign.status == Vacancy.Status.DRAFT and not Vacancy.objects.filter(
        employer=stopped).exists()


def test_responses_are_listed_with_the_candidate(am, am_client, employer):
    vacancy = VacancyFactory(employer=employer, status="published",
                             published_at="2026-01-01T10:00Z")
    candidate = candidate_in(first_name="Rosa", last_name="Reactie")
    VacancyResponse.objects.create(candidate=candidate, vacancy=vacancy, message="Ik wil graag!")
    page = am_client.get(reverse("employers:am_vacancy", args=[vacancy.pk])).content.decode()
    assert "Rosa Reactie" in page and "Ik wil graag!" in page
    assert reverse("employers:am_candidate", args=[candidate.pk]) in page
    assert am_client.get(reverse("employers:am_vacancies"), {"status": "published"}
                         ).context["page"].paginator.count == 1
