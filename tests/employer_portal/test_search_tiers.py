"""The search's recency bands (candidates/search_tiers.py, issue 11): they change how the
most recently active matches are read, never which ones or in what order."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import employers.search
import employers.search_query
from candidates.models import Candidate, SearchDocument, SearchTierBoundary
from candidates.profile_services import profile_update
from candidates.search_documents import candidate_search_documents_refresh
from candidates.search_tiers import search_tiers_rebalance
from employers.search import SearchCriteria, candidate_search, rules_queryset
from employers.search_query import band_arms, bands_statement, search_id_page, search_ids_all
from hallowerk.roles import Role
from tests.factories import UserFactory

from .conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db

BANDS = (2, 3)  # band 0: the 2 most recently active, band 1: the next 3, band 2: the rest


@pytest.fixture
def cooks():
    """Nine cooks (and one warehouse worker) active an hour apart, the newest first."""
    now = timezone.now()
    made = []
    for n in range(10):
        candidate = make_candidate(profile={
            "kind_of_work": "Magazijnmedewerker" if n == 7 else "Kok"})
        Candidate.objects.filter(pk=candidate.pk).update(
            last_activity_at=now - timedelta(hours=n))
        made.append(candidate)
    candidate_search_documents_refresh([c.pk for c in made])
    return made


def bands_of(candidates) -> list[int]:
    tiers = dict(SearchDocument.objects.values_list("candidate_id", "tier"))
    return [tiers[c.pk] for c in candidates]


def small_cap(monkeypatch, cap: int) -> None:
    monkeypatch.setattr(employers.search_query, "RESULT_CAP", cap)
    monkeypatch.setattr(employers.search, "RESULT_CAP", cap)


def test_without_boundaries_everything_is_one_band(cooks):
    assert set(bands_of(cooks)) == {0}


def test_rebalance_puts_the_most_recently_active_in_the_first_bands(cooks):
    moved = search_tiers_rebalance(BANDS)
    assert bands_of(cooks) == [0, 0, 1, 1, 1, 2, 2, 2, 2, 2]
    assert moved == 8
    assert SearchTierBoundary.objects.count() == 2
    assert search_tiers_rebalance(BANDS) == 0  # nothing moved since


def test_a_candidate_who_becomes_active_joins_the_first_band(cooks):
    search_tiers_rebalance(BANDS)
    oldest = cooks[-1]
    profile_update(by=oldest.user, profile=oldest.profile,
                   changes={"free_text": "Ik kook graag voor veel mensen."})
    assert bands_of([oldest]) == [0]
    viewer = employer_user()
    assert search_ids_all(viewer=viewer, criteria=SearchCriteria(text="kok"))[0] == oldest.pk


@pytest.mark.parametrize("cap", [1, 3, 4, 6, 20])
def test_the_bounded_set_is_the_most_recently_active_with_or_without_bands(
        cooks, monkeypatch, cap):
    small_cap(monkeypatch, cap)
    viewer = employer_user()
    for text in ("", "kok", "magazijn"):
        criteria = SearchCriteria(text=text)
        before = search_ids_all(viewer=viewer, criteria=criteria)
        search_tiers_rebalance(BANDS)
        after = search_ids_all(viewer=viewer, criteria=criteria)
        SearchTierBoundary.objects.all().delete()
        SearchDocument.objects.update(tier=0)
        newest = [c.pk for c in cooks if c.pk in
                  set(rules_queryset(viewer=viewer, criteria=criteria).values_list("pk", flat=True))]
        if text:  # the rules' set has no text: keep those whose words match
            newest = [pk for pk in newest if (pk == cooks[7].pk) == (text == "magazijn")]
        assert before == after == newest[:cap + 1], (text, cap)


def test_pages_are_the_same_with_or_without_bands(cooks, monkeypatch):
    small_cap(monkeypatch, 6)
    viewer = employer_user()
    criteria = SearchCriteria(text="kok")

    def pages():
        return [search_id_page(viewer=viewer, criteria=criteria, page_number=n, page_size=2)
                for n in (1, 2, 3, 4, 99)]

    before = pages()
    search_tiers_rebalance(BANDS)
    assert pages() == before
    assert candidate_search(viewer=viewer, criteria=criteria).more_than_cap


def arms_read(viewer, criteria) -> list[bool]:
    """Per band, whether the search statement read it: EXPLAIN ANALYZE of the very statement
    the search runs; an arm the Append never reached shows zero loops."""
    statement = bands_statement(band_arms(viewer=viewer, criteria=criteria))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement[0], statement[1])
        plan = cursor.fetchone()[0][0]["Plan"]
    append = plan["Plans"][0]
    assert append["Node Type"] == "Append", plan
    return [arm["Actual Loops"] > 0 for arm in append["Plans"]]


def test_a_broad_search_stops_at_the_band_that_fills_the_cap(cooks, monkeypatch):
    """All bands are one statement (one query), and the bands after the one that fills the
    cap are never read. (Before the statement was one, this counted a query per band.)"""
    search_tiers_rebalance(BANDS)
    viewer = employer_user()
    small_cap(monkeypatch, 1)  # 2 rows wanted: band 0 has them
    with CaptureQueriesContext(connection) as broad:
        assert len(search_ids_all(viewer=viewer, criteria=SearchCriteria(text="kok"))) == 2
    assert len([q for q in broad.captured_queries if "d.tier =" in q["sql"]]) == 1
    assert arms_read(viewer, SearchCriteria(text="kok")) == [True, False, False]
    # Only in band 2: every band is read, and it is found.
    assert search_ids_all(viewer=viewer, criteria=SearchCriteria(
        text="magazijn")) == [cooks[7].pk]
    assert arms_read(viewer, SearchCriteria(text="magazijn")) == [True, True, True]


def test_rows_out_of_band_order_are_read_again_band_by_band(cooks, monkeypatch):
    """Should PostgreSQL ever return the bands' rows interleaved, the search does not trust
    them and reads the bands one by one: the same answer."""
    search_tiers_rebalance(BANDS)
    viewer = employer_user()
    criteria = SearchCriteria(text="kok")
    expected = search_ids_all(viewer=viewer, criteria=criteria)
    real_fetch, statements = employers.search_query._fetch, []

    def newest_band_last(sql, params, **how):
        statements.append(sql)
        rows = real_fetch(sql, params, **how)
        return rows[::-1] if " UNION ALL " in sql else rows

    monkeypatch.setattr(employers.search_query, "_fetch", newest_band_last)
    assert search_ids_all(viewer=viewer, criteria=criteria) == expected
    assert len(expected) == 9 and len(statements) == 4  # the statement, then 3 bands


def _index_scan_setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_indexscan")
        return cursor.fetchone()[0]


def test_a_search_with_words_reads_the_bands_through_their_word_indexes(cooks):
    """With words, the bands statement runs with index scans off (employers/search_query.py
    _fetch: the recency walk was 2-5x slower for a word), for that statement only: the reads
    after it, in the same transaction, plan as always. Without words the planner chooses."""
    search_tiers_rebalance(BANDS)
    viewer = employer_user()
    with CaptureQueriesContext(connection) as with_words:
        found = search_ids_all(viewer=viewer, criteria=SearchCriteria(text="kok"))
    assert len(found) == 9
    sql = [q["sql"] for q in with_words.captured_queries]
    bands = next(i for i, text in enumerate(sql) if " UNION ALL " in text)
    assert sql[bands - 1] == "SET LOCAL enable_indexscan = off"
    assert sql[bands + 1] == "SET LOCAL enable_indexscan TO DEFAULT"  # inside the test's
    assert _index_scan_setting() == "on"
    with CaptureQueriesContext(connection) as without_words:
        search_ids_all(viewer=viewer, criteria=SearchCriteria(driving_licence="B"))
    assert not any("enable_indexscan" in q["sql"] for q in without_words.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_setting_holds_for_the_bands_statement_only():
    """As on a page (autocommit): SET LOCAL outside a transaction would do nothing, so the
    bands statement gets one of its own. The setting is read on the statement's own
    connection at the moment it runs, and again after the search."""
    from tests.browser.conftest import reseed_data_migrations

    reseed_data_migrations()  # municipalities and the catalogue come from data migrations
    made = [make_candidate(profile={"kind_of_work": "Kok"}) for _ in range(3)]
    candidate_search_documents_refresh([c.pk for c in made])
    viewer = employer_user()
    seen = []

    def setting_when_the_bands_run(execute, sql, params, many, context):
        if " UNION ALL " in sql or "ts_rank" in sql:
            raw = context["cursor"].cursor
            raw.execute("SHOW enable_indexscan")
            seen.append((connection.in_atomic_block, raw.fetchone()[0]))
        return execute(sql, params, many, context)

    assert not connection.in_atomic_block
    with connection.execute_wrapper(setting_when_the_bands_run):
        found = search_ids_all(viewer=viewer, criteria=SearchCriteria(text="kok"))
    assert len(found) == 3
    assert seen and all(state == (True, "off") for state in seen)
    assert _index_scan_setting() == "on"


def test_no_band_shows_anyone_to_a_viewer_who_may_not_see_them(cooks):
    search_tiers_rebalance(BANDS)
    coach = UserFactory(role=Role.COACH)
    assert search_ids_all(viewer=coach, criteria=SearchCriteria(text="kok")) == []
    elsewhere = employer_user("rotterdam")
    assert search_ids_all(viewer=elsewhere, criteria=SearchCriteria(text="kok")) == []
