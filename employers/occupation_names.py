"""Occupations' other names in the employer's search (issue 18).

Someone who chose the occupation "Laders en lossers / magazijnmedewerkers" (ISCO 9333) may
never have written "orderpicker", yet an employer who types that word means them. The
search documents already hold a token per chosen occupation (candidates/search_documents.py),
so a typed word that is one of an occupation's other names (hallowerk/reference/data/
occupations.csv) also matches that token: no document has to be rebuilt when a name is
added. A name of several words ("laad en losmedewerker") counts when the words are typed in
that order; the last word typed may still be unfinished ("orderp").
"""

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from hallowerk.reference.occupations import other_name_index


@dataclass(frozen=True)
class Segment:
    """Consecutive typed words, and the occupations of the other name they spell (if any)."""

    words: tuple[str, ...]
    occupation_ids: tuple[int, ...] = ()
    ends_query: bool = False


@cache
def _names_by_first_word() -> dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]]:
    names: dict[str, list] = {}
    for name, ids in other_name_index().items():
        names.setdefault(name[0], []).append((name, ids))
    return names


@cache
def _sorted_first_words() -> list[str]:
    return sorted(_names_by_first_word())


def _spells(name: tuple[str, ...], words: tuple[str, ...], *, unfinished: bool,
            min_prefix: int) -> bool:
    """Do `words` spell `name`? An `unfinished` last word may be the start of the name's."""
    if len(words) != len(name) or words[:-1] != name[:-1]:
        return False
    typed, last = words[-1], name[-1]
    return typed == last or (unfinished and len(typed) >= min_prefix
                             and last.startswith(typed))


def _candidate_names(rest: list[str], min_prefix: int):
    """The names that may start at `rest[0]`: by that word, or, for the last word typed,
    by every first word it begins (a range of the sorted first words)."""
    by_first = _names_by_first_word()
    if len(rest) > 1 or len(rest[0]) < min_prefix:
        return by_first.get(rest[0], [])
    firsts = _sorted_first_words()
    found, at = [], bisect_left(firsts, rest[0])
    while at < len(firsts) and firsts[at].startswith(rest[0]):
        found += by_first[firsts[at]]
        at += 1
    return found


def occupation_segments(terms: list[str], *, min_prefix: int) -> list[Segment]:
    """The query's words in order, grouped where they spell other names (the longest name
    at each place): ['ervaren', 'orderpicker'] → [('ervaren',), ('orderpicker',) → 9333]."""
    segments, at = [], 0
    while at < len(terms):
        rest = terms[at:]
        spelled: dict[int, set[int]] = {}
        for name, ids in _candidate_names(rest, min_prefix):
            words = tuple(rest[:len(name)])
            if _spells(name, words, unfinished=len(name) == len(rest), min_prefix=min_prefix):
                spelled.setdefault(len(name), set()).update(ids)
        length = max(spelled, default=1)
        segments.append(Segment(tuple(rest[:length]), tuple(sorted(spelled.get(length, ()))),
                                ends_query=at + length == len(terms)))
        at += length
    return segments
