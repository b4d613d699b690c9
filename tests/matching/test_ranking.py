"""Ranked lists: order, ties, the scope the caller gives, and who can be matched."""

import pytest
from django.utils import timezone

from candidates.models import Candidate
from employers.models import Vacancy
from matching import ranking
from matching.scoring import Weights, tiebreak
from tests.matching.builders import candidate, place, vacancy

pytestmark = pytest.mark.django_db


def ids(ranked):
    return [row.obj.pk for row in ranked]


def test_best_first_with_stable_ties():
    job = vacancy(code="9412")
    exact = [candidate(occupations=["9412"]) for _ in range(6)]
    close = candidate(occupations=["9411"])
    unrelated = candidate(occupations=["5120"])
    ranked = ranking.candidates_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                            weights=Weights.defaults())
    order = ids(ranked)
    assert unrelated.pk not in order
    assert order[-1] == close.pk
    # Equal scores: ordered by the fixed scramble of the ids, the same every time.
    expected_ties = sorted((c.pk for c in exact), key=lambda pk: (tiebreak(pk, job.pk), pk))
    assert order[:6] == expected_ties
    for _ in range(3):
        again = ranking.candidates_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                               weights=Weights.defaults())
        assert ids(again) == order


def test_ties_are_not_simply_registration_order():
    job = vacancy(code="5120")
    people = [candidate(occupations=["5120"]).pk for _ in range(8)]
    order = ranking.candidate_ids_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                              weights=Weights.defaults())
    assert sorted(order) == sorted(people) and order != sorted(people)


def test_limit_and_results_carry_explainable_scores():
    job = vacancy(code="5120")
    for _ in range(4):
        candidate(occupations=["5120"])
    ranked = ranking.candidates_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                            weights=Weights.defaults(), limit=3)
    assert len(ranked) == 3
    assert all(row.result.percent == 100 and row.result.suggested for row in ranked)


def test_only_the_given_scope_is_ranked():
    job = vacancy(code="5120")
    inside, outside = candidate(occupations=["5120"]), candidate(occupations=["5120"])
    ranked = ranking.candidates_for_vacancy(
        vacancy=job, candidates=Candidate.objects.filter(pk=inside.pk),
        weights=Weights.defaults())
    assert ids(ranked) == [inside.pk] and outside.pk not in ids(ranked)


@pytest.mark.parametrize("change", [
    {"is_active": False},
    {"hidden_by_staff": True, "hidden_reason": "Onjuist", "hidden_at": timezone.now()},
    {"dossier_ended_on": timezone.localdate(), "end_reason": "ended"},
])
def test_inactive_hidden_or_ended_candidates_are_not_matched(change):
    job = vacancy(code="5120")
    person = candidate(occupations=["5120"])
    Candidate.objects.filter(pk=person.pk).update(**change)
    assert ranking.candidate_ids_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                             weights=Weights.defaults()) == []


def test_a_candidate_without_an_account_is_not_matched():
    job = vacancy(code="5120")
    person = candidate(occupations=["5120"])
    person.user.is_active = False
    person.user.save()
    assert ranking.candidate_ids_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                             weights=Weights.defaults()) == []


def test_only_published_vacancies_of_active_employers_are_suggested():
    person = Candidate.objects.select_related("profile").get(
        pk=candidate(occupations=["5120"]).pk)
    published = vacancy(code="5120")
    vacancy(code="5120", published=False)
    closed = vacancy(code="5120")
    Vacancy.objects.filter(pk=closed.pk).update(status="closed")
    gone = vacancy(code="5120")
    gone.employer.is_active, gone.employer.deactivated_at = False, timezone.now()
    gone.employer.save()
    ranked = ranking.vacancies_for_candidate(candidate=person, vacancies=Vacancy.objects.all(),
                                             weights=Weights.defaults())
    assert ids(ranked) == [published.pk]


def test_hard_requirements_exclude_in_both_directions():
    person = candidate(occupations=["8322"], driving_licences=["B"], physical_lifting=False)
    fits = vacancy(code="8322", required_driving_licence="B")
    truck = vacancy(code="8322", required_driving_licence="C")
    lifting = vacancy(code="8322", physical_demands=["lifting"])
    person = Candidate.objects.get(pk=person.pk)
    for_person = ranking.vacancy_ids_for_candidate(candidate=person,
                                                   vacancies=Vacancy.objects.all(),
                                                   weights=Weights.defaults())
    assert for_person == [fits.pk]
    for job, expected in ((fits, [person.pk]), (truck, []), (lifting, [])):
        assert ranking.candidate_ids_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                                 weights=Weights.defaults()) == expected


def test_weights_change_the_order():
    job = vacancy(code="5120", sector_code="horeca")
    by_occupation = candidate(occupations=["5120"])
    by_sector = candidate(occupations=["5223"], sectors=["horeca"])
    default = ranking.candidate_ids_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                                weights=Weights.defaults())
    assert default == [by_occupation.pk, by_sector.pk]
    favour_sector = Weights({**Weights.defaults().values, "occupation": 1, "sector": 10})
    assert ranking.candidate_ids_for_vacancy(
        vacancy=job, candidates=Candidate.objects.all(), weights=favour_sector) == [
        by_sector.pk, by_occupation.pk]


@pytest.mark.parametrize("limit", [2, 3, 5])
def test_those_who_came_by_sector_alone_are_ranked_exactly_whether_or_not_scored(limit):
    """The SQL skips them when the related occupations already fill the list with better
    scores (matching/sql/candidates.py); the result must equal scoring everyone."""
    job = vacancy(code="5120", sector_code="horeca", place_name="Utrecht")
    for _ in range(3):
        candidate(occupations=["5120"], sectors=["horeca"], place_of_residence=place("Utrecht"))
    for _ in range(2):
        candidate(occupations=["9412"], sectors=["horeca"])
    naive = ranking.candidates_for_vacancy_naive(vacancy=job, candidates=Candidate.objects.all(),
                                                 weights=Weights.defaults(), limit=limit)
    fast = ranking.candidate_ids_for_vacancy(vacancy=job, candidates=Candidate.objects.all(),
                                             weights=Weights.defaults(), limit=limit)
    assert fast == [r.candidate_id for r in naive] and len(fast) == min(limit, 5)
