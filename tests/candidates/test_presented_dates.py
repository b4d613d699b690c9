"""Dates on the profile and result pages are written as "j F Y" in the active language,
kept per date and language (candidates/presenters.py, _long_date)."""

import datetime

from django.utils import translation
from django.utils.formats import date_format

from candidates.models import Profile
from candidates.presenters import _display

AVAILABLE_FROM = Profile._meta.get_field("available_from")


def test_a_date_is_written_in_the_language_active_at_the_time():
    day = datetime.date(2026, 3, 5)
    for language, expected in (("nl", "5 maart 2026"), ("en", "5 March 2026"),
                               ("nl", "5 maart 2026")):
        with translation.override(language):
            assert _display(AVAILABLE_FROM, day) == expected == date_format(day, "j F Y")


def test_each_date_is_its_own():
    with translation.override("nl"):
        assert [_display(AVAILABLE_FROM, datetime.date(2026, month, 1))
                for month in (1, 2)] == ["1 januari 2026", "1 februari 2026"]


def test_a_moment_is_written_by_its_date():
    from hallowerk.long_dates import long_date

    with translation.override("en"):
        assert long_date(datetime.datetime(2026, 3, 5, 23, 59)) == "5 March 2026"
