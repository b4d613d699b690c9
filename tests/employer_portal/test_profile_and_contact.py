"""The profile page (catalogue rules, same code as the jobseeker's preview, audited) and the
two ways to reach a candidate."""

from datetime import date

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse

from candidates.models import ContactRequest, Message, Thread
from candidates.presenters import employer_profile_view
from candidates.selectors import candidate_profile_for_viewer
from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import UserFactory, VacancyFactory

from .conftest import make_candidate

pytestmark = pytest.mark.django_db


def profile_url(candidate):
    return reverse("employers:candidate_profile", args=[candidate.pk])


@pytest.fixture
def coach():
    return UserFactory(role=Role.COACH)


def sensitive_candidate(approachable, coach=None):
    return make_candidate(
        approachable=approachable, responsible_coach=coach, client_number="KN-998877",
        gender="female", date_of_birth=date(1987, 6, 5), postcode="3511AB",
        phone="0612345678", email="sanne.kandidaat@example.nl",
        tg_banenafspraak=True, tg_praktijkroute=True, tg_bbl=True, tg_tozo=True,
        profile={"kind_of_work": "Kok", "physical_lifting": True, "physical_bending": False})


def page_text(response) -> str:
    return response.content.decode()


def test_profile_page_shows_only_what_the_catalogue_allows(employer_client):
    candidate = sensitive_candidate(approachable=False)
    response = employer_client.get(profile_url(candidate))
    assert response.status_code == 200
    html = page_text(response)
    assert candidate.full_name in html and "Kok" in html
    for forbidden in ["KN-998877", "Klantnummer", "Geslacht", "Vrouw", "Geboortedatum", "1987",
                      "3511", "Postcode", "Praktijkroute", "BBL", "TOZO", "Banenafspraak",
                      "0612345678", "sanne.kandidaat@example.nl"]:
        assert forbidden not in html, forbidden
    # The target group only as "in doelgroepregister: yes"; physical items as yes/no.
    assert "In doelgroepregister" in html
    assert "Tillen (tot 15 kilo)" in html and "Bukken" in html


def test_directly_approachable_candidates_show_their_contact_details(employer_client):
    candidate = sensitive_candidate(approachable=True)
    html = page_text(employer_client.get(profile_url(candidate)))
    assert "0612345678" in html and "sanne.kandidaat@example.nl" in html
    assert "KN-998877" not in html and "3511" not in html
    assert reverse("employers:candidate_message", args=[candidate.pk]) in html
    assert reverse("employers:candidate_contact_request", args=[candidate.pk]) not in html


def test_the_page_renders_the_same_include_as_the_jobseeker_preview(employer_client,
                                                                     employer):
    candidate = sensitive_candidate(approachable=True)
    response = employer_client.get(profile_url(candidate))
    fetched = candidate_profile_for_viewer(employer, candidate.pk)
    from employers.views.employer.candidate import _file_url

    expected = render_to_string("candidates/includes/employer_view.html", {
        "sections": employer_profile_view(fetched, employer, file_url=_file_url),
        "heading_level": 2})
    assert expected.strip() in page_text(response)
    assert "candidates/includes/employer_view.html" in [t.name for t in response.templates]


def test_every_profile_view_is_audited(employer_client, employer):
    candidate = sensitive_candidate(approachable=False)
    employer_client.get(profile_url(candidate))
    event = AuditEvent.objects.get(action="profile_viewed")
    assert event.actor == employer and event.target_id == str(candidate.pk)
    assert event.target_type == "candidates.candidate"
    assert event.data == {"employer": employer.employer_id}


def test_message_to_a_directly_approachable_candidate(employer_client, employer,
                                                      django_capture_on_commit_callbacks):
    candidate = sensitive_candidate(approachable=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = employer_client.post(reverse("employers:candidate_message",
                                                args=[candidate.pk]),
                                        {"body": "Wilt u kennismaken?"})
    thread = Thread.objects.get(candidate=candidate, counterpart=employer)
    assert response.status_code == 302
    assert response["Location"] == reverse("candidates:thread", args=[thread.pk])
    assert thread.messages.get().body == "Wilt u kennismaken?"
    assert mail.outbox[-1].to == [candidate.user.email]
    assert "kennismaken" not in mail.outbox[-1].body
    # The profile now links to the conversation instead of offering a new one.
    html = page_text(employer_client.get(profile_url(candidate)))
    assert reverse("candidates:thread", args=[thread.pk]) in html


def test_empty_or_too_long_messages_get_a_clear_message(employer_client):
    candidate = sensitive_candidate(approachable=True)
    url = reverse("employers:candidate_message", args=[candidate.pk])
    response = employer_client.post(url, {"body": "   "})
    assert response.status_code == 200
    assert "Schrijf eerst een bericht." in page_text(response)
    response = employer_client.post(url, {"body": "x" * 5001})
    assert "Uw bericht is te lang" in page_text(response)
    assert not Message.objects.exists()


def test_no_direct_message_to_a_candidate_who_is_not_approachable(employer_client):
    candidate = sensitive_candidate(approachable=False)
    response = employer_client.post(reverse("employers:candidate_message", args=[candidate.pk]),
                                    {"body": "Hallo"})
    assert response.status_code == 302
    assert not Thread.objects.exists()


def test_contact_request_goes_to_the_coach(employer_client, employer, coach,
                                           django_capture_on_commit_callbacks):
    candidate = sensitive_candidate(approachable=False, coach=coach)
    vacancy = VacancyFactory(employer=employer.employer, status="published",
                             published_at="2026-01-01T00:00Z")
    url = reverse("employers:candidate_contact_request", args=[candidate.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = employer_client.post(url, {"message": "Wij zoeken een kok.",
                                              "vacancy": vacancy.pk})
    assert response.status_code == 302
    request = ContactRequest.objects.get()
    assert (request.candidate, request.requested_by, request.vacancy) == (
        candidate, employer, vacancy)
    assert request.status == ContactRequest.Status.PENDING
    assert mail.outbox[-1].to == [coach.email]
    assert AuditEvent.objects.filter(action="contact_requested").exists()
    # No second request while the first is open; the page says it is underway.
    employer_client.post(url, {"message": "Nog een keer"})
    assert ContactRequest.objects.count() == 1
    assert "een contactverzoek gestuurd" in page_text(employer_client.get(profile_url(candidate)))


def test_contact_request_only_mentions_own_vacancies(employer_client):
    candidate = sensitive_candidate(approachable=False)
    foreign = VacancyFactory(status="published", published_at="2026-01-01T00:00Z")
    response = employer_client.post(
        reverse("employers:candidate_contact_request", args=[candidate.pk]),
        {"message": "Hallo", "vacancy": foreign.pk})
    assert response.status_code == 200
    assert "Kies een van uw eigen vacatures." in page_text(response)
    assert not ContactRequest.objects.exists()


def test_files_are_served_only_for_visible_candidates_and_the_cv_read_is_audited(
        employer_client):
    candidate = sensitive_candidate(approachable=False)
    profile = candidate.profile
    profile.cv.save("Sanne Jansen cv.pdf", ContentFile(b"%PDF-1.4 test"))
    response = employer_client.get(reverse("employers:candidate_file",
                                           args=[candidate.pk, "cv"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    # The original file name (which may carry the name) is not passed on.
    assert "Sanne" not in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(action="profile_viewed", data__file="cv").exists()
    for field in ["photo", "client_number", "..%2f..%2fetc"]:
        assert employer_client.get(reverse("employers:candidate_file",
                                           args=[candidate.pk, field])).status_code == 404


def test_a_directly_approachable_candidate_needs_no_contact_request_lookup(employer_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    candidate = sensitive_candidate(approachable=True)
    with CaptureQueriesContext(connection) as captured:
        html = page_text(employer_client.get(profile_url(candidate)))
    assert reverse("employers:candidate_message", args=[candidate.pk]) in html
    assert not any('"candidates_contactrequest"' in q["sql"] for q in captured)
    not_approachable = make_candidate(approachable=False)
    with CaptureQueriesContext(connection) as captured:
        employer_client.get(profile_url(not_approachable))
    assert any('"candidates_contactrequest"' in q["sql"] for q in captured)
