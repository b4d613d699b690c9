"""Uploaded files (issue 14): a PDF is stored without JavaScript, launch actions, embedded
files or rich media; a file the sensitive-data check cannot read (a decompression bomb, a
billion-laughs document, 45 MB of text) is held for the coach's review instead of being
published; the reading itself is bounded in memory and time; an employer never receives
an unclean or held file, through either address that serves files."""

import io
import time

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from candidates.models import Profile
from candidates.publication_hold import UNCHECKED_FILE
from candidates.sensitive_reviews import sensitive_review_resolve
from hallowerk.bounded_child import ChildFailed, run_bounded
from hallowerk.roles import Role
from privacy.models import AuditEvent
from privacy.sensitive import extract_upload_text
from tests.candidates.jobseeker_helpers import upload
from tests.employer_portal.conftest import employer_user, make_candidate
from tests.factories import UserFactory

from . import crafted_files as crafted

pytestmark = pytest.mark.django_db
CV_URL = reverse("candidates:jobseeker_cv")


@pytest.fixture
def scene(client):
    coach = UserFactory(role=Role.COACH, with_totp_device=True, email="coach@gemeente.nl")
    candidate = make_candidate(scope="all", responsible_coach=coach)
    employer = employer_user(slug="rotterdam")
    client.force_login(candidate.user)
    mail.outbox.clear()
    return candidate, coach, employer


def _upload_cv(client, name: str, data: bytes, capture):
    # The file moves into place when the transaction commits (candidates/file_storage.py).
    with capture(execute=True):
        return client.post(CV_URL, {"cv": upload(name, data)}, follow=True)


def _stored(candidate) -> bytes:
    with Profile.objects.get(candidate=candidate).cv.open("rb") as handle:
        return handle.read()


def _employer_downloads(verified_client, employer, candidate) -> list:
    """Both addresses that serve a CV: the employer portal's and the shared one."""
    client = verified_client(employer)
    return [client.get(reverse("employers:candidate_file", args=[candidate.pk, "cv"])),
            client.get(reverse("candidates:profile_file", args=[candidate.pk, "cv"]))]


def _no_active_content(data: bytes) -> list[bytes]:
    return [marker for marker in crafted.ACTIVE_MARKERS if marker in data]


# --- active content is removed before storing ---------------------------------------------

@pytest.mark.parametrize("make", [crafted.javascript_pdf, crafted.launch_pdf,
                                  crafted.embedded_file_pdf, crafted.rich_media_pdf],
                         ids=["javascript", "launch", "embedded file", "rich media"])
def test_active_content_is_removed_before_the_pdf_is_stored(scene, client, verified_client,
                                                            make,
                                                            django_capture_on_commit_callbacks):
    candidate, _coach, employer = scene
    original = make()
    assert _no_active_content(original), "the crafted file has active content"
    response = _upload_cv(client, "cv.pdf", original, django_capture_on_commit_callbacks)
    assert "Dat hebben we eruit gehaald" in response.content.decode()

    stored = _stored(candidate)
    assert _no_active_content(stored) == []
    page = PdfReader(io.BytesIO(stored)).pages[0]
    assert crafted.CV_TEXT.decode() in page.extract_text(), "the CV itself is unchanged"
    assert not candidate.sensitive_reviews.exists(), "a readable CV is published"
    for download in _employer_downloads(verified_client, employer, candidate):
        assert download.status_code == 200
        assert _no_active_content(b"".join(download.streaming_content)) == []


def test_ordinary_links_stay_and_a_clean_pdf_is_stored_as_it_came(
        scene, client, django_capture_on_commit_callbacks):
    candidate, _coach, _employer = scene
    _upload_cv(client, "cv.pdf", crafted.launch_pdf(), django_capture_on_commit_callbacks)
    annotations = PdfReader(io.BytesIO(_stored(candidate))).pages[0]["/Annots"]
    links = [a.get_object()["/A"]["/URI"] for a in annotations if "/A" in a.get_object()]
    assert links == [crafted.SAFE_LINK.decode()]

    plain = crafted.raw_pdf()
    response = _upload_cv(client, "cv.pdf", plain, django_capture_on_commit_callbacks)
    assert _stored(candidate) == plain
    assert "Dat hebben we eruit gehaald" not in response.content.decode()


def test_a_pdf_locked_with_a_password_or_unreadable_is_refused_with_a_reason(scene, client):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(crafted.raw_pdf())))
    writer.encrypt(user_password="geheim", owner_password="geheim")
    locked = io.BytesIO()
    writer.write(locked)
    response = client.post(CV_URL, {"cv": upload("cv.pdf", locked.getvalue())})
    assert "beveiligd met een wachtwoord" in response.content.decode()
    broken = b"%PDF-1.7\n" + b"\x00\xff" * 500 + b"\n%%EOF\n"
    response = client.post(CV_URL, {"cv": upload("cv.pdf", broken)})
    assert "niet goed openen" in response.content.decode()
    assert not Profile.objects.get(candidate=scene[0]).cv


# --- a file the check cannot read is held ---------------------------------------------------

@pytest.mark.parametrize(("name", "make"), [
    ("cv.pdf", crafted.bomb_pdf),
    ("cv.docx", crafted.billion_laughs_docx),
    ("cv.docx", crafted.text_docx)],
    ids=["decompression bomb pdf", "billion laughs docx", "45 MB of text in a docx"])
def test_a_file_the_check_cannot_read_is_held_for_the_coach(scene, client, verified_client,
                                                            name, make,
                                                            django_capture_on_commit_callbacks):
    candidate, coach, employer = scene
    response = _upload_cv(client, name, make(), django_capture_on_commit_callbacks)
    page = response.content.decode()
    assert "niet controleren op gevoelige gegevens" in page
    assert "kijkt uw werkmatcher eerst mee" in page

    (review,) = candidate.sensitive_reviews.all()
    assert review.field == "cv" and review.categories == [UNCHECKED_FILE]
    assert AuditEvent.objects.filter(data__operation="unchecked_file_held").exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [coach.email]
    # The forbidden path: no employer gets the file, by either address, nor a link to it.
    assert [r.status_code for r in _employer_downloads(verified_client, employer,
                                                       candidate)] == [404, 404]
    profile_page = verified_client(employer).get(
        reverse("employers:candidate_profile", args=[candidate.pk])).content.decode()
    assert reverse("employers:candidate_file", args=[candidate.pk, "cv"]) not in profile_page
    # The coach's list says why; once a coach has looked, employers may open it.
    coach_page = verified_client(coach).get(reverse("candidates:sensitive_reviews"))
    assert "bestand kon niet worden gecontroleerd" in coach_page.content.decode()
    sensitive_review_resolve(by=coach, review=review)
    assert [r.status_code for r in _employer_downloads(verified_client, employer,
                                                       candidate)] == [200, 200]


def test_45_mb_of_plain_text_is_not_read_at_all():
    started = time.monotonic()
    extraction = extract_upload_text(io.BytesIO(b"Ervaren kok. " * (45 * 1024 * 1024 // 13)),
                                     "text/plain")
    assert extraction.ok is False and extraction.text == ""
    assert time.monotonic() - started < 5


# --- the reading is bounded ---------------------------------------------------------------

def _script(tmp_path, body: str) -> str:
    path = tmp_path / "hostile.py"
    path.write_text(body)
    return str(path)


def test_a_reader_that_eats_memory_ends_its_own_process(tmp_path):
    script = _script(tmp_path, "x = bytearray(2 * 1024 ** 3)\nprint('survived')\n")
    with pytest.raises(ChildFailed):
        run_bounded(script, [], b"", memory_bytes=256 * 1024 ** 2)


def test_a_reader_that_never_ends_is_stopped(tmp_path):
    script = _script(tmp_path, "while True:\n    pass\n")
    started = time.monotonic()
    with pytest.raises(ChildFailed):
        run_bounded(script, [], b"", cpu_seconds=1, deadline_seconds=20)
    assert time.monotonic() - started < 20


def test_the_bounded_child_passes_data_both_ways(tmp_path):
    script = _script(tmp_path, "import sys\nsys.stdout.write(sys.stdin.read().upper())\n")
    assert run_bounded(script, [], b"cv") == b"CV"
