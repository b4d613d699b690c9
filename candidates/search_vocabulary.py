"""The search's vocabulary (SearchLexeme): removing the words no document holds any more.

Database triggers add the words of every document written (migration 0019), so the
vocabulary is never short of a word. Words only leave it here, at night: after a candidate
stopped sharing, was erased or changed their text, their words should not outlive them by
more than a day, even unlinked to anyone.

Two steps, so document writers (a profile save) are never held up for long:
1. without a lock, the words absent from every document (reads each document once);
2. with the vocabulary locked against writers, each of those few is looked up in the
   documents once more (one index probe per band) and removed only if still absent. A writer
   that added a document with such a word either committed before the lock (the probe sees
   its document) or waits for it and then adds the word again (its trigger finds it gone).
"""

from django.db import connection, transaction

from .models import SEARCH_TIERS

_ABSENT_SQL = """
SELECT lexeme FROM candidates_searchlexeme
EXCEPT
SELECT word COLLATE "C" FROM candidates_searchdocument,
    unnest(tsvector_to_array(document)) AS word
"""

# The word as a tsquery of itself (quoted tsquery syntax, no stemming).
_AS_TSQUERY = "('''' || replace(replace(l.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery"


def _held_in_some_band() -> str:
    """One probe of each band's partial GIN index (a condition without the band would read
    the whole table), and any document outside the bands."""
    # Constant SQL: band numbers and our own expression.
    probe = ("EXISTS (SELECT 1 FROM candidates_searchdocument d WHERE d.tier {band} "  # noqa: S608
             f"AND d.document @@ {_AS_TSQUERY})")
    return " OR ".join([*(probe.format(band=f"= {tier}") for tier in range(SEARCH_TIERS)),
                        probe.format(band=f">= {SEARCH_TIERS}")])


def search_lexemes_prune() -> int:
    """Remove the words no search document holds. Returns how many were removed."""
    with connection.cursor() as cursor:
        cursor.execute(_ABSENT_SQL)
        absent = [row[0] for row in cursor.fetchall()]
    return search_lexemes_forget(absent)


def document_words(candidate_ids: list[int]) -> list[str]:
    """The words of these candidates' search documents (tokens left out)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT word FROM candidates_searchdocument, "
                       "unnest(tsvector_to_array(document)) AS word "
                       "WHERE candidate_id = ANY(%s) AND left(word, 1) <> '@'", [candidate_ids])
        return [row[0] for row in cursor.fetchall()]


def search_lexemes_forget(words: list[str]) -> int:
    """Remove those of `words` that no search document holds now: at night for all of them,
    at once for the words of a jobseeker who erased what they entered (read with
    document_words() before their document went). Returns how many were removed."""
    if not words:
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        # EXCLUSIVE: readers (the search) go on; writers of words wait for this commit.
        cursor.execute("LOCK TABLE candidates_searchlexeme IN EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM candidates_searchlexeme l "  # noqa: S608 (constant SQL)
                       f"WHERE l.lexeme = ANY(%s) AND NOT ({_held_in_some_band()})", [words])
        return cursor.rowcount
