"""A candidate with something in every table the catalogue names, for retention, export and
erasure tests. Every text the candidate owns carries `marker`, so a test can search every
table for leftovers."""

import datetime

from axes.models import AccessLog
from django.core.files.base import ContentFile
from django.utils import timezone

from candidates.models import (
    ContactRequest,
    Course,
    Education,
    LanguageSkill,
    Message,
    SensitiveReview,
    Thread,
    VacancyResponse,
    WorkExperience,
)
from hallowerk.models import Invitation
from hallowerk.models.invitations import new_token, token_digest
from hallowerk.roles import Role
from privacy.audit import audit_changed, audit_profile_viewed
from privacy.models import TipPreference, TipSend
from tests.factories import (
    CandidateFactory,
    ProfileFactory,
    UserFactory,
    VacancyFactory,
    municipality,
)


def full_candidate(marker="Zqx", *, slug="utrecht", coach=None, ended_on=None, end_reason="",
                   esf_programme_end=None, files=True):
    place = municipality(slug)
    coach = coach or UserFactory(role=Role.COACH, municipality=place)
    candidate = CandidateFactory(
        municipality=place, responsible_coach=coach, client_number=f"{marker}-K1",
        user__first_name=f"{marker}voornaam", user__last_name=f"{marker}achternaam",
        user__email=f"{marker.lower()}@example.nl", phone="0612345678", postcode="3511AB",
        date_of_birth=datetime.date(1990, 5, 17), shared_with_employers=True,
        directly_approachable=True, hidden_by_staff=True, hidden_reason=f"{marker} reden",
        hidden_at=timezone.now(), hidden_by=coach)
    user = candidate.user
    Invitation.objects.create(user=user, role=Role.JOBSEEKER, token_hash=token_digest(new_token()),
                              invited_by=coach, expires_at=timezone.now()
                              + datetime.timedelta(days=14), accepted_at=timezone.now())
    profile = ProfileFactory(candidate=candidate, personal_description=f"{marker} over mij",
                             kind_of_work=f"{marker} werk", competences=[f"{marker}talent"],
                             free_text=f"{marker} vrije tekst", physical_lifting=True)
    if files:
        profile.photo.save("foto.jpg", ContentFile(b"\xff\xd8\xff" + marker.encode()), save=False)
        profile.cv.save("cv.pdf", ContentFile(b"%PDF-1.4 " + marker.encode()), save=False)
        profile.save()
    WorkExperience.objects.create(profile=profile, job_title=f"{marker} kok",
                                  employer_name=f"{marker} restaurant",
                                  start_date=datetime.date(2015, 1, 1),
                                  description=f"{marker} koken")
    Education.objects.create(profile=profile, name=f"{marker} opleiding", institution="ROC")
    Course.objects.create(profile=profile, name=f"{marker} cursus")
    LanguageSkill.objects.create(profile=profile, language="nl", level="fluent_native")
    employer_user = UserFactory(employer_user=True, municipality=place,
                                employer__municipality=place, with_totp_device=True)
    thread = Thread.objects.create(candidate=candidate, counterpart=employer_user,
                                   employer=employer_user.employer)
    Message.objects.create(thread=thread, sender=user, body=f"{marker} bericht van mij")
    Message.objects.create(thread=thread, sender=employer_user, body=f"{marker} antwoord")
    vacancy = VacancyFactory(employer=employer_user.employer)
    ContactRequest.objects.create(candidate=candidate, requested_by=employer_user,
                                  employer=employer_user.employer, vacancy=vacancy,
                                  message=f"{marker} verzoek")
    VacancyResponse.objects.create(candidate=candidate, vacancy=vacancy,
                                   message=f"{marker} reactie")
    SensitiveReview.objects.create(candidate=candidate, field="free_text",
                                   categories=["health"])
    TipPreference.objects.create(user=user)
    TipSend.objects.create(user=user, kind=TipSend.Kind.EMPTY_PROFILE,
                           status=TipSend.Status.SENT, sent_at=timezone.now())
    audit_profile_viewed(viewer=employer_user, candidate=candidate)
    audit_changed(actor=coach, target=candidate, fields=["phone"])
    AccessLog.objects.create(username=user.email, ip_address="192.0.2.1", user_agent="test")
    if ended_on is not None:
        end(candidate, ended_on=ended_on, end_reason=end_reason or "ended",
            esf_programme_end=esf_programme_end)
    candidate.refresh_from_db()
    return candidate


def end(candidate, *, ended_on, end_reason="ended", esf_programme_end=None):
    """End the dossier directly (the service refuses dates the tests need, e.g. in the past
    beyond the frozen clock); the service itself is tested elsewhere."""
    type(candidate).objects.filter(pk=candidate.pk).update(
        dossier_ended_on=ended_on, end_reason=end_reason, esf_programme_end=esf_programme_end,
        is_active=False)
    candidate.refresh_from_db()
    return candidate
