"""Dates written as people read them on our pages ("5 maart 2026"), kept per date and
language (issue 12).

date_format(value, "j F Y") costs about 40 µs a call (format look-ups and translations of
the month), and a list page writes the same few dates again and again: the employer's 25
results (available from), the coach's 25 rows (last active). Kept once per process for the
most recent LONG_DATES_KEPT dates and languages; a date and a language always write the same.
"""

from datetime import date, datetime
from functools import lru_cache

from django.utils.formats import date_format
from django.utils.translation import get_language

LONG_DATES_KEPT = 4096


def long_date(value: date) -> str:
    """The date as "j F Y" in the active language. A datetime is written by its date: the
    caller converts it to the site's time zone first."""
    if isinstance(value, datetime):
        value = value.date()
    return _long_date(value, get_language())


@lru_cache(maxsize=LONG_DATES_KEPT)
def _long_date(value: date, language: str | None) -> str:
    # `language` is the active one (the key); date_format reads it from the thread.
    return date_format(value, "j F Y")
