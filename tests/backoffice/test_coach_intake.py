"""Intake by form: a dossier, a profile, an account and the invitation — or nothing at all."""

import pytest
from django.core import mail
from django.urls import reverse

from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.roles import Role

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db
INTAKE = reverse("candidates:coach_intake")
GOOD = {"client_number": "RMW-1", "first_name": "Fatima", "last_name": "Yilmaz",
        "email": "Fatima@Example.nl", "gender": "female", "date_of_birth": "01-05-1990",
        "postcode": "3511 AB", "phone": "030 1234567", "service_type": "together",
        "tg_banenafspraak": "on"}


def test_intake_creates_the_dossier_and_sends_the_invitation(coach, coach_client,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(INTAKE, GOOD)
    candidate = Candidate.objects.get(client_number="RMW-1")
    assert response.status_code == 302 and response.url == reverse(
        "candidates:coach_candidate", args=[candidate.pk])
    assert candidate.municipality == coach.municipality and candidate.responsible_coach == coach
    assert candidate.tg_banenafspraak and candidate.postcode == "3511AB"
    assert candidate.user.email == "fatima@example.nl" and candidate.profile
    assert mail.outbox[0].to == ["fatima@example.nl"]
    assert "vrijwillig" in mail.outbox[0].body


def test_intake_for_a_colleague(coach_client):
    colleague = staff(Role.COACH)
    coach_client.post(INTAKE, {**GOOD, "responsible_coach": colleague.pk})
    assert Candidate.objects.get().responsible_coach == colleague


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"client_number": ""}, "client_number", "Vul het klantnummer in"),
    ({"email": ""}, "email", "Daar komt de uitnodiging"),
    ({"email": "fatima@"}, "email", "geldig e-mailadres"),
    ({"postcode": "35111"}, "postcode", "4 cijfers en 2 letters"),
    ({"date_of_birth": "1-13-1990"}, "date_of_birth", "dag-maand-jaar"),
    ({"gender": "robot"}, "gender", "geldige keuze"),
    ({"service_type": ""}, "service_type", "verplicht"),
])
def test_intake_with_bad_input_keeps_what_was_typed_and_saves_nothing(coach_client, change,
                                                                      field, text):
    response = coach_client.post(INTAKE, {**GOOD, **change})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert text.lower() in errors.lower(), errors
    assert "Yilmaz" in response.content.decode(), "what was typed stays in the form"
    assert not Candidate.objects.exists() and not User.objects.filter(role=Role.JOBSEEKER).exists()


def test_known_client_number_or_e_mail_address(coach_client):
    candidate_in(client_number="RMW-1")
    response = coach_client.post(INTAKE, GOOD)
    assert "al een kandidaat met dit klantnummer" in " ".join(
        response.context["form"].errors["client_number"])
    staff(Role.JOBSEEKER, email="fatima@example.nl")
    response = coach_client.post(INTAKE, {**GOOD, "client_number": "RMW-2"})
    assert "al een account met dit e-mailadres" in " ".join(
        response.context["form"].errors["email"])
    assert Candidate.objects.count() == 1


def test_crafted_coach_of_another_municipality_is_refused(coach_client):
    outsider = staff(Role.COACH, "rotterdam")
    response = coach_client.post(INTAKE, {**GOOD, "responsible_coach": outsider.pk})
    assert response.status_code == 200 and "responsible_coach" in response.context["form"].errors
    assert not Candidate.objects.exists()
