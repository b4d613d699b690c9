"""Occupations' other names in the employer's search (issue 18).

Someone who chose the occupation "Laders en lossers / magazijnmedewerkers" (ISCO 9333) may
never have written "orderpicker", yet an employer who types that word means them. The
search documents already hold a token per chosen occupation (candidates/search_documents.py),
so a typed word that is one of an occupation's other names (hallowerk/reference/data/
occupations.csv) also matches that token: no document has to be rebuilt when a name is
added. A name of several words ("laad en losmedewerker") counts when the words are typed in
that order; the last word typed may still be unfinished ("orderp").
"""

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


def _spells(name: tuple[str, ...], words: tuple[str, ...], *, unfinished: bool,
            min_prefix: int) -> bool:
    """Do `words` spell `name`? An `unfinished` last word may be the start of the name's."""
    if len(words) != len(name) or words[:-1] != name[:-1]:
        return False
    typed, last = words[-1], name[-1]
    return typed == last or (unfinished and len(typed) >= min_prefix
                             and last.startswith(typed))


def _candidate_names(rest: list[str], min_prefix: int):
    by_first = _names_by_first_word()
    if len(rest) == 1 and len(rest[0]) >= min_prefix:  # the last word: maybe unfinished
        return [entry for first, entries in by_first.items() if first.startswith(rest[0])
                for entry in entries]
    return by_first.get(rest[0], [])


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
