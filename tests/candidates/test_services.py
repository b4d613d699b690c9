"""Candidate state changes: who may make them, what they check, and the trace they leave."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from candidates.models import Candidate, Profile
from candidates.services import (
    candidate_dossier_end,
    candidate_hide,
    candidate_intake_create,
    candidate_reactivate,
    candidate_set_inactive,
    candidate_share,
    candidate_unhide,
)
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.factories import CandidateFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db


def staff(role, slug="rotterdam"):
    return UserFactory(role=role, municipality=municipality(slug))


def shared_candidate(slug="rotterdam"):
    return CandidateFactory(municipality=municipality(slug), shared_with_employers=True,
                            sharing_scope="all")


def employer_sees(candidate) -> bool:
    viewer = UserFactory(employer_user=True)
    return Candidate.objects.visible_to(viewer).filter(pk=candidate.pk).exists()


def last_event(action):
    return AuditEvent.objects.filter(action=action).order_by("-id").first()


INTAKE = {"email": " Fatima.Yilmaz@Example.nl ", "first_name": "Fatima", "last_name": "Yilmaz",
          "client_number": "RMW-00123", "postcode": "3011 ab", "phone": "010 1234567",
          "date_of_birth": datetime.date(1990, 5, 1), "tg_banenafspraak": True}


def test_intake_creates_dossier_profile_account_invitation_and_audit(django_capture_on_commit_callbacks):
    coach = staff(Role.COACH)
    with django_capture_on_commit_callbacks(execute=True):
        candidate, token = candidate_intake_create(by=coach, **INTAKE)
    candidate.refresh_from_db()
    assert candidate.municipality == coach.municipality and candidate.responsible_coach == coach
    assert candidate.email == "fatima.yilmaz@example.nl" and candidate.postcode == "3011AB"
    assert candidate.user.role == Role.JOBSEEKER and not candidate.user.has_usable_password()
    assert Profile.objects.filter(candidate=candidate).exists()
    assert token and len(mail.outbox) == 1 and mail.outbox[0].to == ["fatima.yilmaz@example.nl"]
    event = last_event(AuditAction.CANDIDATE_CREATED)
    assert event.actor == coach and event.target_id == str(candidate.pk)
    assert not candidate.shared_with_employers, "sharing is the jobseeker's choice, off at start"


@pytest.mark.parametrize("role", [Role.ACCOUNT_MANAGER, Role.JOBSEEKER, Role.TEAM_LEAD,
                                  Role.ADMINISTRATOR])
def test_only_a_coach_enters_an_intake(role):
    with pytest.raises(PermissionDenied):
        candidate_intake_create(by=staff(role), **INTAKE)
    assert not User.objects.filter(email="fatima.yilmaz@example.nl").exists()


def test_intake_with_bad_input_saves_nothing_and_explains_in_dutch():
    coach = staff(Role.COACH)
    with pytest.raises(ValidationError) as error:
        candidate_intake_create(by=coach, **{**INTAKE, "postcode": "0123 A"})
    assert "postcode" in error.value.message_dict
    assert "4 cijfers en 2 letters" in error.value.message_dict["postcode"][0]
    assert not User.objects.filter(email="fatima.yilmaz@example.nl").exists()
    assert not Candidate.objects.exists()


def test_intake_refuses_a_known_client_number_and_creates_no_account():
    coach = staff(Role.COACH)
    CandidateFactory(municipality=coach.municipality, client_number="RMW-00123")
    with pytest.raises(ValidationError) as error:
        candidate_intake_create(by=coach, **INTAKE)
    assert "al een kandidaat met dit klantnummer" in str(error.value)
    assert not User.objects.filter(email="fatima.yilmaz@example.nl").exists()


def test_the_same_client_number_may_exist_in_another_municipality():
    CandidateFactory(municipality=municipality("utrecht"), client_number="RMW-00123")
    candidate, _token = candidate_intake_create(by=staff(Role.COACH), **INTAKE)
    assert candidate.pk


def test_intake_refuses_a_responsible_coach_of_another_municipality():
    with pytest.raises(ValidationError):
        candidate_intake_create(by=staff(Role.COACH), responsible_coach=staff(Role.COACH, "utrecht"),
                                **INTAKE)


@pytest.mark.parametrize("role", [Role.COACH, Role.ACCOUNT_MANAGER])
def test_staff_of_own_municipality_hide_and_unhide_with_a_trace(role):
    candidate, actor = shared_candidate(), staff(role)
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    candidate_hide(by=actor, candidate=candidate, reason="Bevat een BSN in de vrije tekst",
                   request=request)
    candidate.refresh_from_db()
    assert candidate.hidden_by_staff and candidate.hidden_by == actor and candidate.hidden_at
    assert not employer_sees(candidate)
    event = last_event(AuditAction.CANDIDATE_HIDDEN)
    assert event.actor == actor and event.ip_address == "192.0.2.7"
    assert "hidden_reason" in event.data["fields"]
    candidate_unhide(by=actor, candidate=candidate)
    candidate.refresh_from_db()
    assert not candidate.hidden_by_staff and candidate.hidden_reason == ""
    assert employer_sees(candidate)
    assert last_event(AuditAction.CANDIDATE_UNHIDDEN).actor == actor


@pytest.mark.parametrize("role", [Role.COACH, Role.ACCOUNT_MANAGER])
def test_staff_of_another_municipality_cannot_hide_even_when_they_can_see(role):
    candidate = shared_candidate("rotterdam")
    outsider = staff(role, "utrecht")
    with pytest.raises(PermissionDenied):
        candidate_hide(by=outsider, candidate=candidate, reason="Niet van jou")
    with pytest.raises(PermissionDenied):
        candidate_set_inactive(by=outsider, candidate=candidate)
    candidate.refresh_from_db()
    assert not candidate.hidden_by_staff and candidate.is_active
    assert not AuditEvent.objects.filter(action=AuditAction.CANDIDATE_HIDDEN).exists()


@pytest.mark.parametrize("role", [Role.JOBSEEKER, Role.TEAM_LEAD, Role.ADMINISTRATOR])
def test_other_roles_cannot_hide(role):
    candidate = shared_candidate()
    actor = candidate.user if role == Role.JOBSEEKER else staff(role)
    with pytest.raises(PermissionDenied):
        candidate_hide(by=actor, candidate=candidate, reason="Zomaar")


def test_employer_cannot_hide():
    with pytest.raises(PermissionDenied):
        candidate_hide(by=UserFactory(employer_user=True), candidate=shared_candidate(),
                       reason="Zomaar")


def test_hiding_needs_a_reason():
    candidate = shared_candidate()
    with pytest.raises(ValidationError) as error:
        candidate_hide(by=staff(Role.COACH), candidate=candidate, reason="   ")
    assert "reden" in error.value.message_dict["reason"][0]
    candidate.refresh_from_db()
    assert not candidate.hidden_by_staff


def test_only_staff_set_inactive_and_reactivate():
    candidate, coach = shared_candidate(), staff(Role.COACH)
    with pytest.raises(PermissionDenied):
        candidate_set_inactive(by=candidate.user, candidate=candidate)
    candidate_set_inactive(by=coach, candidate=candidate)
    assert not employer_sees(candidate)
    assert last_event(AuditAction.CANDIDATE_INACTIVATED).data == {"fields": ["is_active"]}
    candidate_reactivate(by=coach, candidate=candidate)
    assert employer_sees(candidate)


def test_only_the_jobseeker_decides_about_sharing():
    candidate = CandidateFactory(municipality=municipality("rotterdam"))
    for actor in (staff(Role.COACH), staff(Role.ACCOUNT_MANAGER), UserFactory(),
                  UserFactory(employer_user=True)):
        with pytest.raises(PermissionDenied):
            candidate_share(by=actor, candidate=candidate, shared=True)
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.8")
    candidate_share(by=candidate.user, candidate=candidate, shared=True, scope="all",
                    request=request)
    candidate.refresh_from_db()
    assert candidate.shared_with_employers and candidate.sharing_scope == "all"
    assert employer_sees(candidate)
    event = last_event(AuditAction.CANDIDATE_SHARING_CHANGED)
    assert event.actor == candidate.user and event.ip_address is None, "no IP for jobseekers"
    with pytest.raises(ValidationError):
        candidate_share(by=candidate.user, candidate=candidate, shared=True, scope="world")


def test_hidden_wins_over_sharing():
    candidate = shared_candidate()
    candidate_hide(by=staff(Role.COACH), candidate=candidate, reason="Klopt niet")
    candidate_share(by=candidate.user, candidate=candidate, shared=True, scope="all")
    assert not employer_sees(candidate)


def test_ending_the_dossier():
    candidate, coach = shared_candidate(), staff(Role.COACH)
    with pytest.raises(PermissionDenied):
        candidate_dossier_end(by=staff(Role.ACCOUNT_MANAGER), candidate=candidate,
                              ended_on=datetime.date(2026, 1, 5), reason="ended")
    with pytest.raises(ValidationError):
        candidate_dossier_end(by=coach, candidate=candidate, ended_on=datetime.date(2026, 1, 5),
                              reason="gone")
    candidate_dossier_end(by=coach, candidate=candidate, ended_on=datetime.date(2026, 1, 5),
                          reason="ended")
    candidate.refresh_from_db()
    assert candidate.end_reason == "ended" and not candidate.is_active
    assert not employer_sees(candidate)
    with pytest.raises(ValidationError):
        candidate_reactivate(by=coach, candidate=candidate)
