"""Erase everything I entered (the dossier stays), and ask to leave the platform."""

import datetime
import os

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from candidates.models import (
    Candidate,
    Course,
    Education,
    LanguageSkill,
    Message,
    Profile,
    SearchDocument,
    SensitiveReview,
    VacancyResponse,
    WorkExperience,
)
from candidates.sensitive_reviews import sensitive_review_create
from hallowerk.roles import Role
from privacy.catalogue import FilledBy, specs_for
from privacy.erasure import candidate_entered_data_erase, candidate_leave_request
from privacy.models import AuditEvent
from tests.factories import UserFactory, municipality

from .jobseeker_helpers import (
    coach_of,
    docx_bytes,
    jobseeker,
    jpeg_bytes,
    occupation,
    pdf_bytes,
    place,
    published_vacancy,
    sector,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def full(client, django_capture_on_commit_callbacks):
    """A jobseeker who filled in everything, shares the profile, and has files."""
    candidate = jobseeker(client_number="KLANT-1", tg_banenafspraak=True, postcode="3511AB",
                          phone="0612345678", directly_approachable=True,
                          date_of_birth=datetime.date(1980, 1, 2))
    client.force_login(candidate.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("candidates:jobseeker_photo"), {"photo": upload("f.jpg",
                                                                             jpeg_bytes())})
        client.post(reverse("candidates:jobseeker_cv"), {"cv": upload("c.pdf", pdf_bytes())})
    profile = Profile.objects.get(candidate=candidate)
    Profile.objects.filter(pk=profile.pk).update(
        place_of_residence=place("Utrecht"), personal_description="Over mij",
        kind_of_work="Koken", competences=["Geduldig"], professional_skills=["Kassa"],
        what_suits_me="Rust", moodboard="Bloemen", video_url="https://youtu.be/x",
        social_links=["https://linkedin.com/in/x"], assessments="Test", free_text="Vrij",
        driving_licences=["B"], transport=["bike"], max_travel_km=10,
        available_from=datetime.date(2025, 1, 1), hours_per_week_min=8,
        hours_per_week_max=24, availability_notes="Overdag", physical_lifting=True)
    profile.refresh_from_db()
    profile.preferred_occupations.add(occupation())
    profile.sectors.add(sector())
    WorkExperience.objects.create(profile=profile, job_title="Kok",
                                  start_date=datetime.date(2020, 1, 1))
    Education.objects.create(profile=profile, name="Koken")
    Course.objects.create(profile=profile, name="VCA")
    LanguageSkill.objects.create(profile=profile, language="nl", level="good")
    from candidates.search_documents import profile_search_document_refresh

    profile_search_document_refresh(profile)
    candidate.shared_with_employers = True
    candidate.sharing_scope = "all"
    candidate.save()
    sensitive_review_create(by=candidate.user, candidate=candidate, field="free_text",
                            categories=["health"])
    return candidate


def test_erasure_removes_everything_entered_and_keeps_the_dossier(
        full, django_capture_on_commit_callbacks):
    profile = Profile.objects.get(candidate=full)
    paths = [profile.photo.path, profile.cv.path]
    assert all(os.path.exists(path) for path in paths)
    with django_capture_on_commit_callbacks(execute=True):
        counts = candidate_entered_data_erase(by=full.user, candidate=full)

    profile = Profile.objects.get(candidate=full)
    for spec in specs_for("candidates.Profile"):
        if spec.filled_by != FilledBy.JOBSEEKER:
            continue
        model_field = Profile._meta.get_field(spec.field)
        value = getattr(profile, spec.field)
        if model_field.many_to_many:
            assert not value.exists(), spec.field
        else:
            assert value in (None, "", []) or not value, spec.field
    # The sharing choice is theirs too and is reset: nothing is left for employers to find.
    assert not SearchDocument.objects.filter(candidate=full).exists()
    for model in (WorkExperience, Education, Course, LanguageSkill, SensitiveReview):
        assert not model.objects.exists(), model
    assert not any(os.path.exists(path) for path in paths)

    candidate = Candidate.objects.get(pk=full.pk)
    assert not candidate.shared_with_employers and candidate.sharing_scope == "region"
    assert (candidate.client_number, candidate.postcode, candidate.phone) == (
        "KLANT-1", "3511AB", "0612345678")
    assert candidate.tg_banenafspraak and candidate.date_of_birth == datetime.date(1980, 1, 2)
    assert candidate.user_id == full.user_id

    assert counts["work_experiences"] == 1 and counts["files"] == 2
    assert counts["profile_fields"] >= 20 and counts["sensitive_reviews"] == 1
    event = AuditEvent.objects.get(data__operation="entered_data_erased")
    assert event.actor == full.user and event.target_id == str(full.pk)
    assert "personal_description" in event.data["fields"]
    for content in ("Over mij", "Koken", "Geduldig", "Vrij", "youtu"):
        assert content not in str(event.data), content


def test_erasure_keeps_responses_but_not_the_jobseekers_words(full):
    # Issue 13: the record stays for the employer, the jobseeker's own text goes.
    vacancy = published_vacancy(full.municipality)
    VacancyResponse.objects.create(candidate=full, vacancy=vacancy, message="Graag!")
    candidate_entered_data_erase(by=full.user, candidate=full)
    assert VacancyResponse.objects.get().message == "verwijderd door de werkzoekende"


def test_erasure_through_the_page(client, full):
    url = reverse("candidates:jobseeker_erase")
    html = client.get(url).content.decode()
    assert "Dit wordt gewist" in html and "Dit blijft bewaard" in html
    assert "Werkervaring" in html and "Klantnummer" in html
    response = client.post(url, {})
    assert "Zet een vinkje" in response.content.decode()
    assert Profile.objects.get(candidate=full).kind_of_work == "Koken"
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    assert Profile.objects.get(candidate=full).kind_of_work == ""


def test_who_may_erase(full):
    for intruder in (jobseeker().user,
                     UserFactory(role=Role.COACH, municipality=municipality("rotterdam")),
                     UserFactory(role=Role.ACCOUNT_MANAGER, municipality=full.municipality),
                     UserFactory(employer_user=True)):
        with pytest.raises(PermissionDenied):
            candidate_entered_data_erase(by=intruder, candidate=full)
    assert Profile.objects.get(candidate=full).kind_of_work == "Koken"
    # The coach of the candidate's own municipality may, on the jobseeker's request.
    candidate_entered_data_erase(by=coach_of(full), candidate=full)
    assert Profile.objects.get(candidate=full).kind_of_work == ""


def test_a_pending_cv_is_removed_too(client, full, settings):
    client.post(reverse("candidates:jobseeker_cv"),
                {"cv": upload("cv.docx", docx_bytes("Ik ben moslim"))})
    pending = settings.PRIVATE_MEDIA_ROOT / "pending" / str(full.pk)
    assert len(list(pending.iterdir())) == 1
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        counts = candidate_entered_data_erase(by=full.user, candidate=full)
    assert counts["pending_uploads"] == 1 and list(pending.iterdir()) == []


# --- leaving ----------------------------------------------------------------------------

def test_asking_to_leave_stops_sharing_and_messages_the_coach(client, full,
                                                              django_capture_on_commit_callbacks):
    coach = coach_of(full)
    full.responsible_coach = coach
    full.save()
    url = reverse("candidates:jobseeker_leave")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"note": "Ik heb werk gevonden!"})
    assert response.status_code == 302
    candidate = Candidate.objects.get(pk=full.pk)
    assert candidate.leave_requested_at is not None and not candidate.shared_with_employers
    message = Message.objects.get(thread__candidate=full, thread__counterpart=coach)
    assert message.sender == full.user
    assert "Ik wil stoppen met HalloWerk" in message.body and "werk gevonden" in message.body
    assert mail.outbox[-1].to == [coach.email]
    assert "werk gevonden" not in mail.outbox[-1].body, "no content in notification mails"
    assert AuditEvent.objects.filter(data__operation="leave_requested").exists()
    html = client.get(url).content.decode()
    assert "in behandeling" in html
    # Asking again changes nothing.
    client.post(url, {"note": "nog eens"})
    assert Message.objects.count() == 1


def test_leaving_without_a_responsible_coach_goes_to_a_coach_of_the_municipality(full):
    coach = coach_of(full)
    candidate_leave_request(by=full.user, candidate=full)
    assert Message.objects.get().thread.counterpart == coach


def test_only_the_jobseeker_asks_to_leave(full):
    with pytest.raises(PermissionDenied):
        candidate_leave_request(by=coach_of(full), candidate=full)
    with pytest.raises(PermissionDenied):
        candidate_leave_request(by=jobseeker().user, candidate=full)
