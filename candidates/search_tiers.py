"""Recency bands of the employer's search documents (issue 11).

Why: a GIN index answers "which documents match" but not "which match *first*", so a search
that matches 40,000 people read all 40,000 to pick the 1,001 most recently active ones
(employers/search_query.py shows at most RESULT_CAP). Its cost grew with the country. Now the
documents are split by recency into bands of a fixed size, each with a partial GIN index of
its own: band 0 holds the 25,000 most recently active documents, band 1 the next 50,000,
then 100,000, 200,000 and the rest. A search reads the bands newest first and stops as soon
as it has RESULT_CAP + 1: a broad search never leaves the first bands, whatever the size of
the country, and a narrow one reads every band but finds little in each.

The bands never change the answer, only how it is read. Every document of band k is at
least as recently active as every document of band k + 1, because a band is a range of
last_activity_at: band k starts at its boundary (SearchTierBoundary) and a document goes to
the lowest band whose boundary it reaches. The boundaries move only here, in
`search_tiers_rebalance()` (every 15 minutes, candidates/schedule.py), which sets the
boundaries and moves the documents across them in one transaction. In between, a candidate
who becomes active is written into band 0 (their last_activity_at passes its boundary) and
the bands drift slowly in size; that costs a little speed, never a result.
"""

from django.db import connection, transaction

from .models import SEARCH_TIERS

# Documents in bands 0 .. SEARCH_TIERS - 2, counted from the most recent: the band after
# the last boundary holds the rest.
TIER_SIZES = (25_000, 50_000, 100_000, 200_000)
assert len(TIER_SIZES) == SEARCH_TIERS - 1

# The band of a document whose last activity is `column`, from the boundaries as stored:
# the insert of candidates/search_documents.py and the rebalance below use this one
# definition. No boundaries (a new installation, the tests): everything is band 0.
TIER_OF_SQL = """coalesce(
    (SELECT min(b.tier) FROM candidates_searchtierboundary b WHERE {column} >= b.active_since),
    (SELECT count(*) FROM candidates_searchtierboundary))"""

_REBALANCE_LOCK = 0x5EA2C4  # pg advisory lock key: one rebalance at a time


def tiers_in_use() -> int:
    """How many bands hold documents now: one more than the boundaries."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM candidates_searchtierboundary")
        return cursor.fetchone()[0] + 1


def _boundaries(sizes: tuple[int, ...]) -> list:
    """The last_activity_at where each band ends: the document at position size - 1 in
    recency order, while there is one. Bands hold ranges of last_activity_at, so ordering
    by band first is the recency order, read from the search_document_band_recent index."""
    boundaries, position = [], 0
    with connection.cursor() as cursor:
        for size in sizes:
            position += size
            cursor.execute("SELECT last_activity_at FROM candidates_searchdocument "
                           "ORDER BY tier, last_activity_at DESC, candidate_id DESC "
                           "OFFSET %s LIMIT 1", [position - 1])
            row = cursor.fetchone()
            if row is None:
                break
            boundaries.append(row[0])
    return boundaries


def search_tiers_rebalance(sizes: tuple[int, ...] = TIER_SIZES) -> int:
    """Set the band boundaries from the documents as they are now and move every document
    to its band. Returns how many documents moved (0 when another rebalance holds the
    lock). `sizes` is for the tests, which use bands of a few documents."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_REBALANCE_LOCK])
        if not cursor.fetchone()[0]:
            return 0
        boundaries = _boundaries(sizes)
        cursor.execute("DELETE FROM candidates_searchtierboundary")
        for tier, active_since in enumerate(boundaries):
            cursor.execute("INSERT INTO candidates_searchtierboundary (tier, active_since) "
                           "VALUES (%s, %s)", [tier, active_since])
        tier_of = TIER_OF_SQL.format(column="d.last_activity_at")
        cursor.execute(f"UPDATE candidates_searchdocument d SET tier = {tier_of} "  # noqa: S608
                       f"WHERE d.tier <> {tier_of}")
        return cursor.rowcount
