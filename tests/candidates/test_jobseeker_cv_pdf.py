"""The profile as a PDF CV: the jobseeker's own, without the municipality's data."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from candidates.cv_pdf import cv_pdf_render
from candidates.models import Profile, WorkExperience
from privacy.models import AuditAction, AuditEvent
from tests.factories import UserFactory

from .jobseeker_helpers import jobseeker, jpeg_bytes, occupation, upload

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def candidate(client):
    candidate = jobseeker(client_number="KLANT-31415", tg_banenafspraak=True, tg_tozo=True,
                          first_name="Sanne", last_name="de Vries", email="sanne@example.nl",
                          date_of_birth=datetime.date(1985, 6, 1))
    profile = Profile.objects.get(candidate=candidate)
    profile.personal_description = "Ik ben een harde werker."
    profile.competences = ["Geduldig"]
    profile.physical_lifting = False
    profile.save()
    profile.preferred_occupations.add(occupation())
    WorkExperience.objects.create(profile=profile, job_title="Afwasser", employer_name="De Lepel",
                                  start_date=datetime.date(2019, 3, 1))
    client.force_login(candidate.user)
    return candidate


def test_the_cv_holds_the_profile_and_nothing_of_the_municipality(candidate):
    text = pdf_text(cv_pdf_render(candidate))
    for shown in ("Sanne de Vries", "sanne@example.nl", "harde werker", "Afwasser", "De Lepel",
                  "Keukenhulp", "Geduldig"):
        assert shown in text, shown
    for hidden in ("KLANT-31415", "Banenafspraak", "doelgroep", "TOZO", "1985", "Tillen"):
        assert hidden not in text, hidden


def test_download_is_a_pdf_attachment_and_audited(client, candidate):
    client.post(reverse("candidates:jobseeker_photo"), {"photo": upload("f.jpg", jpeg_bytes())})
    response = client.get(reverse("candidates:jobseeker_cv_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cv-sanne-de-vries.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, data__kind="cv_pdf").exists()


def test_the_cv_speaks_english(client, candidate, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = pdf_text(client.get(reverse("candidates:jobseeker_cv_pdf")).content)
    assert "Work experience" in text and "Kitchen helper" in text


def test_only_jobseekers_download_their_own_cv(verified_client):
    client = verified_client(UserFactory(role="coach", with_totp_device=True))
    assert client.get(reverse("candidates:jobseeker_cv_pdf")).status_code == 403
