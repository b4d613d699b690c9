"""The candidate page and every action on it: what it shows, what the coach may change, what
stays the jobseeker's own, and what it leaves in the audit log."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate, Message, Thread, WorkExperience
from hallowerk.accounts.invitations import invitation_create
from hallowerk.models import Invitation
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db


def url(name, candidate, **kwargs):
    return reverse(f"candidates:{name}", kwargs={"pk": candidate.pk, **kwargs})


def invited_candidate(coach):
    user, _token = invitation_create(by=coach, email="nieuw@example.nl", role=Role.JOBSEEKER,
                                     first_name="Nora", last_name="Nieuw")
    return candidate_in(user=user, first_name="Nora", last_name="Nieuw",
                        email="nieuw@example.nl", responsible_coach=coach)


def test_page_shows_dossier_and_the_jobseekers_own_entries_and_logs_the_view(coach,
                                                                            coach_client):
    candidate = candidate_in(tg_banenafspraak=True, client_number="K-77",
                             profile={"personal_description": "Ik bak graag brood."})
    WorkExperience.objects.create(profile=candidate.profile, job_title="Bakker",
                                  start_date=date(2015, 1, 1))
    page = coach_client.get(url("coach_candidate", candidate)).content.decode()
    for text in ["K-77", "Banenafspraak (doelgroepregister)", "Ik bak graag brood.", "Bakker",
                 "Alleen de kandidaat kan dit veranderen"]:
        assert text in page
    event = AuditEvent.objects.get(action=AuditAction.PROFILE_VIEWED)
    assert event.actor == coach and event.target_id == str(candidate.pk)


def test_edit_changes_coach_fields_only_and_audits_field_names(coach, coach_client):
    candidate = candidate_in(profile={"personal_description": "Mijn eigen tekst"})
    data = {"client_number": "K-NIEUW", "first_name": "Anna", "last_name": "Bos",
            "email": candidate.email, "gender": "female", "date_of_birth": "1990-05-01",
            "postcode": "3511 ab", "phone": "06 12345678", "service_type": "self_service",
            "responsible_coach": coach.pk, "tg_bbl": "on",
            # A crafted form: the jobseeker's own entries and the platform's state.
            "personal_description": "Door de coach", "shared_with_employers": "on",
            "hidden_by_staff": "on", "directly_approachable": "on", "municipality": 1}
    candidate.user.set_password("x-Nog-Geheim-123")
    candidate.user.save()
    response = coach_client.post(url("coach_candidate_edit", candidate), data)
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.client_number, candidate.first_name, candidate.postcode) == (
        "K-NIEUW", "Anna", "3511AB")
    assert candidate.tg_bbl and candidate.responsible_coach == coach
    assert candidate.profile.personal_description == "Mijn eigen tekst"
    assert not candidate.shared_with_employers and not candidate.hidden_by_staff
    assert not candidate.directly_approachable
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED)
    assert "personal_description" not in event.data["fields"]
    assert "client_number" in event.data["fields"] and "Anna" not in str(event.data)


def test_edit_with_bad_input_explains_and_saves_nothing(coach, coach_client):
    candidate = invited_candidate(coach)
    candidate_in(client_number="K-BEZET")
    other_coach = staff(Role.COACH, "rotterdam")
    # Every case changes the last name too: it must not be saved when another field is wrong.
    base = {"client_number": candidate.client_number, "first_name": "Nora", "last_name": "B",
            "email": candidate.email, "gender": "unknown", "service_type": "together"}
    cases = [
        ({"postcode": "0123 A"}, "postcode", "4 cijfers en 2 letters"),
        ({"date_of_birth": "2999-01-01"}, "date_of_birth", "toekomst"),
        ({"date_of_birth": "31-02-1990"}, "date_of_birth", "dag-maand-jaar"),
        ({"email": "geen-adres"}, "email", "geldig e-mailadres"),
        ({"first_name": ""}, "first_name", "Vul de voornaam in"),
        ({"client_number": "K-BEZET"}, "client_number", "al een kandidaat met dit klantnummer"),
        ({"responsible_coach": other_coach.pk}, "responsible_coach", "geldige keuze"),
        ({"phone": "bel me"}, "phone", "alleen cijfers"),
        ({"first_name": "x" * 150}, "first_name", "100"),
    ]
    for change, field, text in cases:
        response = coach_client.post(url("coach_candidate_edit", candidate), {**base, **change})
        assert response.status_code == 200, change
        errors = " ".join(response.context["form"].errors.get(field, []))
        assert text in errors, (change, errors)
    candidate.refresh_from_db()
    assert candidate.last_name == "Nieuw"
    assert not AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED).exists()


def test_email_can_be_corrected_until_the_invitation_is_accepted(coach, coach_client):
    candidate = invited_candidate(coach)
    base = {"client_number": candidate.client_number, "first_name": "Nora",
            "last_name": "Nieuw", "gender": "unknown", "service_type": "together"}
    coach_client.post(url("coach_candidate_edit", candidate), {**base, "email": "Goed@Example.nl"})
    candidate.refresh_from_db()
    assert candidate.email == candidate.user.email == "goed@example.nl"
    candidate.user.set_password("Zelf-Gekozen-42")
    candidate.user.save()
    coach_client.post(url("coach_candidate_edit", candidate), {**base, "email": "ander@example.nl"})
    candidate.refresh_from_db()
    assert candidate.user.email == "goed@example.nl", "the login name is the jobseeker's now"


def test_directly_approachable_yes_and_no(coach_client):
    candidate = candidate_in()
    coach_client.post(url("coach_candidate_approachable", candidate),
                      {"directly_approachable": "yes"})
    candidate.refresh_from_db()
    assert candidate.directly_approachable
    coach_client.post(url("coach_candidate_approachable", candidate),
                      {"directly_approachable": "misschien"})
    candidate.refresh_from_db()
    assert candidate.directly_approachable
    coach_client.post(url("coach_candidate_approachable", candidate),
                      {"directly_approachable": "no"})
    candidate.refresh_from_db()
    assert not candidate.directly_approachable


def test_hide_needs_a_reason_and_unhide(coach_client):
    candidate = candidate_in(shared_with_employers=True)
    response = coach_client.post(url("coach_candidate_hide", candidate), {"reason": "   "})
    assert response.status_code == 200
    assert "Schrijf op waarom" in " ".join(response.context["form"].errors["reason"])
    response = coach_client.post(url("coach_candidate_hide", candidate), {"reason": "x" * 1001})
    assert "te lang" in " ".join(response.context["form"].errors["reason"])
    candidate.refresh_from_db()
    assert not candidate.hidden_by_staff
    coach_client.post(url("coach_candidate_hide", candidate),
                      {"reason": "Er staat een telefoonnummer in de tekst."})
    candidate.refresh_from_db()
    assert candidate.hidden_by_staff and candidate.hidden_reason.startswith("Er staat")
    assert AuditEvent.objects.filter(action=AuditAction.CANDIDATE_HIDDEN).exists()
    coach_client.post(url("coach_candidate_unhide", candidate))
    candidate.refresh_from_db()
    assert not candidate.hidden_by_staff and candidate.hidden_reason == ""


def test_inactive_and_back(coach_client):
    candidate = candidate_in()
    coach_client.post(url("coach_candidate_inactive", candidate))
    candidate.refresh_from_db()
    assert not candidate.is_active
    coach_client.post(url("coach_candidate_reactivate", candidate))
    candidate.refresh_from_db()
    assert candidate.is_active


def test_end_dossier_checks_input_then_ends(coach_client):
    candidate = candidate_in()
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    cases = [
        ({"ended_on": future, "reason": "ended", "confirm": "on"}, "ended_on", "toekomst"),
        ({"ended_on": "2025-01-01", "confirm": "on"}, "reason", "Kies waarom"),
        ({"ended_on": "2025-01-01", "reason": "gestopt", "confirm": "on"}, "reason",
         "Kies waarom"),
        ({"ended_on": "2025-01-01", "reason": "ended"}, "confirm", "Vink aan"),
        ({"ended_on": "", "reason": "ended", "confirm": "on"}, "ended_on", "Vul een datum"),
        ({"ended_on": "2025-01-01", "reason": "ended", "confirm": "on",
          "esf_programme_end": "1800-01-01"}, "esf_programme_end", "Controleer het jaar"),
    ]
    for data, field, text in cases:
        response = coach_client.post(url("coach_candidate_end", candidate), data)
        assert response.status_code == 200
        assert text in " ".join(response.context["form"].errors[field]), data
    response = coach_client.post(url("coach_candidate_end", candidate), {
        "ended_on": "2025-01-01", "reason": "refused", "confirm": "on",
        "esf_programme_end": "2027-12-31"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.dossier_ended_on == date(2025, 1, 1) and candidate.end_reason == "refused"
    assert candidate.esf_programme_end == date(2027, 12, 31) and not candidate.is_active
    # An ended dossier cannot be reactivated; the coach is told why.
    response = coach_client.post(url("coach_candidate_reactivate", candidate), follow=True)
    assert "kan niet meer actief worden" in response.content.decode()
    assert coach_client.get(url("coach_candidate_end", candidate)).status_code == 302


def test_resend_and_withdraw_the_invitation(coach, coach_client, django_capture_on_commit_callbacks):
    candidate = invited_candidate(coach)
    with django_capture_on_commit_callbacks(execute=True):
        coach_client.post(url("coach_candidate_invitation_resend", candidate))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nieuw@example.nl"]
    assert Invitation.objects.filter(user=candidate.user).pending().count() == 1
    coach_client.post(url("coach_candidate_invitation_withdraw", candidate))
    assert not Invitation.objects.filter(user=candidate.user).pending().exists()
    candidate.user.set_password("Zelf-Gekozen-42")
    candidate.user.save()
    response = coach_client.post(url("coach_candidate_invitation_resend", candidate), follow=True)
    assert "al geaccepteerd" in response.content.decode()


def test_send_a_message_from_the_candidate_page(coach, coach_client):
    candidate = candidate_in()
    response = coach_client.post(url("coach_candidate_message", candidate),
                                 {"body": "Hoi, zullen we bellen?"})
    thread = Thread.objects.get(candidate=candidate, counterpart=coach)
    assert response.status_code == 302 and response.url == reverse("candidates:thread",
                                                                   args=[thread.pk])
    assert Message.objects.get(thread=thread).body == "Hoi, zullen we bellen?"
    # Too long: the page comes back with the text still there and a Dutch reason.
    response = coach_client.post(url("coach_candidate_message", candidate), {"body": "x" * 5001})
    assert response.status_code == 200
    assert "te lang" in response.content.decode() and "x" * 5001 in response.content.decode()
    assert Message.objects.count() == 1


def test_actions_are_post_only(coach_client):
    candidate = candidate_in()
    for name in ["coach_candidate_unhide", "coach_candidate_inactive",
                 "coach_candidate_reactivate", "coach_candidate_invitation_resend",
                 "coach_candidate_invitation_withdraw", "coach_candidate_message",
                 "coach_candidate_approachable"]:
        assert coach_client.get(url(name, candidate)).status_code == 405, name
    assert Candidate.objects.get(pk=candidate.pk).is_active
