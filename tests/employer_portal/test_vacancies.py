"""The employer's own vacancies (read-only) with their responses, and the home page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import VacancyResponse
from candidates.services import candidate_set_inactive
from candidates.services_messaging import vacancy_response_create
from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import UserFactory, VacancyFactory

from .conftest import make_candidate

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy(employer):
    return VacancyFactory(employer=employer.employer, municipality=employer.municipality,
                          title="Kok (32 uur)", status="published", published_at=timezone.now())


def respond(candidate, vacancy, message="Ik wil graag komen werken."):
    return vacancy_response_create(by=candidate.user, vacancy=vacancy, message=message)


def test_own_vacancies_only(employer_client, vacancy):
    foreign = VacancyFactory(title="Vreemde vacature", status="published",
                             published_at=timezone.now())
    html = employer_client.get(reverse("employers:vacancies")).content.decode()
    assert "Kok (32 uur)" in html and "Vreemde vacature" not in html
    assert employer_client.get(reverse("employers:vacancy_detail",
                                       args=[foreign.pk])).status_code == 404


def test_responses_of_visible_candidates_and_a_count_of_the_others(employer_client, vacancy):
    shared = make_candidate()
    not_shared = make_candidate(shared=False)
    inactive = make_candidate()
    for candidate in (shared, not_shared, inactive):
        respond(candidate, vacancy)
    candidate_set_inactive(by=UserFactory(role=Role.COACH), candidate=inactive)
    response = employer_client.get(reverse("employers:vacancy_detail", args=[vacancy.pk]))
    html = response.content.decode()
    assert [r.candidate_id for r in response.context["responses"]] == [shared.pk]
    assert shared.full_name in html
    assert not_shared.full_name not in html and inactive.full_name not in html
    assert response.context["not_shown"] == 2
    listing = employer_client.get(reverse("employers:vacancies")).context["vacancies"]
    assert [(v.response_count, v.new_count) for v in listing] == [(1, 1)]


def test_mark_a_response_seen(employer_client, employer, vacancy):
    response = respond(make_candidate(), vacancy)
    result = employer_client.post(reverse("employers:response_mark_seen", args=[response.pk]))
    assert result["Location"] == reverse("employers:vacancy_detail", args=[vacancy.pk])
    response.refresh_from_db()
    assert response.status == VacancyResponse.Status.SEEN
    event = AuditEvent.objects.get(action="record_changed", target_id=str(response.pk))
    assert event.actor == employer and event.data == {"fields": ["status"]}
    # Marking again changes nothing and writes nothing.
    employer_client.post(reverse("employers:response_mark_seen", args=[response.pk]))
    assert AuditEvent.objects.filter(target_id=str(response.pk),
                                     action="record_changed").count() == 1


def test_responses_of_others_cannot_be_touched(verified_client, vacancy):
    response = respond(make_candidate(), vacancy)
    hidden_response = respond(make_candidate(shared=False), vacancy)
    stranger = verified_client(UserFactory(employer_user=True))
    assert stranger.post(reverse("employers:response_mark_seen",
                                 args=[response.pk])).status_code == 404
    owner = verified_client(vacancy.employer.users.first() or UserFactory(
        employer_user=True, employer=vacancy.employer))
    assert owner.post(reverse("employers:response_mark_seen",
                              args=[hidden_response.pk])).status_code == 404
    assert VacancyResponse.objects.filter(status="sent").count() == 2


def test_home_shows_the_wsp_contact_and_new_responses(employer_client, employer, vacancy):
    municipality = employer.employer.municipality
    municipality.wsp_contact_name = "Wendy de WSP"
    municipality.wsp_contact_phone = "030 123 45 67"
    municipality.wsp_contact_email = "wsp@utrecht.example.nl"
    municipality.save()
    respond(make_candidate(), vacancy)
    response = employer_client.get(reverse("employers:employer_home"))
    html = response.content.decode()
    assert "Wendy de WSP" in html and "tel:0301234567" in html
    assert "wsp@utrecht.example.nl" in html
    assert response.context["new_responses"] == 1
    assert "1 nieuwe reactie" in html


def test_the_portal_speaks_english(employer_client):
    """Needs compiled messages (make install / scripts/compile_messages.py)."""
    make_candidate(profile={"kind_of_work": "Kok"})
    employer_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = employer_client.get(reverse("employers:search"), {"q": "kok",
                                                             "gender": "f"}).content.decode()
    assert "Search candidates" in html and "1 candidate found" in html
    assert "Searching or sorting by target group, gender, age or photo is not possible" in html
    html = employer_client.get(reverse("employers:employer_home")).content.decode()
    assert "Your contact person at the municipality" in html
