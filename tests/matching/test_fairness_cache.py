"""The monitoring report reads the kept lists and counts exactly what ranking every
published vacancy would count."""

from collections import Counter

import pytest

from candidates.models import Candidate
from employers.models import Vacancy
from matching import fairness, ranking, refresh
from matching.selectors import weights_for
from tests.factories import EmployerFactory, municipality
from tests.matching.builders import random_candidate, random_vacancy

pytestmark = pytest.mark.django_db


def exact_appearances(place) -> Counter:
    weights, counted = weights_for(place), Counter()
    for job in Vacancy.objects.published().filter(municipality=place).select_related(
            "occupation", "place"):
        counted.update(ranking.candidate_ids_for_vacancy(
            vacancy=job, candidates=Candidate.objects.filter(municipality=place),
            weights=weights, limit=fairness.TOP))
    return counted


def test_report_from_kept_lists_equals_ranking_every_vacancy(monkeypatch):
    import random

    monkeypatch.setattr(refresh, "DEPTH", 6)
    monkeypatch.setattr(fairness, "TOP", 3)
    rng = random.Random(5)
    utrecht = municipality("utrecht")
    people = [random_candidate(rng, candidate_fields={"municipality": utrecht})
              for _ in range(40)]
    employer = EmployerFactory(municipality=utrecht)
    for _ in range(12):
        random_vacancy(rng, employer=employer)
    matchable = set(ranking.matchable_candidates(Candidate.objects.filter(
        municipality=utrecht)).values_list("pk", flat=True))
    cold, count = fairness.top_appearances(utrecht, matchable)  # ranks and keeps the lists
    assert count == 12 and cold == exact_appearances(utrecht) and cold
    # Someone leaves (set inactive): the lists are narrowed at once, refilled when short.
    Candidate.objects.filter(pk=people[0].pk).update(is_active=False)
    matchable.discard(people[0].pk)
    warm, _count = fairness.top_appearances(utrecht, matchable)
    assert warm == exact_appearances(utrecht)
