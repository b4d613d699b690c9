""""Bedoelde u: magazijn?" — a spelling suggestion when a search finds (almost) nothing
(issue 18).

Where the words come from, and why that reveals nothing: suggestions are drawn from public
word lists only — common Dutch words (the wordfreq list that also splits compounds), the
occupations' names in Dutch and English, and our synonym list — never from the profiles'
own texts. A suggestion is shown only when the corrected search finds candidates *this
employer may see* (the same search, through the same visibility), so all it tells is that
profiles they could find anyway contain the word.
"""

import string
from dataclasses import replace
from functools import cache

from candidates.compounds import word_ranks
from hallowerk.models import Occupation

from .fulltext import search_terms
from .search_query import search_id_page
from .synonyms import synonym_words

# "Nothing or very little": at most this many results before a suggestion is looked for.
FEW_RESULTS = 2
MIN_WORD = 4
LETTERS = string.ascii_lowercase


@cache
def _occupation_words() -> frozenset[str]:
    words: set[str] = set()
    for label_nl, label_en in Occupation.objects.values_list("label_nl", "label_en"):
        words.update(search_terms(f"{label_nl} {label_en}"))
    return frozenset(word for word in words if len(word) >= MIN_WORD and word.isalpha())


def _vocabulary_rank(word: str) -> tuple[int, int] | None:
    """Lower is a better suggestion: our own job words first, then the more common Dutch
    word ("bakker" before "baker")."""
    rank = word_ranks().get(word)
    own = word in synonym_words() or word in _occupation_words()
    if rank is None and not own:
        return None
    return (0 if own else 1, len(word_ranks()) if rank is None else rank)


def _edits(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
            | {a + c + b for a, b in splits for c in LETTERS})


def closest_known_word(word: str) -> str | None:
    """The known word closest to `word` (one edit, else two), the most likely first; None
    when `word` is known itself, too short, or nothing is near."""
    if len(word) < MIN_WORD or not word.isalpha() or _vocabulary_rank(word) is not None:
        return None
    near = _edits(word)
    for candidates in (near, {far for close in near for far in _edits(close)}):
        ranked = [(rank, known) for known in candidates
                  if (rank := _vocabulary_rank(known)) is not None]
        if ranked:
            return min(ranked)[1]
    return None


def spelling_suggestion(*, viewer, criteria) -> str | None:
    """The search text with each unknown word replaced by the closest known word, if that
    search finds candidates this viewer may see; else None."""
    words = search_terms(criteria.text)
    corrected = [closest_known_word(word) or word for word in words]
    if corrected == words:
        return None
    text = " ".join(corrected)
    found = search_id_page(viewer=viewer, criteria=replace(criteria, text=text), page_size=1)
    return text if found.count else None
