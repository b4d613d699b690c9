"""The pool table (matching/models/pool.py) is the link tables joined to the candidate,
whatever changes them, and ranking within a reach gives exactly the ranking without one."""

import random

import pytest
from django.db import connection

from candidates.models import Candidate, Profile
from employers.models import Vacancy
from hallowerk.models import Municipality
from matching import ranking, refresh
from matching.models import Audience, PoolEntry
from matching.scoring import Weights
from tests.factories import EmployerFactory, municipality
from tests.matching.builders import CODES, SECTORS, occupation, random_candidate, random_vacancy
from tests.matching.builders import sector as sector_named

pytestmark = pytest.mark.django_db

EVERYONE = 10_000


def _derived() -> set[tuple]:
    """What the pool should hold, computed from the link tables now."""
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT 1, l.occupation_id, l.profile_id, p.candidate_id, c.municipality_id,
                   c.sharing_scope = 'all'
            FROM candidates_profile_preferred_occupations l
            JOIN candidates_profile p ON p.id = l.profile_id
            JOIN candidates_candidate c ON c.id = p.candidate_id
            UNION ALL
            SELECT 2, l.sector_id, l.profile_id, p.candidate_id, c.municipality_id,
                   c.sharing_scope = 'all'
            FROM candidates_profile_sectors l
            JOIN candidates_profile p ON p.id = l.profile_id
            JOIN candidates_candidate c ON c.id = p.candidate_id""")
        return set(cursor.fetchall())


def _kept() -> set[tuple]:
    return set(PoolEntry.objects.values_list("kind", "ref_id", "profile_id", "candidate_id",
                                             "municipality_id", "shares_everywhere"))


@pytest.fixture
def country():
    rng = random.Random(5)
    places = [municipality("utrecht"), municipality("rotterdam"), Municipality.objects.create(
        name="Schiedam", slug="schiedam", labour_market_region="Rijnmond", theme="rotterdam")]
    people = [random_candidate(rng, candidate_fields={
        "shared_with_employers": rng.random() < 0.7,
        "sharing_scope": rng.choice(["region", "all"]), "municipality": here})
        for here in places for _ in range(20)]
    jobs = [random_vacancy(rng, employer=EmployerFactory(municipality=here))
            for here in places for _ in range(8)]
    return {"rng": rng, "places": places, "people": people, "jobs": jobs}


def test_the_pool_follows_every_change_to_links_and_candidates(country):
    rng, people, places = country["rng"], country["people"], country["places"]
    assert _kept() == _derived() and _kept()
    for person in rng.sample(people, 8):
        profile = Profile.objects.get(candidate=person)
        profile.preferred_occupations.set([occupation(code) for code in rng.sample(CODES, 2)])
        profile.sectors.add(sector_named(rng.choice(SECTORS)))
    Profile.objects.get(candidate=people[0]).sectors.clear()
    Profile.preferred_occupations.through.objects.filter(
        profile__candidate__in=people[1:3]).delete()
    Candidate.objects.filter(pk__in=[p.pk for p in people[3:6]]).update(
        municipality=places[2])
    Candidate.objects.filter(pk__in=[p.pk for p in people[6:12]]).update(sharing_scope="all")
    Candidate.objects.filter(pk=people[12].pk).update(sharing_scope="region")
    Candidate.objects.get(pk=people[13].pk).delete()
    assert _kept() == _derived()


@pytest.mark.parametrize("weights", [
    Weights.defaults(),
    Weights({"occupation": 10, "skills": 0, "sector": 1, "availability": 0, "travel": 1,
             "driving_licence": 0, "languages": 0, "physical": 0}),
])
@pytest.mark.parametrize("limit", [EVERYONE, 3])
def test_ranking_within_a_reach_equals_the_ranking_without_and_python(country, weights, limit):
    compared = 0
    for job in Vacancy.objects.select_related("occupation", "place").filter(
            pk__in=[j.pk for j in country["jobs"]]):
        for audience in Audience.values:
            scope = refresh.audience_scope(job, audience)
            within = ranking.candidate_rows_for_vacancy(
                vacancy=job, candidates=scope, weights=weights, limit=limit,
                reach=refresh.audience_reach(job, audience))
            anywhere = ranking.candidate_rows_for_vacancy(
                vacancy=job, candidates=scope, weights=weights, limit=limit)
            python = ranking.candidates_for_vacancy_naive(
                vacancy=job, candidates=scope, weights=weights, limit=limit)
            assert within == anywhere == [(r.candidate_id, r.num) for r in python], \
                (job.pk, audience)
            compared += len(within)
    assert compared > 40


def test_vacancies_within_the_municipality_equal_those_without(country):
    compared = 0
    for person in country["people"]:
        person = Candidate.objects.get(pk=person.pk)
        vacancies = Vacancy.objects.filter(municipality_id=person.municipality_id)
        weights = refresh.weights_of(person.municipality_id)
        within = ranking.vacancy_rows_for_candidate(
            candidate=person, vacancies=vacancies, weights=weights, limit=EVERYONE,
            municipality_id=person.municipality_id)
        assert within == ranking.vacancy_rows_for_candidate(
            candidate=person, vacancies=vacancies, weights=weights, limit=EVERYONE)
        compared += len(within)
    assert compared > 20
