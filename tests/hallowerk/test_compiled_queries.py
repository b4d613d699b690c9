"""Reads compiled once per viewer (hallowerk/compiled_queries.py) give exactly what their
queryset gives, per viewer and scope, and refuse what they cannot keep correct."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from candidates.models import Candidate
from candidates.models.querysets import visibility_scope
from candidates.presenters import EMPLOYER_VIEW_SELECT
from employers.models import Employer, Shortlist, ShortlistEntry
from hallowerk.compiled_queries import CompiledQuery
from hallowerk.models import Municipality
from tests.employer_portal.conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db


def _profile_read():
    """A read like the profile page's (candidates/selectors.py), with a count of builds."""
    builds = []

    def build(viewer, candidate_id):
        builds.append(candidate_id)
        return (Candidate.objects.visible_to(viewer).filter(pk=candidate_id)
                .select_related(*EMPLOYER_VIEW_SELECT))

    return CompiledQuery(build, ids=("candidate_id",)), builds


def _rows(read, viewer, candidate_id):
    return read.rows(viewer, scope=visibility_scope(viewer), candidate_id=candidate_id)


def test_the_rows_are_the_querysets_with_their_related_rows():
    read, _builds = _profile_read()
    employer = employer_user()
    people = [make_candidate(profile={"kind_of_work": f"Werk {n}"}) for n in range(3)]
    for person in people:
        (found,) = _rows(read, employer, person.pk)
        expected = (Candidate.objects.select_related(*EMPLOYER_VIEW_SELECT).get(pk=person.pk))
        assert found.pk == person.pk and found.first_name == expected.first_name
        with CaptureQueriesContext(connection) as queries:  # select_related: no more reads
            assert found.profile.kind_of_work == expected.profile.kind_of_work
            assert found.municipality.slug == "utrecht"
        assert len(queries) == 0
        assert found._state.db == "default" and not found._state.adding


def test_built_and_compiled_once_per_viewer_then_one_query_a_read(settings):
    settings.COMPILED_QUERIES_VERIFY = False  # the check builds the queryset again
    read, builds = _profile_read()
    employer = employer_user()
    first, second = make_candidate(), make_candidate()
    _rows(read, employer, first.pk)
    scope = visibility_scope(employer)  # a page looks the region up once per request
    with CaptureQueriesContext(connection) as queries:
        found = read.rows(employer, scope=scope, candidate_id=second.pk)
    assert [c.pk for c in found] == [second.pk]
    assert len(builds) == 1  # the second read reused the SQL
    assert len(queries) == 1
    another = employer_user()
    _rows(read, another, first.pk)
    assert len(builds) == 2  # another viewer: compiled for them


def test_a_viewer_never_gets_another_viewers_rule(settings):
    """Forbidden path: an employer of Rotterdam's region reads a candidate shared with the
    Utrecht region only, right after a Utrecht employer's read of the same candidate was
    compiled and cached. (By the rows alone: without the test settings' check.)"""
    settings.COMPILED_QUERIES_VERIFY = False
    read, _builds = _profile_read()
    utrecht, rotterdam = employer_user("utrecht"), employer_user("rotterdam")
    regional = make_candidate(slug="utrecht", scope="region")
    shared_with_all = make_candidate(slug="utrecht", scope="all")
    assert [c.pk for c in _rows(read, utrecht, regional.pk)] == [regional.pk]
    assert _rows(read, rotterdam, regional.pk) == []
    assert [c.pk for c in _rows(read, rotterdam, shared_with_all.pk)] == [shared_with_all.pk]
    hidden = make_candidate(slug="utrecht", shared=False)
    assert _rows(read, utrecht, hidden.pk) == []


def test_a_changed_region_is_a_new_compilation(settings):
    """The scope holds the employer's region: when its municipality joins another region,
    the next read follows the new rule."""
    settings.COMPILED_QUERIES_VERIFY = False
    read, builds = _profile_read()
    employer = employer_user("utrecht")
    regional = make_candidate(slug="rotterdam", scope="region")
    assert _rows(read, employer, regional.pk) == []
    rotterdam = Municipality.objects.get(slug="rotterdam")
    Municipality.objects.filter(slug="utrecht").update(
        labour_market_region=rotterdam.labour_market_region)
    assert [c.pk for c in _rows(read, employer, regional.pk)] == [regional.pk]
    assert len(builds) >= 2


def test_annotations_come_along():
    employer = employer_user()
    on_list, off_list = make_candidate(), make_candidate()
    shortlist = Shortlist.objects.create(employer=employer.employer, name="Koks",
                                         created_by=employer)
    ShortlistEntry.objects.create(shortlist=shortlist, candidate=on_list, added_by=employer)
    read = CompiledQuery(lambda viewer, candidate_id: Shortlist.objects.visible_to(viewer)
                         .with_candidate_flag(candidate_id), ids=("candidate_id",))
    assert [s.holds_candidate for s in read.rows(employer, candidate_id=on_list.pk)] == [True]
    assert [s.holds_candidate for s in read.rows(employer, candidate_id=off_list.pk)] == [False]


def test_a_rule_that_sees_nobody_reads_nothing():
    read, _builds = _profile_read()
    person = make_candidate()
    employer = employer_user()
    Employer.objects.filter(pk=employer.employer_id).update(is_active=False,
                                                            deactivated_at=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        assert _rows(read, employer, person.pk) == []
    assert [q for q in queries if "candidates_candidate" in q["sql"]] == []


def test_an_id_beyond_the_integer_range_goes_the_ordinary_way():
    read, _builds = _profile_read()
    assert _rows(read, employer_user(), 10**20) == []


def test_a_read_that_would_keep_a_date_is_refused():
    today = datetime.date(2026, 12, 5)
    read = CompiledQuery(lambda viewer, candidate_id: Candidate.objects.filter(
        pk=candidate_id, created_at__date__lte=today), ids=("candidate_id",))
    with pytest.raises(ImproperlyConfigured, match="clock"):
        read.rows(employer_user(), candidate_id=1)


def test_an_id_that_does_not_reach_the_values_is_refused():
    read = CompiledQuery(lambda viewer, candidate_id: Candidate.objects.all(),
                         ids=("candidate_id",))
    with pytest.raises(ImproperlyConfigured, match="candidate_id"):
        read.rows(employer_user(), candidate_id=1)


def test_ids_must_be_whole_numbers():
    read, _builds = _profile_read()
    with pytest.raises(TypeError):
        _rows(read, employer_user(), "12")


def test_the_check_of_the_test_settings_catches_a_fact_missing_from_the_key(settings):
    """A build that reads something of the viewer outside VIEWER_FACTS and the scope would
    keep an old SQL; under COMPILED_QUERIES_VERIFY that fails at once."""
    settings.COMPILED_QUERIES_VERIFY = True
    read = CompiledQuery(lambda viewer, candidate_id: Candidate.objects.filter(
        pk=candidate_id, email=viewer.email), ids=("candidate_id",))
    employer = employer_user()
    read.rows(employer, candidate_id=1)
    employer.email = "other@example.org"
    with pytest.raises(AssertionError, match="misses a fact"):
        read.rows(employer, candidate_id=1)


def test_the_cache_keeps_the_most_recent_viewers_only(settings, monkeypatch):
    """Bounded memory: past MAX_ENTRIES viewers the least recent one is compiled again."""
    settings.COMPILED_QUERIES_VERIFY = False
    monkeypatch.setattr("hallowerk.compiled_queries.MAX_ENTRIES", 2)
    read, builds = _profile_read()
    person = make_candidate()
    first, second, third = employer_user(), employer_user(), employer_user()
    for viewer in (first, second, first, third):  # `second` is now the least recent
        _rows(read, viewer, person.pk)
    assert len(builds) == 3 and len(read._compiled) == 2
    _rows(read, first, person.pk)
    assert len(builds) == 3
    _rows(read, second, person.pk)
    assert len(builds) == 4


def _own_read():
    """A person's own read with their key varying, like a jobseeker's pages."""
    builds = []

    def build(viewer):
        builds.append(viewer.pk)
        return Candidate.objects.visible_to(viewer).order_by("pk")[:1]

    return CompiledQuery(build, ids=(), viewer_pk_varies=True), builds


def test_with_the_viewers_key_varying_one_compilation_serves_everyone_their_own(settings):
    """Forbidden path, by the rows alone (without the test settings' check): a jobseeker
    whose read reuses another jobseeker's compilation gets their own dossier, never the
    other's."""
    settings.COMPILED_QUERIES_VERIFY = False
    read, builds = _own_read()
    first, second = make_candidate(slug="utrecht"), make_candidate(slug="utrecht")
    assert [c.pk for c in read.rows(first.user)] == [first.pk]
    with CaptureQueriesContext(connection) as queries:
        assert [c.pk for c in read.rows(second.user)] == [second.pk]
    assert len(builds) == 1 and len(queries) == 1
    assert builds[0] < 0  # compiled with a stand-in, not with the first person's key
    elsewhere = make_candidate(slug="rotterdam")  # another municipality: its own entry
    assert [c.pk for c in read.rows(elsewhere.user)] == [elsewhere.pk]
    assert len(builds) == 2


def test_with_the_viewers_key_varying_the_other_facts_still_key_the_cache(settings):
    """A deactivated account sees nobody (visible_to()): its rule is compiled apart, and
    the active people's compilation is not used for it."""
    settings.COMPILED_QUERIES_VERIFY = False
    read, builds = _own_read()
    active, deactivated = make_candidate(), make_candidate()
    read.rows(active.user)
    deactivated.user.is_active = False
    assert read.rows(deactivated.user) == []
    assert [c.pk for c in read.rows(active.user)] == [active.pk]
    assert len(builds) == 2


def test_with_the_viewers_key_varying_a_build_sees_only_the_viewer_facts():
    """The stand-in viewer carries VIEWER_FACTS only: a build that reads anything else of
    the viewer compiles something else than its queryset, and the test settings' check
    says so."""
    read = CompiledQuery(lambda viewer: Candidate.objects.filter(user=viewer,
                                                                 email=viewer.email),
                         ids=(), viewer_pk_varies=True)
    with pytest.raises(AssertionError, match="misses a fact"):
        read.rows(make_candidate().user)


def test_with_the_viewers_key_absent_from_the_sql_each_municipality_reads_its_own(settings):
    """Forbidden path, by the rows alone: a read that depends on the viewer's municipality
    only (a jobseeker's vacancies) is compiled once per municipality; a Rotterdam jobseeker
    right after a Utrecht one gets Rotterdam's rows, never Utrecht's."""
    from employers.models import Vacancy
    from tests.candidates.jobseeker_helpers import published_vacancy

    settings.COMPILED_QUERIES_VERIFY = False
    builds = []

    def build(viewer):
        builds.append(viewer.pk)
        return Vacancy.objects.visible_to(viewer).order_by("pk")

    read = CompiledQuery(build, ids=(), viewer_pk_varies=True)
    utrecht, rotterdam = Municipality.objects.get(slug="utrecht"), Municipality.objects.get(
        slug="rotterdam")
    in_utrecht, in_rotterdam = published_vacancy(utrecht), published_vacancy(rotterdam)
    first, second = make_candidate(slug="utrecht"), make_candidate(slug="utrecht")
    elsewhere = make_candidate(slug="rotterdam")
    assert [v.pk for v in read.rows(first.user)] == [in_utrecht.pk]
    assert [v.pk for v in read.rows(second.user)] == [in_utrecht.pk]
    assert len(builds) == 1  # one compilation for the municipality
    assert [v.pk for v in read.rows(elsewhere.user)] == [in_rotterdam.pk]
    assert len(builds) == 2


# --- a list of ids (id_list): the rows of a search page ------------------------------------

def _list_read():
    builds = []

    def build(viewer, candidate_ids):
        builds.append(list(candidate_ids))
        return Candidate.objects.visible_to(viewer).filter(pk__in=candidate_ids)

    return CompiledQuery(build, ids=(), id_list="candidate_ids"), builds


def test_a_list_of_ids_is_compiled_once_per_length(settings):
    settings.COMPILED_QUERIES_VERIFY = False
    read, builds = _list_read()
    employer = employer_user()
    people = [make_candidate() for _ in range(5)]
    ids = [person.pk for person in people]
    scope = visibility_scope(employer)
    assert {c.pk for c in read.rows(employer, scope=scope, candidate_ids=ids[:3])} == set(ids[:3])
    with CaptureQueriesContext(connection) as queries:
        found = read.rows(employer, scope=scope, candidate_ids=ids[2:])
    assert {c.pk for c in found} == set(ids[2:]) and len(queries) == 1
    assert len(builds) == 1  # the same length: the same SQL
    assert {c.pk for c in read.rows(employer, scope=scope, candidate_ids=ids[:2])} == set(ids[:2])
    assert len(builds) == 2  # another length: compiled for it
    assert read.rows(employer, scope=scope, candidate_ids=[]) == []


def test_a_list_of_ids_keeps_the_viewers_rule(settings):
    """Forbidden path: ids of candidates the viewer may not see give no rows, even in a list
    compiled for another viewer of the same length first."""
    settings.COMPILED_QUERIES_VERIFY = False
    read, _builds = _list_read()
    utrecht, rotterdam = employer_user("utrecht"), employer_user("rotterdam")
    regional = make_candidate(slug="utrecht", scope="region")
    shared_with_all = make_candidate(slug="utrecht", scope="all")
    hidden = make_candidate(slug="utrecht", shared=False)
    ids = [regional.pk, shared_with_all.pk, hidden.pk]
    assert {c.pk for c in read.rows(utrecht, scope=visibility_scope(utrecht),
                                    candidate_ids=ids)} == {regional.pk, shared_with_all.pk}
    assert [c.pk for c in read.rows(rotterdam, scope=visibility_scope(rotterdam),
                                    candidate_ids=ids)] == [shared_with_all.pk]


def test_repeated_ids_in_the_list_count_once():
    """With the test settings' check on: the compiled SQL and values equal the queryset's,
    which drops repeated ids too."""
    read, builds = _list_read()
    employer = employer_user()
    person = make_candidate()
    other = make_candidate()
    found = read.rows(employer, scope=visibility_scope(employer),
                      candidate_ids=[person.pk, person.pk, other.pk])
    assert sorted(c.pk for c in found) == sorted([person.pk, other.pk])
    assert len(builds[0]) == 2, "compiled for the two ids, not three"
    assert builds[-1] == [person.pk, other.pk], "the check's queryset got them once each"


def test_a_list_must_be_ids():
    read, _builds = _list_read()
    employer = employer_user()
    with pytest.raises(TypeError):
        read.rows(employer, candidate_ids=5)
    with pytest.raises(TypeError):
        read.rows(employer, candidate_ids=["5"])
