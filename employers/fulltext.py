"""The free-text part of the employer's search: from what someone typed to a tsquery.

The profile's search document (candidates/search_text.py) is built from text folded in
Python, because this PostgreSQL has no unaccent extension; the query is folded by the same
`normalise()` so "creche" finds "crèche". Only runs of letters and digits survive, joined
by our own `&`, `|` and brackets, so nothing a user types can act as tsquery syntax. The
last word gets `:*` because people search as they type ("magazijnm" already finds
"magazijnmedewerker"), from three letters on. Each word also matches its compound parts
and its synonyms (issue 18): the parts and synonyms come from our own lists, letters only.
Words that are another name of an occupation also match the token of that occupation
(employers/occupation_names.py): tokens are not words, so that part is a tsquery of its own
(`text_tsquery`).
"""

import re

from django.contrib.postgres.search import SearchQuery

from candidates.compounds import compound_split
from candidates.search_documents import token_occupation
from candidates.search_text import SEARCH_CONFIG, normalise

from .occupation_names import occupation_segments
from .synonyms import synonyms_of

# Longer queries are cut, with a visible notice (employers/forms/search.py).
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# A prefix of one or two letters matches a large part of all profiles and says little; such a
# last word is searched as a whole word.
MIN_PREFIX_LENGTH = 3
_WORD = re.compile(r"[^\W_]+")


def search_terms(text: str) -> list[str]:
    """Folded words of `text`, at most MAX_TERMS: 'Crèche-leidster, ervaren!' →
    ['creche', 'leidster', 'ervaren']."""
    return _WORD.findall(normalise(text))[:MAX_TERMS]


def count_terms(text: str) -> int:
    return len(_WORD.findall(normalise(text)))


def _alternatives(word: str, *, last: bool, widen: bool) -> str:
    """One typed word as tsquery text: the word (a prefix when it is the last, unfinished
    one), its compound parts together ("vrachtwagenchauffeur" also as "vrachtwagen &
    chauffeur": the documents hold the parts of their compounds too) and the other words
    of its synonym group — the last two only when `widen`."""
    alternatives = [f"{word}:*" if last and len(word) >= MIN_PREFIX_LENGTH else word]
    parts = compound_split(word) if widen else ()
    if parts:
        alternatives.append("(" + " & ".join(parts) + ")")
    if widen:
        alternatives += synonyms_of(word)
    return alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")"


def _source(words, *, ends_query: bool, widen: bool) -> str:
    """Every word required (or one of its alternatives); the query's last word also as a
    prefix."""
    *complete, last = words
    return " & ".join([*(_alternatives(word, last=False, widen=widen) for word in complete),
                       _alternatives(last, last=ends_query, widen=widen)])


def tsquery_source(terms: list[str], *, widen: bool = True) -> str:
    """The text handed to to_tsquery(): every word required (or one of its alternatives),
    the last one also as a prefix. Without `widen`, only the words as typed: what ranks a
    match on them above a match on a synonym, on separate parts of a compound or on an
    occupation's other name."""
    if not terms:
        return ""
    return _source(terms, ends_query=True, widen=widen)


def text_tsquery(terms: list[str]) -> tuple[str, list]:
    """The words as an SQL tsquery expression and its parameters: `tsquery_source`, where
    words that spell an occupation's other name may instead match its token: 'ervaren
    orderpicker' → to_tsquery('ervaren') && (to_tsquery('orderpicker:*') || '@o12')."""
    if not terms:
        return f"to_tsquery('{SEARCH_CONFIG}', %s)", [""]
    plain, named = [], []
    for segment in occupation_segments(terms, min_prefix=MIN_PREFIX_LENGTH):
        source = _source(segment.words, ends_query=segment.ends_query, widen=True)
        if segment.occupation_ids:
            named.append((source, " | ".join(token_occupation(pk)
                                             for pk in segment.occupation_ids)))
        else:
            plain.append(source)
    parts, params = [], []
    if plain:
        parts.append(f"to_tsquery('{SEARCH_CONFIG}', %s)")
        params.append(" & ".join(plain))
    for source, tokens in named:
        parts.append(f"(to_tsquery('{SEARCH_CONFIG}', %s) || %s::tsquery)")
        params += [source, tokens]
    return " && ".join(parts), params


def text_query(terms: list[str]) -> SearchQuery:
    # search_type="raw" is to_tsquery(config, %s): the source travels as a parameter.
    return SearchQuery(tsquery_source(terms), search_type="raw", config=SEARCH_CONFIG)
