"""Dutch compound words split into their parts, for the employer's search (issue 18).

Dutch writes compounds as one word: an employer who types "chauffeur" should find the
candidate who wrote "vrachtwagenchauffeur". When a search document is built, every long
word that is a compound of known words gets its parts added next to it
(candidates/search_text.py); the employer's words are split the same way
(employers/fulltext.py), so "vrachtwagenchauffeur" also finds "chauffeur op een
vrachtwagen".

The known words are the most common words of the Dutch frequency list of the `wordfreq`
package (built from subtitles, Wikipedia, news and the web), not a hand list. A word is
split only when:
- it is at least MIN_COMPOUND letters long and not itself very common (a word as common
  as "medewerker" or "onderwijs" is a word of its own; splitting it would make "werker"
  or "wijs" find it);
- every part is a known word of at least MIN_PART letters (MIN_HEAD for the last part, the
  head of a Dutch compound, so "hoofdkok" gives "kok"); a linking "s" may follow a part
  ("bedieningsmedewerker");
- of all such splits, the one with the fewest parts wins (then the most common parts).
"""

import re
from functools import cache

from wordfreq import top_n_list

MIN_COMPOUND = 8
MIN_PART = 4
MIN_HEAD = 3
# Words by frequency rank in the wordfreq Dutch list. Rank 40,000 is a Zipf frequency of
# about 2.8 (once in 1.6 million words: "vrachtwagenchauffeur" is 24,340); the first
# 5,500 are about 4.1 and up ("medewerker" 1,810, "onderwijs" 538): words of their own.
KNOWN_WORDS = 40_000
LEXICALISED = 5_500
LINKING = ("s",)
# Endings that are also in the word list (a bank, a name) but end a word rather than
# head a compound: "bediening" is not "bedien" + "ing".
NOT_PARTS = frozenset({"ing", "heid", "baar", "lijk", "loos", "ster", "tje", "tie", "teit",
                       "schap", "dom", "isch", "achtig", "erij", "ers", "aar"})
WORD = re.compile(r"[^\W\d_]+")


@cache
def word_ranks() -> dict[str, int]:
    """Common Dutch words → their frequency rank (loaded once per process, < 1 s)."""
    return {word: rank for rank, word in enumerate(top_n_list("nl", KNOWN_WORDS))
            if len(word) >= MIN_HEAD and word.isalpha()}


def _is_part(text: str, *, head: bool) -> bool:
    return (len(text) >= (MIN_HEAD if head else MIN_PART) and text in word_ranks()
            and text not in NOT_PARTS)


@cache
def _best_split(word: str, *, whole: bool) -> tuple[str, ...] | None:
    """The best split of `word` into known parts, or None. With `whole`, a known word is
    its own (only) part: parts are not split further."""
    if whole and _is_part(word, head=True):
        return (word,)
    best: tuple[str, ...] | None = None
    for end in range(MIN_PART, len(word) - MIN_HEAD + 1):
        first = word[:end]
        if not _is_part(first, head=False):
            continue
        rest = word[end:]
        for tail_text in [rest, *(rest[len(link):] for link in LINKING
                                  if rest.startswith(link))]:
            tail = (_best_split(tail_text, whole=True) if len(tail_text) >= MIN_HEAD
                    else None)
            if tail is not None and _better((first, *tail), best):
                best = (first, *tail)
    return best


def _better(candidate: tuple[str, ...], best: tuple[str, ...] | None) -> bool:
    if best is None:
        return True
    if len(candidate) != len(best):
        return len(candidate) < len(best)
    ranks = word_ranks()
    # The split whose rarest part is the more common one.
    return max(ranks[p] for p in candidate) < max(ranks[p] for p in best)


def _lexicalised(word: str) -> bool:
    return word_ranks().get(word, LEXICALISED) < LEXICALISED


def compound_split(word: str) -> tuple[str, ...]:
    """The parts of a compound, one level: 'thuiszorgmedewerker' → ('thuiszorg',
    'medewerker'); () when it is not a compound."""
    if len(word) < MIN_COMPOUND or not word.isalpha() or _lexicalised(word):
        return ()
    return _best_split(word, whole=False) or ()


@cache
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a compound word, and the parts of those, or () when it is not one:
    'vrachtwagenchauffeur' → ('vrachtwagen', 'chauffeur');
    'thuiszorgmedewerker' → ('thuiszorg', 'thuis', 'zorg', 'medewerker'); 'chauffeur' → ()."""
    parts: list[str] = []
    for part in compound_split(word):
        parts += [part, *compound_parts(part)]
    return tuple(parts)


def with_compound_parts(text: str) -> str:
    """`text` followed by the parts of its compound words (each compound once), so the
    search document holds both: 'ervaren vrachtwagenchauffeur' →
    'ervaren vrachtwagenchauffeur vrachtwagen chauffeur'."""
    extra: dict[str, None] = {}
    for word in WORD.findall(text):
        if len(word) >= MIN_COMPOUND:
            for part in compound_parts(word):
                extra[part] = None
    return f"{text} {' '.join(extra)}" if extra else text
