"""The free-text part of the employer's search: from what someone typed to a tsquery.

The profile's search document (candidates/search_text.py) is built from text folded in
Python, because this PostgreSQL has no unaccent extension; the query is folded by the same
`normalise()` so "creche" finds "crèche". Only runs of letters and digits survive, joined
by our own `&`, so nothing a user types can act as tsquery syntax. The last word gets `:*`
because people search as they type ("magazijnm" already finds "magazijnmedewerker"), from
three letters on.
"""

import re

from django.contrib.postgres.search import SearchQuery

from candidates.search_text import SEARCH_CONFIG, normalise

# Longer queries are cut, with a visible notice (employers/search_form.py).
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


def tsquery_source(terms: list[str]) -> str:
    """The text handed to to_tsquery(): every word required, the last one as a prefix."""
    if not terms:
        return ""
    *complete, last = terms
    if len(last) >= MIN_PREFIX_LENGTH:
        last = f"{last}:*"
    return " & ".join([*complete, last])


def text_query(terms: list[str]) -> SearchQuery:
    # search_type="raw" is to_tsquery(config, %s): the source travels as a parameter.
    return SearchQuery(tsquery_source(terms), search_type="raw", config=SEARCH_CONFIG)
