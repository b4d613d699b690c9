"""The SQL ranking is the Python reference, computed in PostgreSQL: same rows, same order,
same points — checked on random worlds in both directions."""

import random

import pytest

from candidates.models import Candidate
from employers.models import Vacancy
from matching import ranking, sql
from matching.features import candidate_features, vacancy_features
from matching.scoring import Weights
from tests.matching.builders import random_candidate, random_vacancy

pytestmark = pytest.mark.django_db

ALL = 10_000  # larger than the world: compares the whole ranking, not only the top


@pytest.fixture
def world():
    rng = random.Random(8)
    candidates = [random_candidate(rng) for _ in range(70)]
    vacancies = [random_vacancy(rng) for _ in range(40)]
    return candidates, vacancies


@pytest.mark.parametrize("limit", [ALL, 1, 3, 8])
@pytest.mark.parametrize("weights", [
    Weights.defaults(),
    Weights({"occupation": 1, "skills": 10, "sector": 0, "availability": 7, "travel": 10,
             "driving_licence": 0, "languages": 3, "physical": 9}),
    Weights({"occupation": 10, "skills": 0, "sector": 1, "availability": 0, "travel": 1,
             "driving_licence": 0, "languages": 0, "physical": 0}),
])
def test_candidates_for_vacancy_sql_equals_python(world, weights, limit):
    """Also with small limits, where those who came in by sector alone may be skipped."""
    _candidates, vacancies = world
    compared = 0
    for vacancy in vacancies:
        expected = ranking.candidates_for_vacancy_naive(
            vacancy=vacancy, candidates=Candidate.objects.all(), weights=weights, limit=limit)
        rows = ranking._fetch(sql.candidates_for_vacancy(
            vacancy_features(vacancy), weights,
            ranking.matchable_candidates(Candidate.objects.all()), limit))
        assert [(r.candidate_id, r.num) for r in expected] == [tuple(row) for row in rows], \
            vacancy.pk
        compared += len(rows)
    assert compared >= min(limit, 5) * 10  # the world is not empty


@pytest.mark.parametrize("weights", [
    Weights.defaults(),
    Weights({"occupation": 3, "skills": 0, "sector": 10, "availability": 1, "travel": 2,
             "driving_licence": 5, "languages": 0, "physical": 4}),
])
def test_vacancies_for_candidate_sql_equals_python(world, weights):
    candidates, _vacancies = world
    compared = 0
    for candidate in Candidate.objects.filter(pk__in=[c.pk for c in candidates]).select_related(
            "profile", "profile__place_of_residence").prefetch_related(
            "profile__preferred_occupations", "profile__sectors", "profile__language_skills"):
        expected = ranking.vacancies_for_candidate_naive(
            candidate=candidate, vacancies=Vacancy.objects.all(), weights=weights, limit=ALL)
        rows = ranking._fetch(sql.vacancies_for_candidate(
            candidate_features(candidate), weights,
            ranking.matchable_vacancies(Vacancy.objects.all()), ALL))
        assert [(r.vacancy_id, r.num, r.den) for r in expected] == [tuple(r) for r in rows], \
            candidate.pk
        compared += len(rows)
    assert compared >= 100  # the world is not empty
