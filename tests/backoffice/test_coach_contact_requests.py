"""Contact requests land with the coach, who forwards or declines them."""

import pytest
from django.urls import reverse

from candidates.models import ContactRequest, Message
from candidates.services_messaging import contact_request_create
from tests.factories import UserFactory

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db
LIST = reverse("candidates:coach_contact_requests")


def request_for(candidate, text="Wij zoeken een bakker."):
    employer_user = UserFactory(employer_user=True)
    return contact_request_create(by=employer_user, candidate=candidate, message=text)


def shared(slug="utrecht", **kwargs):
    return candidate_in(slug, shared_with_employers=True, sharing_scope="all", **kwargs)


def decide(client, contact_request, decision):
    return client.post(reverse("candidates:coach_contact_request_decide",
                               args=[contact_request.pk]), {"decision": decision}, follow=True)


def test_list_shows_own_caseload_first_and_all_of_the_municipality_on_request(coach,
                                                                              coach_client):
    mine = request_for(shared(responsible_coach=coach, last_name="Mijn"))
    colleague = request_for(shared(responsible_coach=staff(), last_name="Collega"))
    request_for(shared("rotterdam", last_name="Rotterdam"))
    assert [r.pk for r in coach_client.get(LIST).context["page"].object_list] == [mine.pk]
    listed = coach_client.get(LIST, {"wie": "alle"}).context["page"].object_list
    assert [r.pk for r in listed] == [mine.pk, colleague.pk]
    assert "Rotterdam" not in coach_client.get(LIST, {"wie": "alle"}).content.decode()


def test_forward_opens_a_thread_for_the_candidate(coach, coach_client):
    contact_request = request_for(shared(responsible_coach=coach))
    response = decide(coach_client, contact_request, "forward")
    assert "Doorgestuurd" in response.content.decode()
    contact_request.refresh_from_db()
    assert contact_request.status == ContactRequest.Status.FORWARDED
    assert contact_request.handled_by == coach
    message = Message.objects.get()
    assert message.body == "Wij zoeken een bakker."
    assert message.thread.candidate == contact_request.candidate
    # Handled once: a second decision is refused with a message.
    response = decide(coach_client, contact_request, "decline")
    assert "al afgehandeld" in response.content.decode()


def test_decline_and_bad_decisions(coach, coach_client):
    contact_request = request_for(shared(responsible_coach=coach))
    response = decide(coach_client, contact_request, "misschien")
    assert "Kies doorsturen" in response.content.decode()
    decide(coach_client, contact_request, "decline")
    contact_request.refresh_from_db()
    assert contact_request.status == ContactRequest.Status.DECLINED
    assert not Message.objects.exists()


def test_a_request_about_another_municipalitys_candidate_is_a_404(coach_client):
    foreign = request_for(shared("rotterdam"))
    assert decide(coach_client, foreign, "forward").status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == ContactRequest.Status.PENDING


def test_forward_without_accounts_is_explained(coach, coach_client):
    contact_request = request_for(shared(responsible_coach=coach))
    contact_request.requested_by.delete()
    contact_request.refresh_from_db()
    response = decide(coach_client, contact_request, "forward")
    assert "geen account meer" in response.content.decode()
    assert coach_client.get(LIST).status_code == 200


def test_start_page_counts_the_caseload_and_the_waiting_requests_of_own_municipality(
        coach, coach_client):
    """The three figures come from one query (hallowerk/query_counts.py) over the scoped
    querysets: another municipality's requests, a handled one and an ended dossier stay out."""
    mine = shared(responsible_coach=coach)
    request_for(mine)
    request_for(shared(responsible_coach=staff()))
    decide(coach_client, request_for(shared(responsible_coach=coach)), "decline")
    request_for(shared("rotterdam"))
    candidate_in(responsible_coach=coach, is_active=False, end_reason="ended",
                 dossier_ended_on=mine.created_at.date())
    dashboard = coach_client.get(reverse("candidates:coach_home")).context["dashboard"]
    assert (dashboard.caseload, dashboard.pending_contact_requests_mine,
            dashboard.pending_contact_requests) == (2, 1, 2)
