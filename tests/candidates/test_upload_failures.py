"""Issue 12: a storage failure during an upload (disk full, read-only storage, a crash
mid-write) gives a clear message, keeps the previous file and leaves no orphan file."""

import errno
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from candidates.file_storage import LEFTOVER_AFTER, STAGING_DIR, staged_uploads_sweep
from candidates.models import Profile
from candidates.profile_services import profile_cv_replace
from candidates.schedule import BEAT_SCHEDULE
from candidates.uploads import CheckedFile
from tests.faults.checkpoints import fault_checkpoint

from .jobseeker_helpers import jobseeker, jpeg_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db
PHOTO_URL = "candidates:jobseeker_photo"
CV_URL = "candidates:jobseeker_cv"
NOT_STORED_NL = "Het opslaan van uw bestand is niet gelukt"
NOT_STORED_EN = "Your file could not be saved"


def stored_files() -> set[str]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def field_storage(field: str):
    return Profile._meta.get_field(field).storage


def disk_full_after(storage, monkeypatch, written_bytes: int = 100):
    """The disk fills up while the file is written: part of it is on disk, then ENOSPC."""
    def save(name, content):
        path = storage.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(content.read()[:written_bytes])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "_save", save)


def read_only(storage, monkeypatch):
    def save(name, content):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(storage, "_save", save)


@pytest.fixture
def candidate(client, django_capture_on_commit_callbacks):
    candidate = jobseeker()
    client.force_login(candidate.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(PHOTO_URL), {"photo": upload("ik.jpg", jpeg_bytes())})
        client.post(reverse(CV_URL), {"cv": upload("cv.pdf", pdf_bytes())})
    return candidate


def previous(candidate) -> dict[str, str]:
    profile = Profile.objects.get(candidate=candidate)
    return {"photo": profile.photo.name, "cv": profile.cv.name}


@pytest.mark.parametrize(("field", "url", "data", "fail"), [
    ("photo", PHOTO_URL, lambda: upload("nieuw.jpg", jpeg_bytes(size=(80, 60))), disk_full_after),
    ("cv", CV_URL, lambda: upload("nieuw.pdf", pdf_bytes("Nieuw cv")), disk_full_after),
    ("photo", PHOTO_URL, lambda: upload("nieuw.jpg", jpeg_bytes(size=(80, 60))), read_only),
    ("cv", CV_URL, lambda: upload("nieuw.pdf", pdf_bytes("Nieuw cv")), read_only),
])
def test_a_failing_storage_gives_a_message_keeps_the_previous_file_and_leaves_nothing(
        client, candidate, monkeypatch, django_capture_on_commit_callbacks,
        field, url, data, fail):
    before, files_before = previous(candidate), stored_files()
    fail(field_storage(field), monkeypatch)
    fault_checkpoint("before the upload", **{f"{field} file": before[field]})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(url), {field: data()}, follow=True)
    fault_checkpoint("upload failed", **{f"{field} file": previous(candidate)[field]})
    assert response.status_code == 200
    assert NOT_STORED_NL in response.content.decode()
    assert previous(candidate) == before
    assert stored_files() == files_before, "no partial or orphan file"
    assert field_storage(field).exists(before[field])


def test_the_message_is_in_english_for_english_users(client, candidate, monkeypatch):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    disk_full_after(field_storage("photo"), monkeypatch)
    response = client.post(reverse(PHOTO_URL),
                           {"photo": upload("nieuw.jpg", jpeg_bytes())}, follow=True)
    assert NOT_STORED_EN in response.content.decode()


def test_a_flagged_cv_that_cannot_be_stored_gets_the_message_too(client, candidate,
                                                                monkeypatch):
    disk_full_after(field_storage("cv"), monkeypatch)
    files_before = stored_files()
    from candidates.models import storage as storage_module

    real = storage_module.private_storage

    def failing_storage():
        storage = real()
        disk_full_after(storage, monkeypatch)
        return storage

    monkeypatch.setattr("candidates.views.jobseeker.uploads.private_storage", failing_storage)
    response = client.post(reverse(CV_URL), {"cv": upload(
        "cv.pdf", pdf_bytes("Ik heb een burn-out gehad"))}, follow=True)
    assert NOT_STORED_NL in response.content.decode()
    assert stored_files() == files_before


def checked_cv(text="Nieuw cv") -> CheckedFile:
    return CheckedFile(ContentFile(pdf_bytes(text), name="cv.pdf"), "application/pdf")


def test_a_database_failure_after_the_write_leaves_only_a_staged_file_the_sweep_removes(
        candidate):
    before, files_before = previous(candidate), stored_files()
    profile = Profile.objects.get(candidate=candidate)
    fault_checkpoint("before the upload", **{"cv file": before["cv"]})
    with pytest.raises(RuntimeError), transaction.atomic():
        profile_cv_replace(by=candidate.user, profile=profile, checked=checked_cv())
        raise RuntimeError("the database went away before the commit")
    assert previous(candidate) == before
    fault_checkpoint("the database failed", **{"cv file": previous(candidate)["cv"]})
    leftovers = stored_files() - files_before
    assert len(leftovers) == 1 and next(iter(leftovers)).startswith(f"{STAGING_DIR}/")
    assert staged_uploads_sweep() == 0, "too young: it might still be being written"
    assert staged_uploads_sweep(now=timezone.now() + LEFTOVER_AFTER + timedelta(minutes=1)) == 1
    assert stored_files() == files_before
    fault_checkpoint("after the sweep", **{"cv file": previous(candidate)["cv"]})


def test_a_crash_between_commit_and_move_is_finished_by_the_sweep(candidate):
    before = previous(candidate)
    profile = Profile.objects.get(candidate=candidate)
    # No commit callbacks run: as if the process died right after the commit.
    profile_cv_replace(by=candidate.user, profile=profile, checked=checked_cv("Na de crash"))
    new_name = previous(candidate)["cv"]
    assert new_name != before["cv"] and not field_storage("cv").exists(new_name)
    later = timezone.now() + LEFTOVER_AFTER + timedelta(minutes=1)
    assert staged_uploads_sweep(now=later) == 1
    with field_storage("cv").open(new_name) as stored:
        assert stored.read().startswith(b"%PDF-")
    assert not any(name.startswith(STAGING_DIR) for name in stored_files())


def test_the_sweep_is_in_the_beat_schedule():
    assert BEAT_SCHEDULE["candidates-staged-uploads-sweep"]["task"] == (
        "candidates.tasks.staged_uploads_sweep_task")
