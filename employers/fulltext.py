"""The free-text part of the employer's search: from what someone typed to a tsquery.

The profile's search document (candidates/search_text.py) is built from text folded in
Python, because this PostgreSQL has no unaccent extension; the query is folded by the same
`normalise()` so "creche" finds "crèche". Only runs of letters and digits survive, joined
by our own `&`, `|` and brackets, so nothing a user types can act as tsquery syntax. The
last word gets `:*` because people search as they type ("magazijnm" already finds
"magazijnmedewerker"), from three letters on; when the search documents' vocabulary lists
few words for that prefix, they are searched instead of the prefix (employers/prefixes.py:
the same documents, found inside the index). Each word also matches its compound parts
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
from .prefixes import lexemes_tsquery, prefix_lexemes
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


def _is_prefix(word: str, *, last: bool) -> bool:
    return last and len(word) >= MIN_PREFIX_LENGTH


def _widening(word: str) -> list[str]:
    """What else one typed word matches: its compound parts together ("vrachtwagenchauffeur"
    also as "vrachtwagen & chauffeur": the documents hold the parts of their compounds too)
    and the other words of its synonym group."""
    parts = compound_split(word)
    return [*(["(" + " & ".join(parts) + ")"] if parts else []), *synonyms_of(word)]


def _alternatives(word: str, *, last: bool, widen: bool) -> str:
    """One typed word as tsquery text: the word (a prefix when it is the last, unfinished
    one) and, when `widen`, what else it matches (_widening)."""
    alternatives = [f"{word}:*" if _is_prefix(word, last=last) else word,
                    *(_widening(word) if widen else [])]
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
    plain, parts = [], []
    for segment in occupation_segments(terms, min_prefix=MIN_PREFIX_LENGTH):
        expanded = _expanded_sql(segment.words) if segment.ends_query else None
        if segment.occupation_ids:
            sql, params = expanded or (f"to_tsquery('{SEARCH_CONFIG}', %s)", [_source(
                segment.words, ends_query=segment.ends_query, widen=True)])
            parts.append((f"({sql} || %s::tsquery)", [*params, " | ".join(
                token_occupation(pk) for pk in segment.occupation_ids)]))
        elif expanded:
            parts.append(expanded)
        else:
            plain.append(_source(segment.words, ends_query=segment.ends_query, widen=True))
    if plain:
        parts.insert(0, (f"to_tsquery('{SEARCH_CONFIG}', %s)", [" & ".join(plain)]))
    return " && ".join(sql for sql, _params in parts), [
        value for _sql, params in parts for value in params]


def _expanded_sql(words: list[str]) -> tuple[str, list] | None:
    """Words that end the query as an SQL tsquery expression with its parameters, the last
    one's prefix as the few words the vocabulary lists for it (employers/prefixes.py): the
    same documents, found inside the index. None when the prefix stays a prefix."""
    last = words[-1]
    lexemes = prefix_lexemes(last) if _is_prefix(last, last=True) else None
    if lexemes is None:
        return None
    sql, params = "%s::tsquery", [lexemes_tsquery(lexemes)]
    if widening := _widening(last):
        sql, params = (f"({sql} || to_tsquery('{SEARCH_CONFIG}', %s))",
                       [*params, " | ".join(widening)])
    if complete := words[:-1]:
        # An empty to_tsquery (only stop words) leaves the other side as it is.
        sql, params = (f"(to_tsquery('{SEARCH_CONFIG}', %s) && {sql})",
                       [_source(complete, ends_query=False, widen=True), *params])
    return sql, params


def text_query(terms: list[str]) -> SearchQuery:
    # search_type="raw" is to_tsquery(config, %s): the source travels as a parameter.
    return SearchQuery(tsquery_source(terms), search_type="raw", config=SEARCH_CONFIG)
