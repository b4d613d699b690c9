"""A photo whose OCR check cannot run (tesseract fails or times out) is held for the coach
like a CV the check could not read (issue 14); without tesseract installed it is accepted
as before (tests/candidates/test_photo_bsn.py)."""

import shutil
import subprocess

import pytest
from django.core import mail
from django.urls import reverse

from candidates.models import Profile
from candidates.publication_hold import UNCHECKED_FILE
from candidates.sensitive_reviews import sensitive_review_resolve
from privacy.models import AuditEvent
from tests.candidates.jobseeker_helpers import upload
from tests.candidates.test_photo_bsn import picture

from .test_uploaded_files import scene  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db
PHOTO_URL = reverse("candidates:jobseeker_photo")
REAL_RUN = subprocess.run


def _ocr_fails(monkeypatch, error: Exception) -> None:
    """Tesseract is there, but this run of it fails; other programs run as usual."""
    def run(command, *args, **kwargs):
        if command[0] == "tesseract":
            raise error
        return REAL_RUN(command, *args, **kwargs)
    real_which = shutil.which
    monkeypatch.setattr("candidates.photo_text.shutil.which", lambda name: (
        "/usr/bin/tesseract" if name == "tesseract" else real_which(name)))
    monkeypatch.setattr("candidates.photo_text.subprocess.run", run)


def _employer_sees(verified_client, employer, candidate) -> list:
    """Both addresses that serve a photo, and whether the profile page links it."""
    client = verified_client(employer)
    profile_page = client.get(reverse("employers:candidate_profile", args=[candidate.pk]))
    return [client.get(reverse("employers:candidate_file", args=[candidate.pk, "photo"]))
            .status_code,
            client.get(reverse("candidates:profile_file", args=[candidate.pk, "foto"]))
            .status_code,
            reverse("employers:candidate_file", args=[candidate.pk, "photo"])
            in profile_page.content.decode()]


@pytest.mark.parametrize("error", [
    subprocess.TimeoutExpired(["tesseract"], 20),
    subprocess.CalledProcessError(1, ["tesseract"])], ids=["time-out", "failure"])
def test_a_photo_the_ocr_check_cannot_read_is_held_for_the_coach(
        scene, client, verified_client, monkeypatch, error,  # noqa: F811
        django_capture_on_commit_callbacks):
    candidate, coach, employer = scene
    _ocr_fails(monkeypatch, error)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PHOTO_URL, {"photo": upload("ik.png", picture("Hallo"))},
                               follow=True)
    assert "We konden de foto niet controleren" in response.content.decode()
    assert Profile.objects.get(candidate=candidate).photo  # stored, not refused

    (review,) = candidate.sensitive_reviews.all()
    assert review.field == "photo" and review.categories == [UNCHECKED_FILE]
    assert AuditEvent.objects.filter(data__operation="unchecked_file_held",
                                     data__part="photo").exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [coach.email]
    # The forbidden path: no employer sees the photo, by either address, nor a link to it.
    assert _employer_sees(verified_client, employer, candidate) == [404, 404, False]
    # The coach's list names the photo and links it; once looked at, employers see it.
    coach_page = verified_client(coach).get(reverse("candidates:sensitive_reviews"))
    assert "Foto bekijken" in coach_page.content.decode()
    assert coach_page.context["rows"][0].file_url
    sensitive_review_resolve(by=coach, review=review)
    assert _employer_sees(verified_client, employer, candidate) == [200, 200, True]


def test_a_photo_the_ocr_check_reads_is_not_held(scene, client, verified_client,  # noqa: F811
                                                 django_capture_on_commit_callbacks):
    candidate, _coach, employer = scene
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PHOTO_URL, {"photo": upload("ik.png", picture("Hallo"))})
    assert not candidate.sensitive_reviews.exists()
    assert _employer_sees(verified_client, employer, candidate) == [200, 200, True]
