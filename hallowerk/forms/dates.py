"""Dates as the Dutch write them, the same on every page, phone and browser.

A browser's own date picker shows its own language and format ("mm/dd/yyyy" in an English
Chromium) whatever the page says; a text box for day-month-year does not, and works the
same with a screen reader. ISO dates (2026-03-15) are accepted too, so a pasted or
bookmarked date still works.
"""

from django import forms

DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y", "%Y-%m-%d"]


def dutch_date_widget() -> forms.DateInput:
    return forms.DateInput(format="%d-%m-%Y",
                           attrs={"autocomplete": "off", "inputmode": "numeric",
                                  "class": "hw-date"})
