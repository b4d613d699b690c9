"""A part with special-category data the jobseeker kept after the warning is held out of
employers' sight until a coach of the municipality has looked at it (issue 13)."""

import pytest
from django.core import mail
from django.urls import reverse

from candidates.models import Candidate, Profile
from candidates.presenters import employer_profile_view
from candidates.sensitive_reviews import sensitive_review_create, sensitive_review_resolve
from employers.search import SearchCriteria, search_queryset
from hallowerk.roles import Role
from tests.employer_portal.conftest import employer_user, make_candidate
from tests.factories import UserFactory, municipality

from .jobseeker_helpers import docx_bytes, upload

pytestmark = pytest.mark.django_db
STEP = reverse("candidates:jobseeker_step", kwargs={"slug": "over-mij"})
HELD_TEXT = "Sinds mijn burn-out werk ik graag rustig als glazenwasser."


@pytest.fixture
def scene(client):
    coach = UserFactory(role=Role.COACH, with_totp_device=True, email="coach@gemeente.nl")
    candidate = make_candidate(scope="all", responsible_coach=coach, first_name="Rachida")
    employer = employer_user(slug="rotterdam")
    client.force_login(candidate.user)
    mail.outbox.clear()
    return candidate, coach, employer


def _found(employer, text: str, candidate) -> bool:
    return candidate in search_queryset(viewer=employer, criteria=SearchCriteria(text=text))


def _employer_sees(employer, candidate, text: str) -> bool:
    fresh = Candidate.objects.get(pk=candidate.pk)
    sections = employer_profile_view(fresh, employer)
    return any(text in str(item.value) for section in sections for item in section.items)


def test_confirmed_text_is_held_until_the_coach_has_looked(scene, client):
    candidate, coach, employer = scene
    client.post(STEP, {"personal_description": HELD_TEXT, "sensitive": "confirm"})
    assert Profile.objects.get(candidate=candidate).personal_description == HELD_TEXT

    assert not _employer_sees(employer, candidate, HELD_TEXT)
    assert not _found(employer, "glazenwasser", candidate), "not findable either"
    assert _employer_sees(candidate.user, candidate, "glazenwasser") is False

    (review,) = candidate.sensitive_reviews.all()
    sensitive_review_resolve(by=coach, review=review)
    assert _employer_sees(employer, candidate, HELD_TEXT)
    assert _found(employer, "glazenwasser", candidate)


def test_the_coach_gets_a_mail_without_personal_data(scene, client,
                                                     django_capture_on_commit_callbacks):
    candidate, coach, _employer = scene
    with django_capture_on_commit_callbacks(execute=True):
        client.post(STEP, {"personal_description": HELD_TEXT, "sensitive": "confirm"})
    (message,) = mail.outbox
    assert message.to == [coach.email]
    text = message.subject + message.body
    assert reverse("candidates:sensitive_reviews") in text
    for personal in ("Rachida", candidate.last_name, "burn-out", "gezondheid", "health"):
        assert personal not in text
    # A second confirmation for the same part joins the open review: no second mail.
    with django_capture_on_commit_callbacks(execute=True):
        sensitive_review_create(by=candidate.user, candidate=candidate,
                                field="personal_description", categories=["religion"])
    assert len(mail.outbox) == 1


def test_a_held_cv_cannot_be_downloaded_until_reviewed(scene, client, verified_client,
                                                      django_capture_on_commit_callbacks):
    candidate, coach, employer = scene
    # The file moves into place when the transaction commits (candidates/file_storage.py).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("candidates:jobseeker_cv"),
                    {"cv": upload("cv.docx", docx_bytes("Gestopt door een burn-out"))})
        client.post(reverse("candidates:jobseeker_cv_confirm"), {"sensitive": "confirm"})
    assert Profile.objects.get(candidate=candidate).cv
    download = reverse("employers:candidate_file", args=[candidate.pk, "cv"])
    employer_client = verified_client(employer)
    assert employer_client.get(download).status_code == 404
    profile_page = employer_client.get(reverse("employers:candidate_profile",
                                               args=[candidate.pk])).content.decode()
    assert download not in profile_page

    (review,) = candidate.sensitive_reviews.all()
    sensitive_review_resolve(by=coach, review=review)
    assert employer_client.get(download).status_code == 200


def test_the_review_queue_is_in_the_coachs_navigation_with_a_count(scene, client,
                                                                   verified_client):
    candidate, coach, employer = scene
    client.post(STEP, {"personal_description": HELD_TEXT, "sensitive": "confirm"})
    url = reverse("candidates:sensitive_reviews")
    html = verified_client(coach).get(reverse("candidates:coach_home")).content.decode()
    assert f'href="{url}"' in html
    assert "Gevoelige gegevens <span class=\"hw-badge hw-badge--brand\">1" in html
    # Other roles get no link; a coach elsewhere has the link but nothing to count.
    for other in (employer, UserFactory(role=Role.ACCOUNT_MANAGER, with_totp_device=True)):
        client.logout()
        assert f'href="{url}"' not in verified_client(other).get("/", follow=True).content.decode()
    client.logout()
    elsewhere = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"),
                            with_totp_device=True)
    html = verified_client(elsewhere).get(reverse("candidates:coach_home")).content.decode()
    assert f'href="{url}">Gevoelige gegevens</a>' in html


def test_only_a_coach_of_the_municipality_releases_a_held_part(scene):
    from django.core.exceptions import PermissionDenied

    candidate, _coach, employer = scene
    review = sensitive_review_create(by=candidate.user, candidate=candidate,
                                     field="free_text", categories=["health"])
    for outsider in (employer, candidate.user, UserFactory(role=Role.ACCOUNT_MANAGER),
                     UserFactory(role=Role.COACH, municipality=municipality("rotterdam"))):
        with pytest.raises(PermissionDenied):
            sensitive_review_resolve(by=outsider, review=review)
