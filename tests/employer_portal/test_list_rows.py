"""The rows of an employer's result list, loaded by employer_list_fetch() in a fixed number of
queries, show exactly what the same rows show when Django prefetches them: the listed
occupations in the reader's language, and no part a coach still has to look at."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from candidates.models import Candidate
from candidates.presenters import (
    EMPLOYER_LIST_PREFETCH,
    EMPLOYER_LIST_SELECT,
    employer_list_fetch,
    employer_list_rows,
)
from candidates.sensitive_reviews import sensitive_review_create, sensitive_review_resolve
from tests.candidates.jobseeker_helpers import coach_of
from tests.employer_portal.conftest import make_candidate

pytestmark = pytest.mark.django_db


def _people(count: int) -> list[Candidate]:
    return [make_candidate(occupations=["5120", "9112", "5223"][: 1 + index % 3],
                           profile={"kind_of_work": f"Werk nummer {index}"})
            for index in range(count)]


def _rows_both_ways(ids: list[int]) -> tuple[list, list]:
    queryset = Candidate.objects.filter(pk__in=ids).order_by("pk")
    fetched = employer_list_rows(employer_list_fetch(queryset))
    prefetched = employer_list_rows(queryset.select_related(*EMPLOYER_LIST_SELECT)
                                    .prefetch_related(*EMPLOYER_LIST_PREFETCH))
    return fetched, prefetched


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_rows_equal_the_prefetched_rows(language):
    people = _people(4)
    with translation.override(language):
        fetched, prefetched = _rows_both_ways([person.pk for person in people])
    assert fetched == prefetched
    occupations = [item.value for row in fetched for item in row.items if item.kind == "list"]
    assert [len(labels) for labels in occupations] == [1, 2, 3, 1]


def test_a_held_part_stays_out_of_the_row_until_a_coach_has_looked():
    (person,) = _people(1)
    review = sensitive_review_create(by=person.user, candidate=person, field="kind_of_work",
                                     categories=["health"])
    fetched, prefetched = _rows_both_ways([person.pk])
    assert fetched == prefetched
    assert "Werk nummer 0" not in str(fetched)

    sensitive_review_resolve(by=coach_of(person), review=review)
    fetched, _prefetched = _rows_both_ways([person.pk])
    assert "Werk nummer 0" in str(fetched)


def test_the_number_of_queries_does_not_grow_with_the_rows():
    people = _people(6)
    counts = []
    for size in (1, 6):
        ids = [person.pk for person in people[:size]]
        with CaptureQueriesContext(connection) as queries:
            employer_list_rows(employer_list_fetch(Candidate.objects.filter(pk__in=ids)))
        counts.append(len(queries))
    assert counts == [3, 3]  # the rows, their occupations, their open reviews
