"""The sensitive-data warning before publishing, and the coach's review list (SPEC §9)."""

import pytest
from django.urls import reverse

from candidates.models import Profile, SensitiveReview, WorkExperience
from candidates.sensitive_reviews import sensitive_review_create
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.factories import UserFactory, municipality

from .jobseeker_helpers import coach_of, docx_bytes, jobseeker, pdf_bytes, upload

pytestmark = pytest.mark.django_db
SENSITIVE = "Ik heb diabetes en werk graag met mensen."
STEP = reverse("candidates:jobseeker_step", kwargs={"slug": "over-mij"})


@pytest.fixture
def candidate(client):
    candidate = jobseeker()
    client.force_login(candidate.user)
    return candidate


def test_a_warning_is_shown_with_the_passage_and_nothing_is_saved(client, candidate):
    response = client.post(STEP, {"personal_description": SENSITIVE, "go": "next"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>diabetes</mark>" in html
    assert "informatie over uw gezondheid" in html
    assert "Toch opslaan" in html and SENSITIVE in html
    assert Profile.objects.get(candidate=candidate).personal_description == ""
    assert not SensitiveReview.objects.exists()


def test_changing_the_text_saves_it_without_a_review(client, candidate):
    response = client.post(STEP, {"personal_description": "Ik werk graag met mensen.",
                                  "sensitive": "check"})
    assert response.status_code == 302
    assert not SensitiveReview.objects.exists()


def test_confirming_saves_and_puts_it_on_the_coachs_list(client, candidate, verified_client):
    response = client.post(STEP, {"personal_description": SENSITIVE, "sensitive": "confirm",
                                  "go": "next"})
    assert response.status_code == 302
    assert Profile.objects.get(candidate=candidate).personal_description == SENSITIVE
    review = SensitiveReview.objects.get(candidate=candidate)
    assert review.field == "personal_description" and review.categories == ["health"]
    event = AuditEvent.objects.get(data__operation="sensitive_warning_confirmed")
    assert "diabetes" not in str(event.data)

    coach = coach_of(candidate)
    coach_client = verified_client(coach)
    html = coach_client.get(reverse("candidates:sensitive_reviews")).content.decode()
    assert candidate.full_name in html and "<mark>diabetes</mark>" in html
    coach_client.post(reverse("candidates:sensitive_review_resolve", kwargs={"pk": review.pk}))
    review.refresh_from_db()
    assert review.resolved_by == coach and review.resolved_at is not None
    assert coach_client.get(reverse("candidates:sensitive_reviews")).context["rows"] == []


def test_unchanged_confirmed_text_does_not_warn_again(client, candidate):
    client.post(STEP, {"personal_description": SENSITIVE, "sensitive": "confirm"})
    response = client.post(STEP, {"personal_description": SENSITIVE,
                                  "competences": "Geduldig"})
    assert response.status_code == 302
    assert SensitiveReview.objects.count() == 1


def test_repeatable_entries_are_checked_too(client, candidate):
    url = reverse("candidates:jobseeker_entry_add", kwargs={"kind": "werkervaring"})
    data = {"job_title": "Kok", "start_date": "01-01-2020",
            "description": "Gestopt vanwege mijn burn-out"}
    response = client.post(url, data)
    assert response.status_code == 200 and "<mark>" in response.content.decode()
    assert not WorkExperience.objects.exists()
    client.post(url, {**data, "sensitive": "confirm"})
    assert WorkExperience.objects.get().description == data["description"]
    assert SensitiveReview.objects.get().field == "work_experiences.description"


def test_a_cv_with_sensitive_data_waits_for_the_jobseeker(client, candidate):
    # Issue 13: a BSN is refused outright (below); other findings still wait for a choice.
    response = client.post(reverse("candidates:jobseeker_cv"),
                           {"cv": upload("cv.docx", docx_bytes("Gestopt door een burn-out"))})
    assert response.status_code == 200
    assert "<mark>burn-out</mark>" in response.content.decode()
    assert not Profile.objects.get(candidate=candidate).cv
    response = client.post(reverse("candidates:jobseeker_cv_confirm"), {"sensitive": "confirm"})
    assert response.status_code == 302
    assert Profile.objects.get(candidate=candidate).cv.name.endswith(".docx")
    assert SensitiveReview.objects.get(candidate=candidate).field == "cv"


def test_a_dropped_cv_is_not_kept_anywhere(client, candidate, settings):
    client.post(reverse("candidates:jobseeker_cv"),
                {"cv": upload("cv.docx", docx_bytes("Ik ben lid van de vakbond FNV"))})
    pending = settings.PRIVATE_MEDIA_ROOT / "pending" / str(candidate.pk)
    assert len(list(pending.iterdir())) == 1
    client.post(reverse("candidates:jobseeker_cv_confirm"), {"sensitive": "drop"})
    assert list(pending.iterdir()) == []
    assert not Profile.objects.get(candidate=candidate).cv
    # Confirming afterwards finds nothing.
    response = client.post(reverse("candidates:jobseeker_cv_confirm"), {"sensitive": "confirm"})
    assert response.status_code == 302 and not Profile.objects.get(candidate=candidate).cv


def test_a_clean_cv_is_saved_at_once(client, candidate):
    client.post(reverse("candidates:jobseeker_cv"), {"cv": upload("cv.pdf", pdf_bytes())})
    assert Profile.objects.get(candidate=candidate).cv


def test_a_session_cannot_confirm_another_candidates_pending_file(client, candidate):
    other = jobseeker()
    client.session  # noqa: B018
    session = client.session
    session["jobseeker_pending_cv"] = f"pending/{other.pk}/abc.pdf"
    session.save()
    client.post(reverse("candidates:jobseeker_cv_confirm"), {"sensitive": "confirm"})
    assert not Profile.objects.get(candidate=candidate).cv


def test_the_review_list_is_for_coaches_of_the_municipality_only(verified_client, client):
    candidate = jobseeker()
    review = sensitive_review_create(by=candidate.user, candidate=candidate,
                                     field="free_text", categories=["religion"])
    foreign = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"),
                          with_totp_device=True)
    foreign_client = verified_client(foreign)
    assert candidate.full_name not in foreign_client.get(
        reverse("candidates:sensitive_reviews")).content.decode()
    assert foreign_client.post(reverse("candidates:sensitive_review_resolve",
                                       kwargs={"pk": review.pk})).status_code == 404
    for role in (Role.ACCOUNT_MANAGER, Role.TEAM_LEAD):
        other_client = verified_client(UserFactory(role=role, with_totp_device=True))
        assert other_client.get(reverse("candidates:sensitive_reviews")).status_code == 403
    client.force_login(candidate.user)
    assert client.get(reverse("candidates:sensitive_reviews")).status_code == 403
    review.refresh_from_db()
    assert review.resolved_at is None


def test_one_open_review_per_field_gathers_the_categories():
    candidate = jobseeker()
    sensitive_review_create(by=candidate.user, candidate=candidate, field="free_text",
                            categories=["religion"])
    sensitive_review_create(by=candidate.user, candidate=candidate, field="free_text",
                            categories=["health"])
    review = SensitiveReview.objects.get()
    assert review.categories == ["health", "religion"]
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED).count() == 2


# --- a BSN is never published: refused with what to remove, no way to confirm it -------------

BSN_TEXT = "Mijn BSN is 1234.56.782, bel me gerust"


def test_a_cv_with_a_bsn_is_refused_and_the_jobseeker_is_told_where(client, candidate,
                                                                       settings):
    response = client.post(reverse("candidates:jobseeker_cv"),
                           {"cv": upload("cv.docx", docx_bytes(BSN_TEXT))})
    html = response.content.decode()
    assert response.status_code == 200
    assert "burgerservicenummer (BSN)" in html and "Haal dat nummer" in html
    assert "Mijn BSN is ••••••782" in html, "where it is, without repeating the number"
    assert "1234.56.782" not in html and "Toch" not in html
    assert not Profile.objects.get(candidate=candidate).cv
    assert not (settings.PRIVATE_MEDIA_ROOT / "pending").exists(), "not even kept pending"
    # Nothing to confirm afterwards.
    client.post(reverse("candidates:jobseeker_cv_confirm"), {"sensitive": "confirm"})
    assert not Profile.objects.get(candidate=candidate).cv


def test_free_text_with_a_bsn_is_refused_without_a_confirm_button(client, candidate):
    response = client.post(STEP, {"personal_description": BSN_TEXT, "sensitive": "confirm",
                                  "go": "next"})
    html = response.content.decode()
    assert response.status_code == 200 and "burgerservicenummer (BSN)" in html
    assert Profile.objects.get(candidate=candidate).personal_description == ""
    assert not SensitiveReview.objects.exists()


def test_an_entry_with_a_bsn_is_refused(client, candidate):
    url = reverse("candidates:jobseeker_entry_add", kwargs={"kind": "werkervaring"})
    response = client.post(url, {"job_title": "Kok", "start_date": "01-01-2020",
                                 "description": BSN_TEXT, "sensitive": "confirm"})
    assert response.status_code == 200 and "burgerservicenummer" in response.content.decode()
    assert not WorkExperience.objects.exists()


def test_the_services_refuse_a_bsn_whatever_the_page(candidate):
    from django.core.exceptions import ValidationError

    from candidates.profile_services import profile_update
    from candidates.services_messaging import message_send, thread_open

    profile = Profile.objects.get(candidate=candidate)
    with pytest.raises(ValidationError) as refused:
        profile_update(by=candidate.user, profile=profile, changes={"free_text": BSN_TEXT})
    assert "free_text" in refused.value.message_dict
    thread = thread_open(by=coach_of(candidate), candidate=candidate)
    with pytest.raises(ValidationError):
        message_send(by=candidate.user, thread=thread, body="Mijn BSN is 123456782")
    # A phone number or an IBAN is not a BSN.
    profile_update(by=candidate.user, profile=profile,
                   changes={"free_text": "Bel 06-12345678, IBAN NL91ABNA0417164300"})


def test_a_bsn_in_the_leave_note_is_refused_and_nothing_changes(client, candidate):
    coach_of(candidate)
    response = client.post(reverse("candidates:jobseeker_leave"),
                           {"note": "Mijn BSN is 123456782"})
    assert response.status_code == 200
    assert "burgerservicenummer" in response.content.decode()
    from candidates.models import Candidate

    assert Candidate.objects.get(pk=candidate.pk).leave_requested_at is None
