"""The employer's search as one index-driven query over the search documents (issue 11).

Why its cost follows the answer and not the country: the audience (which municipalities'
region-scoped candidates this employer may see, or those shared with all) and the token
filters (occupation, sector, licence, language, physical "can") are tokens in the document
(candidates/search_documents.py), so the GIN index returns only documents this employer
may see that pass them and contain the words. Place within a radius, availability and
hours are checked on the rows found (a radius is hundreds of places: too many tokens); for
a small radius the planner reads the band's documents in those places from the band's
place index instead and checks the words on them.
Of those, the RESULT_CAP + 1 most recently active are taken, and only those are ranked by
relevance. Beyond the cap the page says "meer dan 1.000" and asks to refine: an exact count
and a full ranking would cost as much as the whole match. The most recently active are found
band by band (candidates/search_tiers.py): the documents are split by recency into bands
with a GIN index each, and the search stops at the first band that completes RESULT_CAP + 1,
so a broad search reads the newest bands only, whatever the size of the country.

This module returns candidate ids in page order. The caller fetches the rows through
Candidate.objects.visible_to(), so a document that is a moment behind can hide a candidate
but never show one the rules keep out.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.db import connection, transaction

from candidates.models import SEARCH_TIERS
from candidates.models.querysets import employer_audience
from candidates.search_documents import (
    TOKEN_ALL,
    token_language,
    token_licence,
    token_municipality,
    token_occupation,
    token_physical,
    token_sector,
)
from candidates.search_text import SEARCH_CONFIG
from candidates.search_tiers import tiers_in_use
from hallowerk.prepared import prepared_statements

from .fulltext import text_tsquery, tsquery_source
from .radius import place_ids_within

PAGE_SIZE = 25
RESULT_CAP = 1000


@dataclass(frozen=True)
class IdPage:
    ids: list[int]
    number: int
    count: int  # exact up to RESULT_CAP; RESULT_CAP + 1 means "more than RESULT_CAP"

    @property
    def capped(self) -> bool:
        return self.count > RESULT_CAP


def _any_of(tokens: list[str]) -> str:
    return "(" + " | ".join(tokens) + ")"


def filter_tsquery(criteria, audience: list[int]) -> str:
    """The audience and token filters as tsquery text. Tokens are our own (letters,
    digits, '@')."""
    parts = [_any_of([TOKEN_ALL, *(token_municipality(pk) for pk in audience)])]
    if criteria.occupation is not None:
        parts.append(token_occupation(criteria.occupation.pk))
    if criteria.sector is not None:
        parts.append(token_sector(criteria.sector.pk))
    if criteria.driving_licence:
        parts.append(token_licence(criteria.driving_licence))
    parts += [token_language(code) for code in criteria.languages]
    parts += [token_physical(code) for code in criteria.physical]
    return " & ".join(parts)


def _in_tiers(condition: str, params: list, tiers: range) -> tuple[str, list]:
    """The index condition once per band: each band's partial GIN index answers its own
    part (a BitmapOr), where `tier IN (...)` would read the whole table."""
    # The band travels as the first parameter of its arm; Django's psycopg binds parameters
    # on the client, so the planner sees a constant and picks the band's partial index.
    arms = [f"(d.tier = %s AND {condition})" for _tier in tiers]
    return "(" + " OR ".join(arms) + ")", [value for tier in tiers
                                           for value in (tier, *params)]


def _conditions(criteria, terms: list[str], filters: str,
                tiers: range) -> tuple[str, list] | None:
    """WHERE clause over the documents `d` of these bands, with its parameters in order."""
    if terms:
        text, text_params = text_tsquery(terms)
        matches, match_params = _in_tiers(f"d.document @@ (%s::tsquery && {text})",
                                          [filters, *text_params], tiers)
        # Only stop words ("de", "het"): an empty text query finds nothing, not all.
        where = [matches, f"numnode({text}) > 0"]
        params: list = [*match_params, *text_params]
    else:
        matches, params = _in_tiers("d.document @@ %s::tsquery", [filters], tiers)
        where = [matches]
    if criteria.place is not None:
        places = place_ids_within(criteria.place, criteria.radius_km)
        if not places:
            return None  # a radius with no place in it
        where.append("d.place_id = ANY(%s::bigint[])")
        params.append(places)
    if criteria.available_on is not None:
        # No date filled in means no known constraint: available (the form says so).
        where.append("(d.available_from IS NULL OR d.available_from <= %s)")
        params.append(criteria.available_on)
    if criteria.hours_per_week is not None:
        where.append("(d.hours_per_week_min IS NULL OR d.hours_per_week_min <= %s)"
                     " AND (d.hours_per_week_max IS NULL OR d.hours_per_week_max >= %s)")
        params += [criteria.hours_per_week, criteria.hours_per_week]
    return " AND ".join(where), params


DOCUMENT_COLUMNS = "d.candidate_id, d.last_activity_at, d.document"


def matching_documents_sql(*, viewer, criteria, tiers: range = range(SEARCH_TIERS),
                           columns: str = DOCUMENT_COLUMNS) -> tuple[str, list] | None:
    """SELECT of `columns` (by default candidate_id, last_activity_at, document) of every
    document `d` in these bands (all by default) that this employer may see and that passes
    the criteria, uncapped; None when nothing can match. The parameters returned are the
    WHERE clause's: a caller whose `columns` hold placeholders puts their values first."""
    audience = employer_audience(viewer)
    if audience is None:
        return None
    conditions = _conditions(criteria, criteria.terms, filter_tsquery(criteria, audience),
                             tiers)
    if conditions is None:
        return None
    where, params = conditions
    return (f"SELECT {columns} "  # noqa: S608
            f"FROM candidates_searchdocument d WHERE {where}", params)


def _fetch(sql: str, params: list, *, by_word_index: bool = False) -> list[tuple]:
    """The rows of the statement. by_word_index: the bands are read through their GIN
    indexes (a bitmap of the band's matches, then the newest 1,001 of them), never by walking
    a band's recency index and testing each document.

    Why: for a word, PostgreSQL overestimates how many documents of a band match (the words
    and the occupation tokens it stands for are ORed as if independent, but a
    "magazijnmedewerker" has both), so it walks the recency index, expecting the 1,001st
    match early. For "magazijn" it read 17,017 of band 0's 25,000 documents to keep 1,001,
    where the band's GIN index finds its 1,449 matches at once. Measured per search on the
    100k benchmark database (employer in Utrecht, 5 runs each, median ms; walk against GIN):
    magazijn 25.7 / 5.5, klantcontact 15.7 / 4.4, timmer 15.9 / 4.0, kok 10.3 / 6.9; over
    bench_search.py's 100 searches with two filters each, sum 560 / 501 ms and within 1 ms
    either way but two. Searches without words keep the planner's choice: the recency walk
    is the right plan when most of a band matches. Both plans read at most a band's fixed
    size, whatever the size of the country."""
    if not by_word_index:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    nested = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        # Only for this statement: SET LOCAL ends with the transaction, or is undone below
        # when this runs inside a longer one.
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        if nested:
            cursor.execute("SET LOCAL enable_indexscan TO DEFAULT")
    return rows


def band_arms(*, viewer, criteria) -> list[tuple[str, list]] | None:
    """One SELECT per band in use, newest band first, each giving that band's RESULT_CAP + 1
    most recently active matches as (candidate_id, relevance, band) with its parameters;
    None when nothing can match."""
    # Relevance on the words as typed: a match on them comes before one found only through
    # a synonym, separate compound parts or an occupation's other name (those rank 0 and
    # follow by recency). ts_rank runs on each match of a band read (see below).
    text = tsquery_source(criteria.terms, widen=False)
    rank = f"ts_rank(d.document, to_tsquery('{SEARCH_CONFIG}', %s))" if text else "0"
    # Built once (the audience and the places within a radius are read once); each band
    # only changes the band parameter, the first of the SQL's. The reads that build it are
    # lookups whose plan never depends on the value asked for (the employer's region, the
    # places in a box, the words a prefix stands for, the number of bands): prepared, they
    # cost ~0.5 ms less CPU per search. The bands statement itself is not (prepared.py).
    #
    # The rank is computed on each match of the band, before the newest are kept: sorting
    # then moves narrow rows, where carrying each document (~700 bytes) through the sort
    # cost more than ranking the extra matches. On the 100k benchmark database, the load
    # mix's ten words without a place: 5.9 -> 4.1 ms a statement (median of 15 each), with
    # a place (fewer matches to sort) about the same, 4.8 -> 4.4 ms.
    with prepared_statements():
        matching = matching_documents_sql(
            viewer=viewer, criteria=criteria, tiers=range(1),
            columns=f"d.candidate_id, d.last_activity_at, {rank} AS rank")
        bands = tiers_in_use()
    if matching is None:
        return None
    sql, band_params = matching
    # Always asks for RESULT_CAP + 1 per band: with a small LIMIT the planner would walk the
    # band's recency index even for a word that is rare in it.
    return [(f"(SELECT b.candidate_id, b.rank, {tier:d} AS band FROM ("  # noqa: S608
             f"{sql} ORDER BY d.last_activity_at DESC, d.candidate_id DESC LIMIT %s) b "
             "ORDER BY b.last_activity_at DESC, b.candidate_id DESC)",
             [*([text] if text else []), tier, *band_params[1:], RESULT_CAP + 1])
            for tier in range(bands)]


def bands_statement(arms: list[tuple[str, list]]) -> tuple[str, list]:
    """The bands' SELECTs as one statement that stops at the band that fills the cap.

    The arms of a UNION ALL run one after the other (PostgreSQL's Append), and the outer
    LIMIT stops as soon as RESULT_CAP + 1 rows came, so a band whose arm is not reached is
    never read: its index scan never starts (tests/employer_portal/test_search_tiers.py
    checks that in the plan). One statement instead of a query per band: at 500k the deep
    searches (every band) were ~3 ms faster at p95. Every document of a band is more
    recently active than those of the next band, so these are the same rows as one sort of
    every match would give."""
    return (" UNION ALL ".join(sql for sql, _params in arms) + " LIMIT %s",
            [*(value for _sql, params in arms for value in params), RESULT_CAP + 1])


def _bounded_matches(*, viewer, criteria) -> list[tuple]:
    """The RESULT_CAP + 1 most recently active matches, newest first, as (candidate_id,
    relevance): what the pages rank and count (the moment itself is not fetched: parsing
    1,001 timestamps cost ~10 ms a page, and the order is all that is needed)."""
    arms = band_arms(viewer=viewer, criteria=criteria)
    if arms is None:
        return []
    by_words = bool(criteria.terms)
    rows = _fetch(*bands_statement(arms), by_word_index=by_words)
    # SQL promises no order for a UNION ALL without ORDER BY; PostgreSQL's Append keeps the
    # arms' order. Should a plan ever interleave them, the rows could be the wrong ones, so
    # they are read again one band at a time.
    if any(earlier[2] > later[2] for earlier, later in pairwise(rows)):
        rows = _band_by_band(arms, by_word_index=by_words)
    return [(candidate_id, relevance) for candidate_id, relevance, _band in rows]


def _band_by_band(arms: list[tuple[str, list]], *, by_word_index: bool) -> list[tuple]:
    found: list[tuple] = []
    for sql, params in arms:
        found += _fetch(sql, params, by_word_index=by_word_index)[:RESULT_CAP + 1 - len(found)]
        if len(found) > RESULT_CAP:
            break
    return found


def last_page(count: int) -> int:
    return max(1, -(-min(count, RESULT_CAP) // PAGE_SIZE))


def search_id_page(*, viewer, criteria, page_number: int = 1,
                   page_size: int = PAGE_SIZE) -> IdPage:
    """One page of matching candidate ids (relevance, then most recently active) and the
    count, capped. Past the last page, the last page (as Paginator.get_page does)."""
    found = _bounded_matches(viewer=viewer, criteria=criteria)
    if not found:
        return IdPage([], 1, 0)
    # The order of the page as SQL would give it: relevance, then most recently active,
    # then the newest candidate number (found is newest first, so a stable sort on
    # relevance alone keeps the rest of that order).
    ranked = sorted(found, key=lambda row: row[1], reverse=True)
    number = min(max(1, page_number), last_page(len(found)))
    start = (number - 1) * page_size
    return IdPage([row[0] for row in ranked[start:start + page_size]], number, len(found))


def search_ids_all(*, viewer, criteria) -> list[int]:
    """Every id the pages draw from (up to the cap), most recently active first: for the
    visibility matrix test, which compares it with the rules."""
    return [row[0] for row in _bounded_matches(viewer=viewer, criteria=criteria)]
