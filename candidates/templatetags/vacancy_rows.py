"""The jobseeker's vacancy list rows as HTML (templates/candidates/jobseeker/vacancies.html).

Written in Python rather than in the template language: 20 rows cost ~5 ms of CPU per page
in the template (a URL, an include for the hours with three conditions, a cut text per row),
a third of the page (issue 12). The markup is the one the template wrote; every value is
escaped as the template escaped it (tests/candidates/test_vacancy_rows_html.py compares the
two in Dutch and English).
"""

from django import template
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from hallowerk.fast_html import escaped, link_maker

register = template.Library()

DESCRIPTION_WORDS = 30


def hours_text(vacancy) -> str:
    """templates/candidates/jobseeker/includes/hours.html: the hours a week, as a range,
    an upper or a lower bound."""
    low, high = vacancy.hours_per_week_min, vacancy.hours_per_week_max
    if low and high:
        if low == high:
            return _("%(hours)s uur per week") % {"hours": high}
        return _("%(low)s tot %(high)s uur per week") % {"low": low, "high": high}
    if high:
        return _("tot %(hours)s uur per week") % {"hours": high}
    return _("vanaf %(hours)s uur per week") % {"hours": low}


def _meta(vacancy) -> str:
    meta = escaped(vacancy.employer.name)
    if vacancy.place:
        meta += f" · {escaped(vacancy.place.name)}"
    if vacancy.hours_per_week_min or vacancy.hours_per_week_max:
        # The include's own line end stays, as the template wrote it.
        meta += f" · {escaped(hours_text(vacancy))}\n"
    return meta


@register.simple_tag
def vacancy_rows(vacancies, responded) -> SafeString:
    """The list items of a page of vacancies; `responded`: the ids the jobseeker answered."""
    link = link_maker("candidates:jobseeker_vacancy")
    badge = (f'<p class="utrecht-paragraph"><span class="hw-badge hw-badge--success">'
             f'{escaped(_("U hebt gereageerd"))}</span></p>')
    parts = []
    for vacancy in vacancies:
        description = Truncator(vacancy.description).words(DESCRIPTION_WORDS, truncate=" …")
        parts.append(
            '\n  <li class="hw-vacancy">'
            '\n    <h3 class="utrecht-heading-3 hw-vacancy__title"><a class="utrecht-link" '
            f'href="{link(vacancy.pk)}">{escaped(vacancy.title)}</a></h3>'
            f'\n    <p class="utrecht-paragraph hw-vacancy__meta">{_meta(vacancy)}</p>'
            f'\n    <p class="utrecht-paragraph">{escaped(description)}</p>'
            f"\n    {badge if vacancy.pk in responded else ''}"
            "\n  </li>\n  ")
    return SafeString("".join(parts))
