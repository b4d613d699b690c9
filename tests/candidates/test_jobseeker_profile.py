"""The profile in steps: saving, validation in plain Dutch, audit, search document."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from candidates.completeness import CHECKS, profile_completeness
from candidates.forms.steps import STEPS
from candidates.models import Candidate, LanguageSkill, Profile, SearchDocument, WorkExperience
from candidates.profile_services import profile_entry_create, profile_update
from privacy.catalogue import FilledBy, specs_for
from privacy.models import AuditAction, AuditEvent
from tests.factories import UserFactory

from .jobseeker_helpers import jobseeker, occupation, place

pytestmark = pytest.mark.django_db


def step_url(slug):
    return reverse("candidates:jobseeker_step", kwargs={"slug": slug})


@pytest.fixture
def candidate(client):
    candidate = jobseeker()
    client.force_login(candidate.user)
    return candidate


def test_every_profile_field_the_jobseeker_fills_is_on_a_step():
    on_steps = {field for step in STEPS for field in step.profile_fields}
    entered = {spec.field for spec in specs_for("candidates.Profile")
               if spec.filled_by == FilledBy.JOBSEEKER}
    assert entered - on_steps == set()
    entry_steps = {step.entry_kind.model._meta.label for step in STEPS if step.entry_kind}
    assert entry_steps == {"candidates.WorkExperience", "candidates.Education",
                           "candidates.Course", "candidates.LanguageSkill"}


def test_every_completeness_check_points_to_a_step():
    assert {check.step for check in CHECKS} <= {step.slug for step in STEPS}


def test_saving_a_step_stores_audits_field_names_and_refreshes_search(client, candidate):
    response = client.post(step_url("over-mij"), {
        "personal_description": "Ik werk graag buiten.",
        "competences": "Geduldig\nOp tijd, Vriendelijk",
        "professional_skills": "Heftruck rijden", "go": "next"})
    assert response.status_code == 302
    assert response["Location"] == step_url("werk-dat-past")
    profile = Profile.objects.get(candidate=candidate)
    assert profile.competences == ["Geduldig", "Op tijd", "Vriendelijk"]
    # Not shared yet: employers cannot find the profile, so it has no search document.
    assert not SearchDocument.objects.filter(candidate=candidate).exists()
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED, target_id=str(profile.pk))
    assert event.actor == candidate.user
    assert event.data == {"fields": ["competences", "personal_description",
                                     "professional_skills"]}
    assert "buiten" not in str(event.data), "values never go into the audit log"


def test_saving_without_changes_writes_no_audit_event(client, candidate):
    client.post(step_url("beschikbaarheid"), {"go": "stay"})
    assert not AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED).exists()


def test_invalid_date_and_hours_are_explained_and_other_input_is_kept(client, candidate):
    response = client.post(step_url("beschikbaarheid"), {
        "available_from": "31-02-2025", "hours_per_week_min": "32",
        "hours_per_week_max": "20", "availability_notes": "Alleen overdag"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze datum bestaat niet" in html
    assert "Het maximum is lager dan het minimum" in html
    assert "Alleen overdag" in html and 'value="32"' in html
    assert Profile.objects.get(candidate=candidate).availability_notes == ""


def test_dates_are_read_day_month_year(client, candidate):
    client.post(step_url("beschikbaarheid"), {"available_from": "1-9-2025"})
    assert Profile.objects.get(candidate=candidate).available_from == datetime.date(2025, 9, 1)


def test_a_known_place_is_resolved_and_an_unknown_one_gets_suggestions(client, candidate):
    client.post(step_url("woonplaats-en-reizen"), {
        "place_of_residence": "utrecht", "transport": ["bike"], "max_travel_km": "15"})
    profile = Profile.objects.get(candidate=candidate)
    assert profile.place_of_residence == place("Utrecht")
    assert profile.transport == ["bike"]
    response = client.post(step_url("woonplaats-en-reizen"), {
        "place_of_residence": "Utrechtt", "max_travel_km": "20"})
    html = response.content.decode()
    assert "We kennen deze plaats niet. Bedoelt u: Utrecht" in html
    assert 'value="Utrechtt"' in html and 'value="20"' in html


def test_physical_answers_can_cannot_or_rather_not_say(client, candidate):
    client.post(step_url("lichamelijk-werk"), {"physical_lifting": "no",
                                               "physical_standing": "yes",
                                               "physical_bending": ""})
    profile = Profile.objects.get(candidate=candidate)
    assert profile.physical_lifting is False and profile.physical_standing is True
    assert profile.physical_bending is None
    html = client.get(step_url("lichamelijk-werk")).content.decode()
    assert "diagnose" in html


def test_links_are_checked_one_by_one(client, candidate):
    response = client.post(step_url("meer-over-mij"), {
        "social_links": "www.linkedin.com/in/voorbeeld\nniet een link", "free_text": "Hallo"})
    assert "is geen werkende link" in response.content.decode()
    client.post(step_url("meer-over-mij"), {"social_links": "www.linkedin.com/in/voorbeeld"})
    assert Profile.objects.get(candidate=candidate).social_links == [
        "https://www.linkedin.com/in/voorbeeld"]


def test_too_long_text_is_refused_not_cut(client, candidate):
    response = client.post(step_url("over-mij"), {"personal_description": "a" * 3001})
    assert "Deze tekst is te lang" in response.content.decode()
    assert Profile.objects.get(candidate=candidate).personal_description == ""


def test_sectors_and_occupations(client, candidate):
    from hallowerk.models import Sector

    horeca = Sector.objects.get(code="horeca")
    client.post(step_url("werk-dat-past"), {"sectors": [horeca.pk], "kind_of_work": "Koken"})
    profile = Profile.objects.get(candidate=candidate)
    assert list(profile.sectors.all()) == [horeca]

    cook = occupation()
    html = client.get(step_url("beroepen"), {"zoek": "keuken"}).content.decode()
    assert "Keukenhulp" in html
    response = client.post(reverse("candidates:jobseeker_occupation_add"),
                           {"occupation": cook.pk, "zoek": "keuken"})
    assert response.status_code == 302 and "zoek=keuken" in response["Location"]
    assert list(profile.preferred_occupations.all()) == [cook]
    assert not SearchDocument.objects.filter(candidate=candidate).exists()
    Candidate.objects.filter(pk=candidate.pk).update(shared_with_employers=True)
    client.post(reverse("candidates:jobseeker_occupation_remove"), {"occupation": cook.pk})
    client.post(reverse("candidates:jobseeker_occupation_add"), {"occupation": cook.pk})
    assert "keukenhulp" in SearchDocument.objects.get(candidate=candidate).document
    client.post(reverse("candidates:jobseeker_occupation_remove"), {"occupation": cook.pk})
    assert not profile.preferred_occupations.exists()
    assert client.post(reverse("candidates:jobseeker_occupation_add"),
                       {"occupation": "abc"}).status_code == 404
    assert client.get(reverse("candidates:jobseeker_occupation_add")).status_code == 405


# --- repeatable entries -----------------------------------------------------------------

def entry_url(name, kind, pk=None):
    kwargs = {"kind": kind} if pk is None else {"kind": kind, "pk": pk}
    return reverse(f"candidates:jobseeker_{name}", kwargs=kwargs)


def test_work_experience_add_edit_delete(client, candidate):
    response = client.post(entry_url("entry_add", "werkervaring"), {
        "job_title": "Afwasser", "employer_name": "De Lepel", "start_date": "01-03-2019",
        "end_date": "", "description": "Afwassen en schoonmaken"})
    assert response.status_code == 302
    entry = WorkExperience.objects.get(profile__candidate=candidate)
    assert entry.start_date == datetime.date(2019, 3, 1) and entry.end_date is None
    client.post(entry_url("entry_edit", "werkervaring", entry.pk), {
        "job_title": "Kok", "start_date": "01-03-2019", "end_date": "31-12-2021"})
    entry.refresh_from_db()
    assert entry.job_title == "Kok" and entry.end_date == datetime.date(2021, 12, 31)
    html = client.get(step_url("werkervaring")).content.decode()
    assert "Kok" in html
    assert client.get(entry_url("entry_delete", "werkervaring", entry.pk)).status_code == 200
    client.post(entry_url("entry_delete", "werkervaring", entry.pk))
    assert not WorkExperience.objects.exists()
    operations = list(AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED)
                      .values_list("data", flat=True))
    assert {"fields": ["work_experiences"], "operation": "entry_deleted"} in operations


def test_an_empty_required_field_is_explained_and_the_rest_is_kept(client, candidate):
    response = client.post(entry_url("entry_add", "werkervaring"), {
        "job_title": "", "employer_name": "Bakkerij Brood", "start_date": "32-13-2020",
        "description": "Brood bakken"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul in wat voor werk het was" in html
    assert "Deze datum bestaat niet" in html
    assert "Bakkerij Brood" in html and "Brood bakken" in html and "32-13-2020" in html
    assert not WorkExperience.objects.exists()


def test_work_cannot_end_before_it_starts(client, candidate):
    response = client.post(entry_url("entry_add", "werkervaring"), {
        "job_title": "Kok", "start_date": "01-03-2020", "end_date": "01-03-2019"})
    assert "U stopte voordat u begon" in response.content.decode()


def test_a_language_only_once(client, candidate):
    client.post(entry_url("entry_add", "talen"), {"language": "nl", "level": "good"})
    response = client.post(entry_url("entry_add", "talen"), {"language": "nl",
                                                            "level": "basic"})
    assert "Deze taal staat al in uw profiel" in response.content.decode()
    assert LanguageSkill.objects.count() == 1


def test_education_and_course(client, candidate):
    client.post(entry_url("entry_add", "opleidingen"), {
        "name": "Koken", "level": "mbo_2", "completed": "on", "year": "2018"})
    client.post(entry_url("entry_add", "cursussen"), {"name": "VCA", "year": "2022"})
    profile = Profile.objects.get(candidate=candidate)
    assert profile.educations.get().completed is True
    assert profile.courses.get().name == "VCA"
    response = client.post(entry_url("entry_add", "cursussen"), {"name": "X", "year": "22"})
    assert "Vul een jaartal in vanaf 1940" in response.content.decode()


def test_another_jobseekers_entry_is_404(client, candidate):
    other = jobseeker()
    entry = WorkExperience.objects.create(profile=other.profile, job_title="Geheim",
                                          start_date=datetime.date(2020, 1, 1))
    for name in ("entry_edit", "entry_delete"):
        assert client.get(entry_url(name, "werkervaring", entry.pk)).status_code == 404
        assert client.post(entry_url(name, "werkervaring", entry.pk),
                           {"job_title": "Gehackt", "start_date": "01-01-2020"}
                           ).status_code == 404
    # The right id under the wrong kind is not found either.
    assert client.get(entry_url("entry_edit", "opleidingen", entry.pk)).status_code == 404
    entry.refresh_from_db()
    assert entry.job_title == "Geheim"


def test_services_refuse_anyone_but_the_owner():
    candidate = jobseeker()
    profile = candidate.profile
    for intruder in (jobseeker().user, UserFactory(role="coach",
                                                   municipality=candidate.municipality)):
        with pytest.raises(PermissionDenied):
            profile_update(by=intruder, profile=profile, changes={"free_text": "x"})
        with pytest.raises(PermissionDenied):
            profile_entry_create(by=intruder, profile=profile, model=WorkExperience,
                                 values={"job_title": "x", "start_date": datetime.date.today()})


def test_completeness_grows_and_explains_what_is_missing(client, candidate):
    profile = Profile.objects.get(candidate=candidate)
    before = profile_completeness(profile)
    assert before.percent == 0 and all(check.why for check in before.missing)
    client.post(step_url("over-mij"), {"personal_description": "Hallo",
                                       "competences": "Geduldig"})
    after = profile_completeness(Profile.objects.get(candidate=candidate))
    assert after.percent > before.percent
    html = client.get(reverse("candidates:jobseeker_profile")).content.decode()
    assert f"{after.percent}%" in html and "Werkervaring" in html


def test_a_step_page_scores_the_lists_as_they_are_after_a_save(client, candidate):
    """Step pages read whether each list is filled together with the profile: a save
    redirects, and the next page counts the sector just chosen; a refused save (hours the
    wrong way round) changes nothing and shows the same score."""
    from hallowerk.models import Sector

    def done_on(slug):
        page = client.get(step_url(slug))
        return {check.key for check in page.context["completeness"].done}

    assert "sectors" not in done_on("werk-dat-past")
    saved = client.post(step_url("werk-dat-past"),
                        {"kind_of_work": "Koken", "sectors": [Sector.objects.first().pk]},
                        follow=True)
    assert {"sectors", "kind_of_work"} <= {c.key for c in saved.context["completeness"].done}
    refused = client.post(step_url("beschikbaarheid"),
                          {"hours_per_week_min": "30", "hours_per_week_max": "10"})
    assert refused.status_code == 200
    assert {c.key for c in refused.context["completeness"].done} == done_on("beschikbaarheid")
