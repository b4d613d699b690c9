"""Vacancies of the jobseeker's own municipality only; search, filters, responding."""

import pytest
from django.urls import reverse

from candidates.models import VacancyResponse
from privacy.models import AuditAction, AuditEvent
from tests.factories import municipality

from .jobseeker_helpers import jobseeker, occupation, place, published_vacancy, sector

pytestmark = pytest.mark.django_db
LIST = reverse("candidates:jobseeker_vacancies")


def detail(vacancy):
    return reverse("candidates:jobseeker_vacancy", kwargs={"pk": vacancy.pk})


@pytest.fixture
def candidate(client):
    candidate = jobseeker()
    client.force_login(candidate.user)
    return candidate


def test_only_published_vacancies_of_the_own_municipality(client, candidate):
    own = published_vacancy(candidate.municipality, title="Kok in Utrecht")
    foreign = published_vacancy(municipality("rotterdam"), title="Kok in Rotterdam")
    draft = published_vacancy(candidate.municipality, title="Concept", status="draft",
                              published_at=None)
    html = client.get(LIST).content.decode()
    assert "Kok in Utrecht" in html
    assert "Kok in Rotterdam" not in html and "Concept" not in html
    assert client.get(detail(own)).status_code == 200
    assert client.get(detail(foreign)).status_code == 404
    assert client.get(detail(draft)).status_code == 404
    assert client.post(detail(foreign), {"message": "Hallo"}).status_code == 404
    assert not VacancyResponse.objects.exists()


def test_a_vacancy_shows_the_employer_name_and_nothing_more(client, candidate):
    vacancy = published_vacancy(candidate.municipality, title="Schoonmaker")
    vacancy.employer.contact_email = "geheim@werkgever.nl"
    vacancy.employer.contact_phone = "0101234567"
    vacancy.employer.kvk_number = "87654321"
    vacancy.employer.save()
    html = client.get(detail(vacancy)).content.decode()
    assert vacancy.employer.name in html
    for hidden in ("geheim@werkgever.nl", "0101234567", "87654321"):
        assert hidden not in html


def test_search_and_filters(client, candidate):
    muni = candidate.municipality
    kitchen = published_vacancy(muni, title="Keukenhulp", occupation=occupation(),
                                sector=sector("horeca"), place=place("Utrecht"),
                                hours_per_week_min=16, hours_per_week_max=24)
    driver = published_vacancy(muni, title="Chauffeur",
                               occupation=occupation("8322", "Chauffeur", "Driver"),
                               hours_per_week_min=32, hours_per_week_max=40,
                               description="Rijden door de stad")

    def titles(**params):
        return [v.title for v in client.get(LIST, params).context["page"].object_list]

    assert set(titles()) == {"Keukenhulp", "Chauffeur"}
    assert titles(q="stad") == ["Chauffeur"]
    assert titles(occupation=kitchen.occupation_id) == ["Keukenhulp"]
    assert titles(sector=kitchen.sector_id) == ["Keukenhulp"]
    assert titles(place=kitchen.place_id) == ["Keukenhulp"]
    assert titles(hours=20) == ["Keukenhulp"]
    assert titles(hours=36) == ["Chauffeur"]
    assert driver.title in titles(q="")
    response = client.get(LIST, {"hours": "veel"})
    assert response.status_code == 200 and "Vul een heel getal in" in response.content.decode()
    response = client.get(LIST, {"occupation": "999999"})
    assert response.status_code == 200 and "Kies opnieuw" in response.content.decode()


def test_responding_once_and_seeing_the_status(client, candidate):
    vacancy = published_vacancy(candidate.municipality, title="Magazijn")
    response = client.post(detail(vacancy), {"message": "Ik heb ervaring met heftrucks."})
    assert response.status_code == 302
    answer = VacancyResponse.objects.get(candidate=candidate, vacancy=vacancy)
    assert answer.message == "Ik heb ervaring met heftrucks."
    assert AuditEvent.objects.filter(action=AuditAction.VACANCY_RESPONDED).exists()
    client.post(detail(vacancy), {"message": "Nog een keer"})
    assert VacancyResponse.objects.count() == 1
    answer.status = VacancyResponse.Status.INVITED
    answer.save()
    html = client.get(reverse("candidates:jobseeker_responses")).content.decode()
    assert "Magazijn" in html and "Uitgenodigd voor een gesprek" in html
    assert "U hebt gereageerd" in client.get(LIST).content.decode()


def test_a_too_long_response_is_refused_and_kept(client, candidate):
    vacancy = published_vacancy(candidate.municipality)
    response = client.post(detail(vacancy), {"message": "x" * 5001})
    assert "Uw bericht is te lang" in response.content.decode()
    assert not VacancyResponse.objects.exists()


def test_the_list_pages(client, candidate):
    for number in range(23):
        published_vacancy(candidate.municipality, title=f"Baan {number}")
    first = client.get(LIST)
    assert len(first.context["page"].object_list) == 20
    assert "pagina=2" in first.content.decode()
    assert len(client.get(LIST, {"pagina": 2}).context["page"].object_list) == 3


def test_beyond_the_cap_the_list_says_more_than_and_asks_to_narrow_it(client, candidate,
                                                                      monkeypatch):
    """Issue 11: the list counts at most COUNT_CAP vacancies, so a large municipality's
    page costs what a small one's does."""
    from candidates.views.jobseeker import vacancies

    monkeypatch.setattr(vacancies, "COUNT_CAP", 2)
    for number in range(3):
        published_vacancy(candidate.municipality, title=f"Baan {number}")
    response = client.get(LIST)
    html = response.content.decode()
    assert "Meer dan 2 vacatures" in html and "Kies een beroep, een sector of een plaats" in html
    assert len(response.context["page"].object_list) == 2  # the newest two, no further pages
    monkeypatch.setattr(vacancies, "COUNT_CAP", 3)
    html = client.get(LIST).content.decode()
    assert "3 vacatures" in html and "Meer dan" not in html
    monkeypatch.setattr(vacancies, "COUNT_CAP", 2)
    client.cookies["django_language"] = "en"
    assert "More than 2 vacancies" in client.get(LIST).content.decode()


def test_the_filter_lists_hold_exactly_the_values_of_the_jobseekers_vacancies(client,
                                                                           candidate):
    """The lists are read one distinct value at a time (hallowerk/distinct_values.py): the
    same values as a DISTINCT over the visible vacancies, never one from a vacancy the
    jobseeker may not see (a draft, another municipality, a deactivated employer)."""
    from django.db.models import Q

    from employers.models import Vacancy
    from hallowerk.models import Occupation, Place, Sector

    muni = candidate.municipality
    cook, driver, cleaner = (occupation(), occupation("8322", "Chauffeur", "Driver"),
                             occupation("9112", "Schoonmaker", "Cleaner"))
    published_vacancy(muni, occupation=cook, sector=sector("horeca"), place=place("Utrecht"))
    published_vacancy(muni, occupation=cook, sector=sector("horeca"), place=place("Utrecht"))
    published_vacancy(muni, occupation=driver, sector=None, place=None)
    published_vacancy(muni, occupation=cleaner, place=place("Amersfoort"), status="draft",
                      published_at=None)
    published_vacancy(municipality("rotterdam"), occupation=cleaner, place=place("Rotterdam"))
    hidden = published_vacancy(muni, occupation=cleaner, place=place("Zeist"))
    hidden.employer.is_active, hidden.employer.deactivated_at = False, hidden.employer.created_at
    hidden.employer.save()

    form = client.get(LIST).context["form"]
    visible = Vacancy.objects.visible_to(candidate.user)
    for name, model in (("occupation", Occupation), ("sector", Sector), ("place", Place)):
        # What the list shows (the rows the form offers), and what a choice is checked
        # against: both exactly the visible vacancies' values.
        shown = [value.instance for value, _label in form.fields[name].choices if value]
        naive = list(model.objects.filter(Q(vacancies__in=visible)).distinct()
                     .order_by("name" if model is Place else "label_nl"))
        assert shown == naive, name
        assert set(form.fields[name].queryset) == set(naive), name
    assert [value.instance.pk for value, _label in form.fields["occupation"].choices
            if value] == sorted([cook.pk, driver.pk],
                                key=lambda pk: Occupation.objects.get(pk=pk).label_nl)
    assert [value.instance.name for value, _label in form.fields["place"].choices
            if value] == ["Utrecht"]


def test_a_filter_value_of_no_visible_vacancy_is_refused(client, candidate):
    """The filter's queryset is built only when a choice is checked (queryset_from): a
    value from another municipality's vacancy is still refused, with the page's message."""
    published_vacancy(candidate.municipality, occupation=occupation())
    elsewhere = published_vacancy(municipality("rotterdam"),
                                  occupation=occupation("9112", "Schoonmaker", "Cleaner"))
    response = client.get(LIST, {"occupation": elsewhere.occupation_id})
    assert response.status_code == 200
    assert "Deze keuze bestaat niet meer. Kies opnieuw." in response.content.decode()
