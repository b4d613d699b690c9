"""Find the word-list terms of `words_nl` and `words_en` in a text.

Matching runs on a folded copy of the text that has exactly the same length, so a match's
offsets are offsets in the original: accents go ("patiënt" → "patient") but no character is
added or removed, which `hallowerk.reference.fold` does not promise (it squeezes spaces).
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache

from . import words_en, words_nl
from .findings import Category

_SEPARATOR = r"[\s\-]+"
_DASHES = str.maketrans("‐‑‒–—―’‘`", "------'''")


def _fold_char(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


def fold_same_length(text: str) -> str:
    """Strip accents and unify dashes, keeping every character in its place."""
    folded = "".join(_fold_char(char) if not char.isascii() else char for char in text)
    return folded.translate(_DASHES)


def _word_pattern(word: str) -> str:
    prefix, stem = word.startswith("*"), word.endswith("*")
    word = word.strip("*")
    # Inside a word a hyphen is optional: burn-out, burn out, burnout.
    pattern = r"[\s\-]?".join(re.escape(part) for part in word.split("-"))
    return (r"\w*" if prefix else "") + pattern + (r"\w*" if stem else "")


def term_pattern(term: str) -> str:
    """Regex for one entry in the word-list syntax (see `words_nl`), on whole words."""
    words = term.split()
    pattern = _word_pattern(words[0])
    for word in words[1:]:
        if word.startswith("[") and word.endswith("]"):
            options = "|".join(_word_pattern(option) for option in word[1:-1].split("|"))
            pattern += rf"(?:{_SEPARATOR}(?:{options}))?"
        else:
            pattern += _SEPARATOR + _word_pattern(word)
    return pattern


def _compile(terms: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    # Longest entries first, so "chronisch ziek" wins over "ziek" at the same position.
    patterns = sorted({term_pattern(term) for term in terms}, key=len, reverse=True)
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", flags)


@cache
def _category_patterns() -> list[tuple[Category, re.Pattern[str]]]:
    compiled = []
    for category in Category:
        for source, flags in (("TERMS", re.IGNORECASE), ("CASE_SENSITIVE", 0)):
            terms = [
                term
                for module in (words_nl, words_en)
                for term in getattr(module, source).get(category, [])
            ]
            pattern = _compile(terms, flags)
            if pattern is not None:
                compiled.append((category, pattern))
    return compiled


@cache
def _allowed_pattern() -> re.Pattern[str]:
    pattern = _compile([*words_nl.ALLOWED, *words_en.ALLOWED], re.IGNORECASE)
    assert pattern is not None
    return pattern


def find_terms(text: str) -> Iterator[tuple[Category, int, int]]:
    """(category, start, end) for every term, except inside an allowed phrase."""
    folded = fold_same_length(text)
    allowed = [match.span() for match in _allowed_pattern().finditer(folded)]
    for category, pattern in _category_patterns():
        for match in pattern.finditer(folded):
            start, end = match.span()
            if not any(a_start <= start and end <= a_end for a_start, a_end in allowed):
                yield category, start, end
