""""Bedoelde u: magazijn?" — a spelling suggestion when a search finds (almost) nothing
(issue 18).

Where the words come from, and why that reveals nothing: suggestions are drawn from public
word lists only — common Dutch words (the wordfreq list that also splits compounds), the
occupations' names in Dutch and English and their other names, and our synonym list —
never from the profiles' own texts. A suggestion is shown only when the corrected search
finds candidates *this employer may see* (the same search, through the same visibility), so
all it tells is that profiles they could find anyway contain the word.
"""

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
# Longer words get no suggestion (nobody mistypes a 40-letter word into another one).
MAX_WORD = 30


@cache
def _occupation_words() -> frozenset[str]:
    words: set[str] = set()
    for names in Occupation.objects.values_list("label_nl", "label_en", "other_names"):
        words.update(search_terms(" ".join(names)))
    return frozenset(word for word in words if len(word) >= MIN_WORD and word.isalpha())


def _vocabulary_rank(word: str) -> tuple[int, int] | None:
    """Lower is a better suggestion: our own job words first, then the more common Dutch
    word ("bakker" before "baker")."""
    rank = word_ranks().get(word)
    own = word in synonym_words() or word in _occupation_words()
    if rank is None and not own:
        return None
    return (0 if own else 1, len(word_ranks()) if rank is None else rank)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@cache
def _deletion_index() -> dict[str, tuple[str, ...]]:
    """Every known word, and every known word less one letter → the known words it comes
    from (a SymSpell-style index, built once per process): a typo and a known word one
    or two edits apart share an entry."""
    index: dict[str, list[str]] = {}
    for word in {*word_ranks(), *synonym_words(), *_occupation_words()}:
        for variant in {word, *_deletions(word)}:
            index.setdefault(variant, []).append(word)
    return {variant: tuple(words) for variant, words in index.items()}


def edit_distance(a: str, b: str) -> int:
    """Letters inserted, deleted, replaced or swapped with a neighbour (optimal string
    alignment distance)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1,
                       previous[j - 1] + (char_a != char_b))
            if (previous2 is not None and j > 1 and char_a == b[j - 2]
                    and a[i - 2] == char_b):
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def closest_known_word(word: str) -> str | None:
    """The known word closest to `word` (one edit before two; then our own job words, then
    the most common), or None when `word` is known itself, too short or too long, or
    nothing known is within two edits."""
    if (not MIN_WORD <= len(word) <= MAX_WORD or not word.isalpha()
            or _vocabulary_rank(word) is not None):
        return None
    index = _deletion_index()
    near = {known for variant in {word, *_deletions(word)} for known in index.get(variant, ())}
    ranked = [(distance, _vocabulary_rank(known), known) for known in near
              if (distance := edit_distance(word, known)) <= 2]
    return min(ranked)[2] if ranked else None


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
