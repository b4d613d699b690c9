"""Conversations, contact requests and vacancy responses: who may, what it leaves behind."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from candidates.models import ContactRequest, Message
from candidates.selectors_messaging import threads_for
from candidates.services_messaging import (
    contact_request_create,
    contact_request_decline,
    contact_request_forward,
    message_send,
    thread_open,
    vacancy_response_create,
)
from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import CandidateFactory, UserFactory, VacancyFactory, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return UserFactory(role=Role.COACH)


def shared(approachable=True, coach=None, slug="utrecht"):
    return CandidateFactory(municipality=municipality(slug), shared_with_employers=True,
                            sharing_scope="all", directly_approachable=approachable,
                            responsible_coach=coach)


def test_employer_messages_a_directly_approachable_candidate(django_capture_on_commit_callbacks):
    employer = UserFactory(employer_user=True)
    candidate = shared()
    thread = thread_open(by=employer, candidate=candidate)
    with django_capture_on_commit_callbacks(execute=True):
        message_send(by=employer, thread=thread, body="Wilt u komen kennismaken?")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [candidate.user.email]
    # The notification holds no content.
    assert "kennismaken" not in mail.outbox[0].body
    event = AuditEvent.objects.get(action="message_sent")
    assert "kennismaken" not in str(event.data)
    reply = message_send(by=candidate.user, thread=thread, body="Graag!")
    assert reply.thread == thread
    assert list(threads_for(candidate.user)) == [thread]


def test_employer_cannot_write_first_to_a_not_approachable_candidate():
    employer = UserFactory(employer_user=True)
    with pytest.raises(PermissionDenied):
        thread_open(by=employer, candidate=shared(approachable=False))


def test_employer_cannot_write_to_a_candidate_they_cannot_see():
    employer = UserFactory(employer_user=True)
    hidden = CandidateFactory(directly_approachable=True)  # not shared
    with pytest.raises(PermissionDenied):
        thread_open(by=employer, candidate=hidden)


def test_strangers_cannot_write_in_a_thread(coach):
    candidate = shared(coach=coach)
    thread = thread_open(by=coach, candidate=candidate)
    for stranger in [UserFactory(role=Role.COACH), CandidateFactory().user,
                     UserFactory(employer_user=True)]:
        with pytest.raises(PermissionDenied):
            message_send(by=stranger, thread=thread, body="Hallo")


def test_coach_of_another_municipality_cannot_open_a_thread():
    other = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"))
    with pytest.raises(PermissionDenied):
        thread_open(by=other, candidate=shared())


def test_empty_and_too_long_messages_are_refused_with_a_message(coach):
    thread = thread_open(by=coach, candidate=shared(coach=coach))
    with pytest.raises(ValidationError, match="Schrijf eerst"):
        message_send(by=coach, thread=thread, body="   ")
    with pytest.raises(ValidationError, match="te lang"):
        message_send(by=coach, thread=thread, body="x" * 5001)
    assert not Message.objects.exists()


def test_contact_request_reaches_the_coach_who_forwards_it(coach, django_capture_on_commit_callbacks):
    employer = UserFactory(employer_user=True)
    candidate = shared(approachable=False, coach=coach)
    with django_capture_on_commit_callbacks(execute=True):
        request = contact_request_create(by=employer, candidate=candidate,
                                         message="Wij zoeken iemand voor de bakkerij.")
    assert mail.outbox[-1].to == [coach.email]
    with pytest.raises(PermissionDenied):
        contact_request_forward(by=UserFactory(role=Role.COACH,
                                               municipality=municipality("rotterdam")),
                                contact_request=request)
    thread = contact_request_forward(by=coach, contact_request=request)
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.FORWARDED and request.handled_by == coach
    assert thread.messages.get().body == "Wij zoeken iemand voor de bakkerij."
    # Now the candidate can answer, and the employer reply.
    message_send(by=candidate.user, thread=thread, body="Leuk, bel me maar.")
    message_send(by=employer, thread=thread, body="Dank u!")
    with pytest.raises(ValidationError):
        contact_request_decline(by=coach, contact_request=request)


def test_contact_request_declined(coach):
    employer = UserFactory(employer_user=True)
    request = contact_request_create(by=employer, candidate=shared(False, coach), message="Hoi")
    contact_request_decline(by=coach, contact_request=request)
    assert request.status == ContactRequest.Status.DECLINED
    assert AuditEvent.objects.filter(action="contact_declined", actor=coach).exists()


def test_vacancy_response_only_for_own_municipality():
    candidate = CandidateFactory()
    own = VacancyFactory(status="published", published_at=timezone.now())
    response = vacancy_response_create(by=candidate.user, vacancy=own, message="Ik wil graag")
    assert response.candidate == candidate
    with pytest.raises(ValidationError):
        vacancy_response_create(by=candidate.user, vacancy=own)
    from tests.factories import EmployerFactory

    foreign = VacancyFactory(status="published", published_at=timezone.now(),
                             employer=EmployerFactory(municipality=municipality("rotterdam")))
    with pytest.raises(PermissionDenied):
        vacancy_response_create(by=candidate.user, vacancy=foreign)


def test_inbox_pages_for_participants_only(verified_client, coach):
    candidate = shared(coach=coach)
    thread = thread_open(by=coach, candidate=candidate)
    message_send(by=coach, thread=thread, body="Hoe gaat het?")
    client = verified_client(candidate.user)
    page = client.get(reverse("candidates:inbox"))
    assert "Uw werkmatcher" in page.content.decode()
    detail = client.get(reverse("candidates:thread", args=[thread.pk]))
    assert "Hoe gaat het?" in detail.content.decode()
    response = client.post(reverse("candidates:thread", args=[thread.pk]), {"body": ""})
    assert "Schrijf eerst een bericht" in response.content.decode()
    long_text = "woord " * 1000
    response = client.post(reverse("candidates:thread", args=[thread.pk]), {"body": long_text})
    assert "te lang" in response.content.decode() and long_text.strip()[:50] in response.content.decode()
    client.post(reverse("candidates:thread", args=[thread.pk]), {"body": "Goed!"})
    assert thread.messages.filter(body="Goed!").exists()


def test_thread_of_someone_else_is_a_404(verified_client, coach):
    thread = thread_open(by=coach, candidate=shared(coach=coach))
    for outsider in [CandidateFactory().user, UserFactory(role=Role.COACH),
                     UserFactory(employer_user=True)]:
        client = verified_client(outsider)
        assert client.get(reverse("candidates:thread", args=[thread.pk])).status_code == 404
        client.logout()
    for not_a_participant_role in [Role.ACCOUNT_MANAGER, Role.TEAM_LEAD, Role.ADMINISTRATOR]:
        client = verified_client(UserFactory(role=not_a_participant_role))
        assert client.get(reverse("candidates:inbox")).status_code == 403
        client.logout()
