"""Photo and CV: checked by content, metadata stripped, served only to who may see them."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from candidates.models import Profile
from candidates.uploads import MAX_CV_BYTES, cv_check, photo_check
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.factories import UserFactory, municipality

from .jobseeker_helpers import (
    coach_of,
    docx_bytes,
    gps_exif,
    jobseeker,
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
    upload,
)

pytestmark = pytest.mark.django_db
PHOTO_URL = "candidates:jobseeker_photo"
CV_URL = "candidates:jobseeker_cv"


def stored_photo(candidate) -> Image.Image:
    profile = Profile.objects.get(candidate=candidate)
    with profile.photo.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


# --- the checks themselves ---------------------------------------------------------------

def test_photo_check_strips_exif_and_gps():
    original = jpeg_bytes(exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825), "test photo has GPS"
    checked = photo_check(upload("vakantie.jpg", original))
    image = Image.open(io.BytesIO(checked.content.read()))
    assert image.format == "JPEG"
    assert not image.getexif(), "no EXIF at all"
    assert "exif" not in image.info and b"SpyCam" not in checked.content.read()
    assert checked.content.name == "photo.jpg" and checked.content_type == "image/jpeg"


def test_photo_check_keeps_png_as_png_and_scales_big_photos_down():
    checked = photo_check(upload("logo.png", png_bytes()))
    assert Image.open(io.BytesIO(checked.content.read())).format == "PNG"
    big = photo_check(upload("groot.jpg", jpeg_bytes(size=(3000, 1500))))
    assert max(Image.open(io.BytesIO(big.content.read())).size) == 1200


@pytest.mark.parametrize(("name", "data", "message"), [
    ("foto.jpg", b"%PDF-1.4 this is not an image", "geen foto"),
    ("foto.jpg", b"GIF89a" + b"\x00" * 50, "geen foto"),
    ("foto.png", b"", "leeg"),
])
def test_photo_check_refuses_what_is_not_a_jpeg_or_png(name, data, message):
    with pytest.raises(ValidationError, match=message):
        photo_check(upload(name, data))


def test_photo_check_refuses_gif_even_when_it_is_a_real_image():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    with pytest.raises(ValidationError, match="JPG- of PNG"):
        photo_check(upload("foto.png", buffer.getvalue()))


def test_photo_check_refuses_huge_files_and_dimensions(monkeypatch):
    big = upload("foto.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="te groot"):
        photo_check(big)
    with pytest.raises(ValidationError, match="pixels"):
        photo_check(upload("breed.png", png_bytes(size=(8001, 10))))


def test_cv_check_knows_pdf_and_docx_by_their_content():
    assert cv_check(upload("cv.docx", pdf_bytes())).content.name == "cv.pdf"
    assert cv_check(upload("cv.pdf", docx_bytes())).content.name == "cv.docx"


@pytest.mark.parametrize("data", [
    b"MZ\x90\x00 an executable",
    b"just some text that claims to be a pdf",
    b"PK\x03\x04 broken zip",
])
def test_cv_check_refuses_anything_else(data):
    with pytest.raises(ValidationError, match="geen PDF- of Word-document"):
        cv_check(upload("cv.pdf", data))


def test_cv_check_refuses_a_zip_that_is_not_a_word_document_and_macros():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ValidationError):
        cv_check(upload("cv.docx", buffer.getvalue()))
    with_macro = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, \
            zipfile.ZipFile(with_macro, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/vbaProject.bin", b"macro")
    with pytest.raises(ValidationError):
        cv_check(upload("cv.docm", with_macro.getvalue()))


def test_cv_check_refuses_big_files():
    data = pdf_bytes() + b"0" * MAX_CV_BYTES
    with pytest.raises(ValidationError, match="te groot"):
        cv_check(upload("cv.pdf", data))


# --- the pages -------------------------------------------------------------------------

@pytest.fixture
def candidate(client):
    candidate = jobseeker()
    client.force_login(candidate.user)
    return candidate


def test_uploading_a_photo_stores_it_privately_without_metadata(
        client, candidate, settings, django_capture_on_commit_callbacks):
    # The file moves into place when the transaction commits (candidates/file_storage.py).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(PHOTO_URL),
                               {"photo": upload("ik.jpg", jpeg_bytes(exif=gps_exif()))})
    assert response.status_code == 302
    profile = Profile.objects.get(candidate=candidate)
    assert profile.photo.name.startswith("photos/") and "ik" not in profile.photo.name
    assert str(settings.PRIVATE_MEDIA_ROOT) in profile.photo.path
    assert str(settings.MEDIA_ROOT) not in profile.photo.path
    assert not stored_photo(candidate).getexif()
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED,
                                     data__fields=["photo"]).exists()


def test_a_wrong_file_gets_a_message_and_keeps_what_was_there(client, candidate):
    client.post(reverse(PHOTO_URL), {"photo": upload("ik.png", png_bytes())})
    old_name = Profile.objects.get(candidate=candidate).photo.name
    response = client.post(reverse(PHOTO_URL), {"photo": upload("ik.jpg", b"not a photo")})
    assert response.status_code == 200
    assert "Dit bestand is geen foto" in response.content.decode()
    assert Profile.objects.get(candidate=candidate).photo.name == old_name
    response = client.post(reverse(CV_URL), {"cv": upload("cv.pdf", b"MZ nope")})
    assert "geen PDF- of Word-document" in response.content.decode()
    response = client.post(reverse(CV_URL), {})
    assert "Kies eerst een bestand" in response.content.decode()


def test_replacing_and_removing_deletes_the_old_file(client, candidate,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(CV_URL), {"cv": upload("cv.pdf", pdf_bytes())})
    first = Profile.objects.get(candidate=candidate).cv
    first_path = first.path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(CV_URL), {"cv": upload("cv.docx", docx_bytes())})
    profile = Profile.objects.get(candidate=candidate)
    assert profile.cv.name.endswith(".docx")
    import os

    assert not os.path.exists(first_path)
    second_path = profile.cv.path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(CV_URL), {"remove": "1"})
    assert not Profile.objects.get(candidate=candidate).cv
    assert not os.path.exists(second_path)


# --- serving: only to who may see the candidate ---------------------------------------------

def file_url(candidate, field):
    return reverse("candidates:profile_file", kwargs={"pk": candidate.pk, "field": field})


@pytest.fixture
def with_files(candidate, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # files move in at the commit
        client.post(reverse(PHOTO_URL), {"photo": upload("ik.jpg", jpeg_bytes())})
        client.post(reverse(CV_URL), {"cv": upload("cv.pdf", pdf_bytes())})
    return candidate


def test_the_jobseeker_gets_their_own_files_with_safe_headers(client, with_files):
    response = client.get(file_url(with_files, "cv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    photo = client.get(file_url(with_files, "foto"))
    assert photo["Content-Type"] == "image/jpeg"
    assert photo["Content-Disposition"].startswith("inline;")
    assert "sandbox" in photo["Content-Security-Policy"]
    assert not AuditEvent.objects.filter(action=AuditAction.PROFILE_VIEWED).exists()


def test_another_jobseeker_gets_404_for_crafted_ids(client, with_files):
    client.force_login(jobseeker().user)
    for field in ("cv", "foto", "bsn"):
        assert client.get(file_url(with_files, field)).status_code == 404


def test_coaches_see_files_of_their_own_municipality_only(verified_client, with_files):
    client = verified_client(coach_of(with_files))
    assert client.get(file_url(with_files, "cv")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.PROFILE_VIEWED,
                                     data__file="cv").exists()
    other = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"),
                        with_totp_device=True)
    assert verified_client(other).get(file_url(with_files, "cv")).status_code == 404


def test_employers_see_files_only_when_the_profile_is_shared(verified_client, with_files):
    employer = UserFactory(employer_user=True, with_totp_device=True)
    client = verified_client(employer)
    assert client.get(file_url(with_files, "foto")).status_code == 404
    with_files.shared_with_employers = True
    with_files.save()
    assert client.get(file_url(with_files, "foto")).status_code == 200
    with_files.hidden_by_staff, with_files.hidden_reason = True, "Klopt niet"
    from django.utils import timezone

    with_files.hidden_at = timezone.now()
    with_files.save()
    assert client.get(file_url(with_files, "foto")).status_code == 404


@pytest.mark.parametrize("role", [Role.TEAM_LEAD, Role.ADMINISTRATOR])
def test_roles_without_candidates_never_get_files(verified_client, with_files, role):
    client = verified_client(UserFactory(role=role, with_totp_device=True))
    assert client.get(file_url(with_files, "cv")).status_code == 404


def test_anonymous_gets_nothing(client, with_files):
    client.logout()
    assert client.get(file_url(with_files, "cv")).status_code == 302
