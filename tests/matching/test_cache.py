"""The kept ranked lists (matching/models/cache.py) give exactly the exact ranking: for every
viewer of every vacancy and every candidate, after profiles, sharing, status and vacancies
change (once the sweep ran), and a candidate who leaves a scope is gone at once."""

import random

import pytest
from django.utils import timezone

from candidates.models import Candidate
from candidates.profile_services import profile_update
from candidates.services import candidate_hide, candidate_set_inactive, candidate_share
from employers.models import Vacancy
from employers.services import vacancy_close, vacancy_update
from hallowerk.models import Municipality
from hallowerk.roles import Role
from matching import cache, ranking, refresh
from matching.features import CANDIDATE_PREFETCH, CANDIDATE_SELECT
from matching.models import CandidateRanking, MatchingChange, VacancyRanking
from matching.selectors import weights_for
from tests.factories import EmployerFactory, UserFactory, municipality
from tests.matching.builders import CODES, occupation, place, random_candidate, random_vacancy

pytestmark = pytest.mark.django_db

LIMIT = 4  # with lists of DEPTH 7, so lists run out, get cut and get refilled


@pytest.fixture
def small_lists(monkeypatch):
    monkeypatch.setattr(refresh, "DEPTH", 7)
    monkeypatch.setattr(refresh, "REFILL_BELOW", 5)


@pytest.fixture
def country():
    """Utrecht, Rotterdam and Schiedam (Rotterdam's region); people sharing with the region,
    with everyone, or not at all; an employer and an account manager in each."""
    rng = random.Random(11)
    places = [municipality("utrecht"), municipality("rotterdam"), Municipality.objects.create(
        name="Schiedam", slug="schiedam", labour_market_region="Rijnmond", theme="rotterdam")]
    people = [random_candidate(rng, candidate_fields={
        "shared_with_employers": rng.random() < 0.7,
        "sharing_scope": rng.choice(["region", "all"]), "municipality": here})
        for here in places for _ in range(25)]
    employers = {here.pk: EmployerFactory(municipality=here) for here in places}
    jobs = [random_vacancy(rng, employer=employers[here.pk]) for here in places
            for _ in range(8)]
    viewers = {here.pk: {
        "manager": UserFactory(role=Role.ACCOUNT_MANAGER, municipality=here),
        "employer": UserFactory(role=Role.EMPLOYER, employer=employers[here.pk],
                                municipality=here),
        "coach": UserFactory(role=Role.COACH, municipality=here)} for here in places}
    return {"rng": rng, "people": people, "jobs": jobs, "viewers": viewers}


def _candidate(pk):
    return (Candidate.objects.select_related(*CANDIDATE_SELECT, "municipality", "user")
            .prefetch_related(*CANDIDATE_PREFETCH).get(pk=pk))


def assert_all_exact(country, limit=LIMIT):
    compared = 0
    for job in Vacancy.objects.select_related("employer", "municipality", "occupation",
                                               "place").filter(pk__in=[j.pk for j in
                                                                       country["jobs"]]):
        weights = weights_for(job.municipality)
        for role in ("manager", "employer"):
            viewer = country["viewers"][job.municipality_id][role]
            got, _as_of = cache.candidate_ids(viewer=viewer, vacancy=job, weights=weights,
                                              limit=limit)
            expected = ranking.candidate_ids_for_vacancy(
                vacancy=job, candidates=Candidate.objects.visible_to(viewer), weights=weights,
                limit=limit)
            assert got == expected, (job.pk, role)
            compared += len(got)
    for person in country["people"]:
        person = _candidate(person.pk)
        for viewer in (person.user, country["viewers"][person.municipality_id]["coach"]):
            scope = Vacancy.objects.visible_to(viewer).filter(
                municipality_id=person.municipality_id)
            got, _as_of = cache.vacancies(candidate=person, scope=scope, limit=limit)
            expected = ranking.vacancy_ids_for_candidate(
                candidate=person, vacancies=scope, weights=weights_for(person.municipality),
                limit=limit)
            assert [v.pk for v in got] == expected, person.pk
            compared += len(got)
    assert compared > 100  # the country is not empty


def test_kept_lists_equal_the_exact_ranking_for_every_viewer(country, small_lists):
    assert_all_exact(country)  # the first read computes the lists
    assert CandidateRanking.objects.count() == 2 * len(country["jobs"])
    assert_all_exact(country)  # the second reads them
    assert_all_exact(country, limit=ranking.SUGGESTION_LIMIT)


def test_after_profile_sharing_and_status_changes_the_sweep_makes_them_exact_again(
        country, small_lists):
    assert_all_exact(country)
    rng, people = country["rng"], country["people"]
    changed_at = timezone.now()
    for person in rng.sample(people, 20):
        profile = person.profile
        profile_update(by=person.user, profile=profile, changes={
            "preferred_occupations": [occupation(code) for code in rng.sample(CODES, 2)],
            "competences": rng.sample(["Koken", "heftruck", "Excel", "kassa"], 2),
            "place_of_residence": place(rng.choice(["Utrecht", "Rotterdam", "Gouda"])),
            "max_travel_km": rng.choice([None, 10, 60])})
    for person in rng.sample(people, 10):
        candidate_share(by=person.user, candidate=person, shared=rng.random() < 0.5,
                        scope=rng.choice(["region", "all"]))
    coach = country["viewers"]
    for person in rng.sample(people, 4):
        candidate_hide(by=coach[person.municipality_id]["coach"], candidate=person,
                       reason="Onjuist")
    for person in rng.sample(people, 4):
        candidate_set_inactive(by=coach[person.municipality_id]["coach"], candidate=person)
    assert MatchingChange.objects.exists()
    # Until the sweep ran, the page says the list is from before the changes.
    job = Vacancy.objects.select_related("employer", "municipality", "occupation", "place") \
        .get(pk=country["jobs"][0].pk)
    _ids, as_of = cache.candidate_ids(viewer=coach[job.municipality_id]["manager"], vacancy=job,
                                      weights=weights_for(job.municipality))
    assert as_of <= changed_at + (timezone.now() - changed_at)  # not later than the change
    assert as_of <= MatchingChange.objects.order_by("recorded_at").first().recorded_at

    assert refresh.ranking_changes_apply() > 0
    assert not MatchingChange.objects.exists()
    assert_all_exact(country)
    assert_all_exact(country, limit=ranking.SUGGESTION_LIMIT)


def test_after_vacancies_change_the_sweep_makes_them_exact_again(country, small_lists):
    assert_all_exact(country)
    rng = country["rng"]
    for job in rng.sample(country["jobs"], 6):
        manager = country["viewers"][job.municipality_id]["manager"]
        vacancy_update(by=manager, vacancy=job, fields={
            "occupation": occupation(rng.choice(CODES)), "skills": ["koken", "kassa"],
            "required_driving_licence": rng.choice(["", "B"])})
    for job in country["jobs"][:3]:
        vacancy_close(by=country["viewers"][job.municipality_id]["manager"],
                      vacancy=Vacancy.objects.get(pk=job.pk))
    refresh.ranking_changes_apply()
    assert_all_exact(country)
    # Published anew: the sweep ranks the new vacancy and moves it into people's lists.
    employer = EmployerFactory(municipality=municipality("utrecht"))
    new = random_vacancy(rng, employer=employer)
    refresh.ranking_change_record(vacancy_id=new.pk)
    refresh.ranking_changes_apply()
    assert CandidateRanking.objects.filter(vacancy=new).count() == 2
    assert VacancyRanking.objects.filter(vacancy_ids__contains=[new.pk]).exists()
    assert_all_exact(country)


def test_who_stops_sharing_is_gone_at_once_before_any_sweep(country):
    job = next(j for j in country["jobs"] if j.municipality.slug == "rotterdam")
    job = Vacancy.objects.select_related("employer", "municipality", "occupation",
                                         "place").get(pk=job.pk)
    employer = country["viewers"][job.municipality_id]["employer"]
    weights = weights_for(job.municipality)
    ids, _as_of = cache.candidate_ids(viewer=employer, vacancy=job, weights=weights)
    assert ids
    leaving = Candidate.objects.get(pk=ids[0])
    candidate_share(by=leaving.user, candidate=leaving, shared=False)
    after, _as_of = cache.candidate_ids(viewer=employer, vacancy=job, weights=weights)
    assert leaving.pk not in after
    assert after == ranking.candidate_ids_for_vacancy(
        vacancy=job, candidates=Candidate.objects.visible_to(employer), weights=weights)


def test_weighting_change_forgets_the_municipalitys_lists(country):
    from matching.services import weights_update

    assert_all_exact(country, limit=ranking.SUGGESTION_LIMIT)
    utrecht = municipality("utrecht")
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=utrecht)
    weights_update(by=admin, values={"occupation": 1, "skills": 10, "sector": 0,
                                     "availability": 7, "travel": 10, "driving_licence": 0,
                                     "languages": 3, "physical": 9})
    assert not CandidateRanking.objects.filter(vacancy__municipality=utrecht).exists()
    assert not VacancyRanking.objects.filter(candidate__municipality=utrecht).exists()
    assert_all_exact(country, limit=ranking.SUGGESTION_LIMIT)
