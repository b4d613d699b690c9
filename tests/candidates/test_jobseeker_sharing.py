"""Sharing with employers, the preview of what an employer sees, and the municipality's record."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate, Profile
from privacy.models import AuditAction, AuditEvent
from tests.factories import UserFactory

from .jobseeker_helpers import jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(client):
    candidate = jobseeker(client_number="KLANT-4711", gender="female",
                          date_of_birth=datetime.date(1990, 5, 17), postcode="3511AB",
                          tg_banenafspraak=True, tg_bbl=True, phone="0612345678")
    client.force_login(candidate.user)
    return candidate


def test_sharing_switch_and_scope(client, candidate):
    url = reverse("candidates:jobseeker_sharing")
    response = client.post(url, {"shared": "yes", "scope": "all"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.shared_with_employers and candidate.sharing_scope == "all"
    assert AuditEvent.objects.filter(action=AuditAction.CANDIDATE_SHARING_CHANGED,
                                     actor=candidate.user).exists()
    employer = UserFactory(employer_user=True)
    assert Candidate.objects.visible_to(employer).filter(pk=candidate.pk).exists()
    client.post(url, {"shared": "no", "scope": "region"})
    candidate.refresh_from_db()
    assert not candidate.shared_with_employers
    assert not Candidate.objects.visible_to(employer).filter(pk=candidate.pk).exists()


def test_sharing_needs_a_choice(client, candidate):
    response = client.post(reverse("candidates:jobseeker_sharing"), {})
    assert "Kies of werkgevers uw profiel mogen zien" in response.content.decode()


def test_the_region_is_explained(client, candidate):
    html = client.get(reverse("candidates:jobseeker_sharing")).content.decode()
    assert "Midden-Utrecht" in html and "Rotterdam" in html


def test_hidden_by_a_coach_shows_that_and_the_reason(client, candidate):
    candidate.hidden_by_staff = True
    candidate.hidden_reason = "Uw profiel bevat een telefoonnummer van iemand anders."
    candidate.hidden_at = timezone.now()
    candidate.save()
    html = client.get(reverse("candidates:jobseeker_sharing")).content.decode()
    assert "verborgen" in html and candidate.hidden_reason in html
    assert "verborgen" in client.get(reverse("candidates:jobseeker_home")).content.decode()


def test_the_preview_is_the_employers_view(client, candidate):
    profile = Profile.objects.get(candidate=candidate)
    profile.kind_of_work = "Magazijnwerk"
    profile.physical_lifting = False
    profile.save()
    html = client.get(reverse("candidates:jobseeker_preview")).content.decode()
    assert "Magazijnwerk" in html and "In doelgroepregister" in html
    assert "Tillen (tot 15 kilo)" in html
    for secret in ("KLANT-4711", "1990", "3511", "Vrouw", "BBL", "0612345678"):
        assert secret not in html, secret


def test_the_municipalitys_record_shows_everything_with_explanations(client, candidate):
    response = client.get(reverse("candidates:jobseeker_recorded"))
    html = response.content.decode()
    for shown in ("KLANT-4711", "17 mei 1990", "3511AB", "0612345678", "Vrouw",
                  "Banenafspraak", "Praktijkroute", "BBL", "TOZO",
                  "doelgroepregister", "Werkgevers zien dit nooit."):
        assert shown in html, shown
    banenafspraak = next(i for i in response.context["target_groups"]
                         if i.label.startswith("Banenafspraak"))
    assert banenafspraak.value == "Ja" and "alleen ja of nee" in banenafspraak.who
    assert "<input" not in html.split('id="details-heading"')[1].split("</main>")[0], \
        "read-only"
