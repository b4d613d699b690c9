"""After self-service erasure nothing the jobseeker typed is left in any table (issue 13):
markers typed through the real pages into the profile, an entry, a message to an employer,
a message to the coach and a vacancy response, then every text column of every table is
read for them. The confirmation page says what stays and why."""

import pytest
from django.urls import reverse

from candidates.models import Message, VacancyResponse
from candidates.services_messaging import message_send, thread_open
from privacy.erasure import ERASED_TEXT
from tests.candidates.jobseeker_helpers import coach_of, published_vacancy
from tests.db_scan import columns_holding, database_dump
from tests.employer_portal.conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db

MARKERS = {
    "about": "Qzxprofiel",
    "entry": "Qzxwerkervaring",
    "to_employer": "Qzxwerkgeverbericht",
    "to_coach": "Qzxcoachbericht",
    "response": "Qzxreactie",
}
EMPLOYER_WORDS = "Welkom bij ons bedrijf"


@pytest.fixture
def typed(client, verified_client):
    candidate = make_candidate(scope="all", approachable=True)
    client.force_login(candidate.user)
    client.post(reverse("candidates:jobseeker_step", kwargs={"slug": "over-mij"}),
                {"personal_description": f"Ik ben {MARKERS['about']} en werk graag."})
    client.post(reverse("candidates:jobseeker_entry_add", kwargs={"kind": "werkervaring"}),
                {"job_title": "Kok", "start_date": "01-01-2020",
                 "description": f"Koken bij {MARKERS['entry']}"})
    vacancy = published_vacancy(candidate.municipality)
    client.post(reverse("candidates:jobseeker_vacancy", args=[vacancy.pk]),
                {"message": f"Graag, {MARKERS['response']}"})

    employer = employer_user()
    thread = thread_open(by=employer, candidate=candidate)
    message_send(by=employer, thread=thread, body=EMPLOYER_WORDS)
    client.post(reverse("candidates:thread", args=[thread.pk]),
                {"body": f"Dank u, {MARKERS['to_employer']}"})
    coach_thread = thread_open(by=coach_of(candidate), candidate=candidate)
    client.post(reverse("candidates:thread", args=[coach_thread.pk]),
                {"body": f"Vraag: {MARKERS['to_coach']}"})
    dump = database_dump()
    for name, marker in MARKERS.items():
        assert columns_holding(marker, dump), f"the {name} marker was not saved: set-up broke"
    return candidate, client


def test_no_word_the_jobseeker_typed_is_left_in_any_table(typed):
    candidate, client = typed
    response = client.post(reverse("candidates:jobseeker_erase"), {"confirm": "on"})
    assert response.status_code == 302
    dump = database_dump()
    left = {name: columns_holding(marker, dump) for name, marker in MARKERS.items()}
    assert not any(left.values()), left
    # The other side keeps its own part of the conversation, and sees what happened.
    assert Message.objects.filter(body=EMPLOYER_WORDS).exists()
    assert Message.objects.filter(sender=candidate.user, body=ERASED_TEXT).count() == 2
    assert VacancyResponse.objects.get(candidate=candidate).message == ERASED_TEXT


def test_the_confirmation_page_lists_what_stays_and_why(typed):
    _candidate, client = typed
    html = client.get(reverse("candidates:jobseeker_erase")).content.decode()
    assert "De tekst van uw berichten en van uw reacties op vacatures" in html
    assert "Berichten die werkgevers en uw werkmatcher u stuurden" in html
    assert "Die zijn van hen." in html
    assert ERASED_TEXT in html
    assert "Het logboek: wie wat bekeek of veranderde" in html
