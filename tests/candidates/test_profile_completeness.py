"""The coach's completeness score is stored on the profile by ONE rule: every kind of change
keeps it equal to the rule, erasure resets it, the backfill of the migration agrees, and the
coach's list filters on the stored column."""

import datetime
import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidates.models import Profile, WorkExperience
from candidates.models.completeness_rule import COMPLETENESS_MAX, completeness_score
from candidates.profile_services import (
    profile_entry_create,
    profile_photo_replace,
    profile_update,
)
from candidates.selectors_coach import coach_candidate_page
from candidates.uploads import photo_check
from hallowerk.roles import Role
from privacy.erasure import candidate_entered_data_erase
from tests.backoffice.conftest import staff
from tests.factories import CandidateFactory

from .jobseeker_helpers import jobseeker, jpeg_bytes, place, upload

pytestmark = pytest.mark.django_db
FULL = {"personal_description": "Over mij", "kind_of_work": "Koken",
        "competences": ["Geduldig"], "professional_skills": ["Kassa"],
        "available_from": datetime.date(2025, 1, 1), "hours_per_week_max": 24,
        "transport": ["bike"]}


def computed(profile: Profile) -> int:
    return Profile.objects.filter(pk=profile.pk).annotate(
        score=completeness_score()).values_list("score", flat=True).get()


def stored(profile: Profile) -> int:
    return Profile.objects.values_list("completeness", flat=True).get(pk=profile.pk)


@pytest.fixture
def profile():
    return Profile.objects.get(candidate=jobseeker())


def test_profile_update_stores_the_computed_score(profile):
    assert stored(profile) == computed(profile) == 0
    profile_update(by=profile.candidate.user, profile=profile,
                   changes={"kind_of_work": "Koken", "competences": ["Geduldig"]})
    assert stored(profile) == computed(profile) == profile.completeness == 2
    profile_update(by=profile.candidate.user, profile=profile,
                   changes={**FULL, "place_of_residence": place("Utrecht")})
    assert stored(profile) == computed(profile) == 7
    profile_update(by=profile.candidate.user, profile=profile,
                   changes={"transport": [], "kind_of_work": ""})
    assert stored(profile) == computed(profile) == 5


def test_entries_and_photo_keep_the_stored_score(profile):
    Profile.objects.filter(pk=profile.pk).update(**FULL)  # behind the services' back
    profile.refresh_from_db()
    profile_entry_create(by=profile.candidate.user, profile=profile, model=WorkExperience,
                         values={"job_title": "Kok", "start_date": datetime.date(2020, 1, 1)})
    assert stored(profile) == computed(profile) == 7
    Profile.objects.filter(pk=profile.pk).update(transport=[])
    profile.refresh_from_db()
    profile_photo_replace(by=profile.candidate.user, profile=profile,
                          checked=photo_check(upload("f.jpg", jpeg_bytes())))
    assert stored(profile) == computed(profile) == 7


def test_erasure_resets_the_stored_score(profile):
    profile_update(by=profile.candidate.user, profile=profile, changes=FULL)
    assert stored(profile) == 6
    candidate_entered_data_erase(by=profile.candidate.user, candidate=profile.candidate)
    assert stored(profile) == computed(profile) == 0


def test_the_database_refuses_a_score_out_of_range(profile):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.filter(pk=profile.pk).update(completeness=COMPLETENESS_MAX + 1)


def test_the_migration_rescores_by_the_one_rule():
    migration = importlib.import_module(
        "candidates.migrations.0012_u_texts_and_one_completeness_rule")
    fillings = [{}, {"kind_of_work": "x"}, {"personal_description": "x", "transport": ["bike"]},
                {**FULL, "place_of_residence": place("Utrecht")},
                {"competences": ["a"], "professional_skills": ["b"], "hours_per_week_max": 8}]
    profiles = []
    for filling in fillings:
        profile = Profile.objects.get(candidate=jobseeker())
        Profile.objects.filter(pk=profile.pk).update(
            **{"personal_description": "", "kind_of_work": "", "completeness": 0, **filling})
        profiles.append(profile)
    migration.completeness_by_the_one_rule(None, None)
    assert [stored(p) for p in profiles] == [computed(p) for p in profiles] == [0, 1, 2, 7, 3]


def test_the_coach_list_filters_and_shows_the_stored_column():
    coach = staff(Role.COACH)
    candidate = CandidateFactory(municipality=coach.municipality, last_name="Opgeslagen")
    # Stored 3 while the columns alone would score 0: the list must read the stored value.
    Profile.objects.create(candidate=candidate, kind_of_work="", personal_description="",
                           completeness=3)
    empty = CandidateFactory(municipality=coach.municipality, last_name="Leeg")
    Profile.objects.create(candidate=empty)

    def listed(bucket):
        with CaptureQueriesContext(connection) as queries:
            page = coach_candidate_page(viewer=coach, filters={"completeness": bucket},
                                        page_number=1, per_page=25)
        return {row.candidate.pk: row.completeness for row in page.object_list}, queries

    started, queries = listed("started")
    assert started == {candidate.pk: 3}
    assert '"completeness"' in queries[0]["sql"] and "CASE" not in queries[0]["sql"]
    assert listed("empty")[0] == {empty.pk: 0}
    assert listed("complete")[0] == {}


def test_the_migration_gives_a_dossier_without_profile_an_empty_one():
    from django.apps import apps

    migration = importlib.import_module(
        "candidates.migrations.0005_profile_stored_completeness")
    bare = CandidateFactory()
    migration.empty_profiles_create(apps, None)
    assert Profile.objects.get(candidate=bare).completeness == 0
