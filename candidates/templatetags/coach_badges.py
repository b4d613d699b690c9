"""Status badges of a candidate for the back office, built in Python: a list of 25 rows would
otherwise render an include per row. The coach's list rows too (coach_rows)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from candidates.models.completeness_rule import completeness_percent as _completeness_percent
from candidates.selectors_coach import status_badges
from hallowerk.fast_html import escaped, link_maker
from hallowerk.long_dates import long_date

register = template.Library()


@register.simple_tag
def candidate_badges(candidate, badges=None):
    badges = badges if badges is not None else status_badges(candidate)
    items = format_html_join(
        "", '<span class="hw-badge{}">{}</span>',
        ((f" hw-badge--{modifier}" if modifier else "", label) for label, modifier in badges))
    return format_html('<span class="hw-badges">{}</span>', items)


@register.simple_tag
def invitation_badge(candidate, invitation):
    """Where the candidate's invitation stands (the newest one of their account)."""
    if not candidate.user_id:
        return format_html('<span class="hw-muted">{}</span>', _("Geen account meer"))
    if invitation is None:
        return format_html('<span class="hw-muted">{}</span>', _("Geen uitnodiging"))
    label, modifier = {
        "accepted": (_("Geaccepteerd"), ""),
        "pending": (_("Nog niet geaccepteerd"), "warning"),
        "expired": (_("Verlopen"), "danger"),
        "withdrawn": (_("Ingetrokken"), "muted"),
    }[invitation.status]
    if not modifier:
        return label
    return format_html('<span class="hw-badge hw-badge--{}">{}</span>', modifier, label)


@register.filter
def completeness_percent(score: int) -> int:
    """The stored score as the percentage the jobseeker sees on their own page."""
    return _completeness_percent(score or 0)


# --- the rows of the coach's candidate list ---------------------------------------------------
# Written in Python rather than in the template language: 25 rows of seven cells cost ~8 ms
# of CPU per list page in the template (a URL, a date, two tags and conditions per row), half
# of the page (issue 12). The markup is the one the template wrote; every value is escaped as
# the template escaped it (tests/backoffice/test_coach_rows_html.py compares the two).

def _coach_cell(candidate, viewer) -> str:
    if candidate.responsible_coach_id == viewer.pk:
        return escaped(_("Ikzelf"))
    if candidate.responsible_coach:
        return escaped(candidate.responsible_coach.get_full_name())
    return f'<span class="hw-muted">{escaped(_("Niemand"))}</span>'


def _day(value) -> str:
    """The template's |date:"j F Y": in the site's time zone, nothing for no date."""
    return "" if value in (None, "") else escaped(long_date(template_localtime(value)))


@register.simple_tag(takes_context=True)
def coach_rows(context, rows) -> SafeString:
    """The table rows of coach_candidate_page()'s CoachRow objects."""
    viewer = context["user"]
    link = link_maker("candidates:coach_candidate")
    cell = '\n      <td class="utrecht-table__cell">'
    parts = []
    for row in rows:
        candidate = row.candidate
        parts.append(
            '\n    <tr class="utrecht-table__row">'
            '\n      <th scope="row" class="utrecht-table__header-cell"><a class="utrecht-link" '
            f'href="{link(candidate.pk)}">{escaped(candidate.last_name)}, '
            f"{escaped(candidate.first_name)}</a></th>"
            f"{cell}{escaped(candidate.client_number)}</td>"
            f"{cell}{_coach_cell(candidate, viewer)}</td>"
            f"{cell}{candidate_badges(candidate, row.badges)}</td>"
            f"{cell}{completeness_percent(row.completeness)}%</td>"
            f"{cell}{escaped(invitation_badge(candidate, row.invitation))}</td>"
            f"{cell}{_day(candidate.last_activity_at)}</td>"
            "\n    </tr>\n  ")
    return SafeString("".join(parts))
