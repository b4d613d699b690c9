"""Status badges of a candidate for the back office, built in Python: a list of 25 rows would
otherwise render an include per row."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from candidates.models.completeness_rule import completeness_percent as _completeness_percent
from candidates.selectors_coach import status_badges

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
