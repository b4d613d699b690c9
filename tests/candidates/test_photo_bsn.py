"""A photo with a BSN in it (a pass, a letter) is refused like a CV with one (issue 13),
read by OCR (candidates/photo_text.py)."""

import io

import pytest
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

from candidates.models import Profile
from candidates.photo_text import photo_text

from .jobseeker_helpers import jobseeker, upload

pytestmark = pytest.mark.django_db
VALID_BSN = "111222333"  # passes the eleven test
PHOTO_URL = "candidates:jobseeker_photo"


def picture(*lines: str) -> bytes:
    image = Image.new("RGB", (900, 120 * len(lines) + 60), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=48)
    for n, line in enumerate(lines):
        draw.text((30, 40 + 120 * n), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def candidate(client):
    candidate = jobseeker()
    client.force_login(candidate.user)
    return candidate


def test_ocr_reads_the_number_in_a_picture():
    assert VALID_BSN in (photo_text(picture("Rijbewijs", f"BSN {VALID_BSN}")) or "")


def test_a_photo_with_a_bsn_is_refused_and_nothing_is_stored(client, candidate):
    response = client.post(reverse(PHOTO_URL), {
        "photo": upload("pas.png", picture("Identiteitskaart", f"BSN {VALID_BSN}"))})
    page = response.content.decode()
    assert response.status_code == 200
    assert "burgerservicenummer (BSN)" in page and "••••••333" in page
    assert not Profile.objects.get(candidate=candidate).photo


def test_a_photo_with_other_text_is_stored(client, candidate,
                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(PHOTO_URL), {
            "photo": upload("ik.png", picture("Welkom", "Team 2024"))})
    assert response.status_code == 302
    assert Profile.objects.get(candidate=candidate).photo


def test_without_tesseract_the_photo_is_checked_as_before(monkeypatch, caplog):
    monkeypatch.setattr("candidates.photo_text.TESSERACT", "no-such-program")
    assert photo_text(picture(f"BSN {VALID_BSN}")) is None
    assert "not installed" in caplog.text
