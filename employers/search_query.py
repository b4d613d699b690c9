"""The employer's search as one index-driven query over the search documents (issue 11).

Why its cost follows the answer and not the country: the audience (which municipalities'
region-scoped candidates this employer may see, or those shared with all) and the token
filters (occupation, sector, licence, language, physical "can") are tokens in the document
(candidates/search_documents.py), so the GIN index returns only documents this employer
may see that pass them and contain the words. Place within a radius, availability and
hours are checked on the rows found (a radius is hundreds of places: too many tokens).
Of those, the RESULT_CAP + 1 most recently active are taken (a top-N sort of narrow rows),
and only those are ranked by relevance. Beyond the cap the page says "meer dan 1.000" and
asks to refine: an exact count and a full ranking would cost as much as the whole match.

This module returns candidate ids in page order. The caller fetches the rows through
Candidate.objects.visible_to(), so a document that is a moment behind can hide a candidate
but never show one the rules keep out.
"""

from dataclasses import dataclass

from django.db import connection

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


def _conditions(criteria, terms: list[str], filters: str) -> tuple[str, list] | None:
    """WHERE clause over the documents `d`, with its parameters in order."""
    if terms:
        text, text_params = text_tsquery(terms)
        where = [f"d.document @@ (%s::tsquery && {text})",
                 # Only stop words ("de", "het"): an empty text query finds nothing, not all.
                 f"numnode({text}) > 0"]
        params: list = [filters, *text_params, *text_params]
    else:
        where, params = ["d.document @@ %s::tsquery"], [filters]
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


def matching_documents_sql(*, viewer, criteria) -> tuple[str, list] | None:
    """SELECT of (candidate_id, last_activity_at, document) of every document this
    employer may see that passes the criteria, uncapped; None when nothing can match."""
    audience = employer_audience(viewer)
    if audience is None:
        return None
    conditions = _conditions(criteria, criteria.terms, filter_tsquery(criteria, audience))
    if conditions is None:
        return None
    where, params = conditions
    return ("SELECT d.candidate_id, d.last_activity_at, d.document "  # noqa: S608
            f"FROM candidates_searchdocument d WHERE {where}", params)


def _bounded_sql(*, viewer, criteria) -> tuple[str, list] | None:
    """The RESULT_CAP + 1 most recently active matches: what the pages rank and count."""
    matching = matching_documents_sql(viewer=viewer, criteria=criteria)
    if matching is None:
        return None
    sql, params = matching
    return (f"{sql} ORDER BY d.last_activity_at DESC, d.candidate_id DESC "
            f"LIMIT {RESULT_CAP + 1}", params)


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def last_page(count: int) -> int:
    return max(1, -(-min(count, RESULT_CAP) // PAGE_SIZE))


def search_id_page(*, viewer, criteria, page_number: int = 1,
                   page_size: int = PAGE_SIZE) -> IdPage:
    """One page of matching candidate ids (relevance, then most recently active) and the
    count, capped. Past the last page, the last page (as Paginator.get_page does)."""
    bounded = _bounded_sql(viewer=viewer, criteria=criteria)
    if bounded is None:
        return IdPage([], 1, 0)
    sql, params = bounded
    # Relevance on the words as typed: a match on them comes before one found only through
    # a synonym, separate compound parts or an occupation's other name (those rank 0 and
    # follow by recency). One ts_rank only: it costs ~20 µs a document, 20 ms over the
    # 1,001 ranked at 500k.
    text = tsquery_source(criteria.terms, widen=False)
    rank = f"ts_rank(b.document, to_tsquery('{SEARCH_CONFIG}', %s)) DESC, " if text else ""
    page_sql = (f"SELECT b.candidate_id, count(*) OVER () FROM ({sql}) b "  # noqa: S608
                f"ORDER BY {rank}b.last_activity_at DESC, b.candidate_id DESC LIMIT %s OFFSET %s")

    def page(number: int) -> list[tuple]:
        return _fetch(page_sql, [*params, *([text] if text else []), page_size,
                                 (number - 1) * page_size])

    # Bounded before it reaches the database: a page number of any size is safe.
    number = min(max(1, page_number), last_page(RESULT_CAP + 1))
    rows = page(number)
    if rows:
        return IdPage([pk for pk, _total in rows], number, rows[0][1])
    count = _fetch(f"SELECT count(*) FROM ({sql}) b", params)[0][0]  # noqa: S608
    if count == 0:
        return IdPage([], 1, 0)
    number = last_page(count)
    return IdPage([pk for pk, _total in page(number)], number, count)


def search_ids_all(*, viewer, criteria) -> list[int]:
    """Every id the pages draw from (up to the cap), most recently active first: for the
    visibility matrix test, which compares it with the rules."""
    bounded = _bounded_sql(viewer=viewer, criteria=criteria)
    if bounded is None:
        return []
    sql, params = bounded
    return [row[0] for row in _fetch(f"SELECT b.candidate_id FROM ({sql}) b",  # noqa: S608
                                     params)]
