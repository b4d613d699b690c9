"""One completeness rule and one figure: the jobseeker's checks and the coach's stored score
agree on every kind of profile, and both pages show the same percentage."""

import datetime

import pytest
from django.urls import reverse

from candidates.completeness import CHECKS, profile_completeness, profile_with_filled_relations
from candidates.models import Education, LanguageSkill, Profile, WorkExperience
from candidates.models.completeness_rule import COMPLETENESS_MAX, completeness_score
from candidates.profile_services import profile_completeness_store
from hallowerk.models import Occupation, Sector
from hallowerk.roles import Role
from tests.backoffice.conftest import candidate_in, staff
from tests.candidates.jobseeker_helpers import place

pytestmark = pytest.mark.django_db


def _sql_score(profile: Profile) -> int:
    return Profile.objects.filter(pk=profile.pk).annotate(
        score=completeness_score()).values_list("score", flat=True).get()


def _full(profile: Profile) -> None:
    Profile.objects.filter(pk=profile.pk).update(
        place_of_residence=place("Utrecht"), transport=["bike"], personal_description="x",
        competences=["a"], professional_skills=["b"], kind_of_work="x",
        hours_per_week_max=20, physical_lifting=True, photo="p.jpg", cv="c.pdf")
    profile.refresh_from_db()
    profile.sectors.set(Sector.objects.all()[:1])
    profile.preferred_occupations.set(Occupation.objects.all()[:1])
    WorkExperience.objects.create(profile=profile, job_title="Kok",
                                  start_date=datetime.date(2020, 1, 1))
    Education.objects.create(profile=profile, name="Mbo", level="mbo_2")
    LanguageSkill.objects.create(profile=profile, language="nl", level="good")


def test_python_checks_and_stored_sql_agree_check_by_check():
    assert len(CHECKS) == COMPLETENESS_MAX
    profile = candidate_in(profile={"personal_description": "", "kind_of_work": ""}).profile
    assert _sql_score(profile) == len(profile_completeness(profile).done) == 0
    _full(profile)
    assert _sql_score(profile) == len(profile_completeness(profile).done) == COMPLETENESS_MAX
    # Take away one check at a time: both rules lose exactly that one.
    for undo in [dict(place_of_residence=None), dict(transport=[]), dict(photo=""),
                 dict(physical_lifting=None), dict(hours_per_week_max=None)]:
        Profile.objects.filter(pk=profile.pk).update(**undo)
        profile.refresh_from_db()
        assert _sql_score(profile) == len(profile_completeness(profile).done)
    profile.work_experiences.all().delete()
    profile.sectors.clear()
    assert _sql_score(profile) == len(profile_completeness(profile).done) == COMPLETENESS_MAX - 7


def _checks_done(profile: Profile) -> list[str]:
    return [check.key for check in profile_completeness(profile).done]


def test_the_one_query_profile_scores_like_the_plain_one_list_by_list(django_assert_num_queries):
    """The jobseeker's start page and overview read whether each list is filled together
    with the profile; that must give the same checks as asking list by list."""
    candidate = candidate_in(profile={"personal_description": "", "kind_of_work": ""})
    profile = candidate.profile
    _full(profile)
    emptied = [lambda: profile.sectors.clear(), lambda: profile.preferred_occupations.clear(),
               lambda: profile.work_experiences.all().delete(),
               lambda: profile.educations.all().delete(),
               lambda: profile.language_skills.all().delete()]
    for empty in [lambda: None, *emptied]:
        empty()
        plain = Profile.objects.get(pk=profile.pk)
        with django_assert_num_queries(1):
            scored = profile_with_filled_relations(candidate)
            done = _checks_done(scored)
        assert done == _checks_done(plain)
    assert len(done) == COMPLETENESS_MAX - 5


def test_jobseeker_and_coach_see_the_same_figure(verified_client):
    coach = staff(Role.COACH)
    candidate = candidate_in(responsible_coach=coach, last_name="Zelfde")
    profile = candidate.profile
    _full(profile)
    Profile.objects.filter(pk=profile.pk).update(cv="", photo="")
    profile.refresh_from_db()
    profile_completeness_store(profile)
    percent = profile_completeness(profile).percent
    assert percent == 87
    own = verified_client(candidate.user).get(reverse("candidates:jobseeker_home"))
    assert f"Uw profiel is voor {percent}% compleet" in own.content.decode()
    listed = verified_client(coach).get(reverse("candidates:coach_candidates"))
    assert f">{percent}%</td>" in listed.content.decode()
    assert "van 8" not in listed.content.decode()
