"""What the employer's pages load in plain SQL (candidates/related_rows.py) shows exactly
what the same candidates show when Django prefetches them: a result list's rows
(employer_list_fetch) and a whole profile (employer_view_load), in both languages, in
the models' order, with no part a coach still has to look at, in a fixed number of queries."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from candidates import related_rows
from candidates.models import (
    Candidate,
    Course,
    Education,
    LanguageSkill,
    Profile,
    WorkExperience,
)
from candidates.presenters import (
    EMPLOYER_LIST_PREFETCH,
    EMPLOYER_LIST_SELECT,
    EMPLOYER_VIEW_PREFETCH,
    EMPLOYER_VIEW_SELECT,
    employer_list_fetch,
    employer_list_rows,
    employer_profile_view,
    employer_view_load,
)
from candidates.publication_hold import OPEN_REVIEWS_ATTR, entry_part, open_reviews_rows
from candidates.related_rows import children, load, load_together, many_to_many, related
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
    assert counts == [2, 2]  # the rows; their occupations and open reviews together


def _whole_profile() -> Candidate:
    person = make_candidate(scope="all", approachable=True, occupations=["5223", "5120"],
                            sectors=["horeca", "zorg"], languages=["nl", "en"],
                            profile={"kind_of_work": "Koken"})
    profile = person.profile
    for year, title in ((2015, "Afwasser"), (2021, "Kok"), (2018, "Hulpkok")):
        WorkExperience.objects.create(profile=profile, job_title=title,
                                      start_date=datetime.date(year, 1, 1),
                                      description=f"{title} in Utrecht")
    Education.objects.create(profile=profile, name="MBO Koken", institution="ROC", year=2014)
    Education.objects.create(profile=profile, name="VMBO", institution="Lyceum", year=2010)
    Course.objects.create(profile=profile, name="HACCP", year=2019)
    return person


def _view_fetch(queryset) -> Candidate:
    """What candidate_profile_for_viewer() reads: the candidate with EMPLOYER_VIEW_SELECT,
    then its related rows in plain SQL."""
    return employer_view_load(queryset.select_related(*EMPLOYER_VIEW_SELECT).get())


def _views_both_ways(person: Candidate, viewer) -> tuple[list, list]:
    queryset = Candidate.objects.filter(pk=person.pk)
    fetched = employer_profile_view(_view_fetch(queryset), viewer)
    prefetched = employer_profile_view(queryset.select_related(*EMPLOYER_VIEW_SELECT)
                                       .prefetch_related(*EMPLOYER_VIEW_PREFETCH).get(), viewer)
    return fetched, prefetched


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_profile_equals_the_prefetched_profile(language, employer):
    person = _whole_profile()
    with translation.override(language):
        fetched, prefetched = _views_both_ways(person, employer)
    assert fetched == prefetched
    shown = str(fetched)
    assert shown.index("Kok") < shown.index("Hulpkok") < shown.index("Afwasser"), "newest first"
    assert shown.index("MBO Koken") < shown.index("VMBO")
    assert "HACCP" in shown and LanguageSkill.objects.filter(profile=person.profile).count() == 2


def test_held_parts_stay_out_of_the_profile(employer):
    person = _whole_profile()
    for part in ("kind_of_work", entry_part("work_experiences", "description")):
        sensitive_review_create(by=person.user, candidate=person, field=part,
                                categories=["health"])
    fetched, prefetched = _views_both_ways(person, employer)
    assert fetched == prefetched
    assert "Koken" not in str(fetched).replace("MBO Koken", "")
    assert "in Utrecht" not in str(fetched)


def test_the_profile_costs_the_same_queries_however_much_it_holds(employer):
    counts = []
    for person in (make_candidate(scope="all"), _whole_profile()):
        with CaptureQueriesContext(connection) as queries:
            _view_fetch(Candidate.objects.filter(pk=person.pk))
        counts.append(len(queries))
    # The candidate, then its 2 label lists, 4 kinds of entry and open reviews in one
    # statement (load_together; each was a query of its own before).
    assert counts == [2, 2]


def _field_values(instances) -> list[dict]:
    return [{field.attname: getattr(instance, field.attname)
             for field in type(instance)._meta.concrete_fields if field.attname in vars(instance)}
            for instance in instances]


def test_rows_loaded_together_are_the_rows_loaded_one_by_one(employer):
    """Through JSON every value comes back with its own type: dates, timestamps, arrays,
    booleans, empty values."""
    person = _whole_profile()
    WorkExperience.objects.create(profile=person.profile, job_title="Kok", employer_name="",
                                  start_date=datetime.date(2022, 2, 28),
                                  end_date=datetime.date(2023, 3, 1), description="Ja \"zeker\"")
    sensitive_review_create(by=person.user, candidate=person, field="kind_of_work",
                            categories=["health", "religion"])
    one_by_one, together = ({person.profile.pk: Profile.objects.get(pk=person.profile.pk)}
                            for _ in range(2))
    people_one, people_together = ({person.pk: Candidate.objects.get(pk=person.pk)}
                                   for _ in range(2))
    names = ("work_experiences", "educations", "courses", "language_skills")
    for name in names:
        load(children(one_by_one, name))
    load(many_to_many(one_by_one, "sectors"))
    load(open_reviews_rows(list(people_one.values())))
    load_together([*(children(together, name) for name in names),
                   many_to_many(together, "sectors"),
                   open_reviews_rows(list(people_together.values()))])
    (alone,), (joined,) = one_by_one.values(), together.values()
    for name in (*names, "sectors"):
        expected, found = _field_values(related(alone, name)), _field_values(related(joined, name))
        assert found == expected and found, name
        assert [type(v) for row in found for v in row.values()] == \
            [type(v) for row in expected for v in row.values()], name
    reviews = [getattr(c, OPEN_REVIEWS_ATTR) for c in (*people_one.values(),
                                                       *people_together.values())]
    assert _field_values(reviews[0]) == _field_values(reviews[1])
    assert reviews[1][0].categories == ["health", "religion"]
    assert reviews[1][0].created_at.utcoffset() == datetime.timedelta(0)


def test_a_field_without_a_plain_json_value_is_refused():
    """A number with decimals would come back as a float: refused, not loaded wrongly."""
    field = models.DecimalField(max_digits=5, decimal_places=2)
    field.set_attributes_from_name("amount")
    field.model = Profile
    with pytest.raises(ImproperlyConfigured):
        related_rows._from_json(field)
