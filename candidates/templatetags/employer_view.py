"""The employer's view of a candidate as HTML (templates/candidates/includes/employer_view.html).

Written in Python rather than in the template language: the sections of a full profile are
some eighty values, and the template spent about 1.5 ms of CPU on them per profile page,
the page employers open most (issue 12); format_html escapes every value the same way the
template did. The markup is the one the template had.
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()

_LIST = '<ul class="utrecht-unordered-list">{}</ul>'
_LINK_OUT = '<a class="utrecht-link" href="{}" rel="noopener noreferrer nofollow">{}</a>'


def _list(values, row: str = "{}") -> SafeString:
    """A list item per value; `row` is the item's markup, each of its {} filled with the value
    (a link shows its address as its text)."""
    slots = row.count("{}")
    return format_html(_LIST, format_html_join(
        "", f'<li class="utrecht-unordered-list__item">{row}</li>',
        ((value,) * slots for value in values)))


def _value(item) -> SafeString:
    if item.kind == "list":
        return _list(item.value)
    if item.kind == "url":
        return format_html(_LINK_OUT, item.url, item.value)
    if item.kind == "urls":
        return _list(item.value, _LINK_OUT)
    if item.kind == "image" and item.url:
        return format_html('<img class="hw-facts__photo" src="{}" alt="{}">', item.url,
                           _("Foto van de kandidaat"))
    if item.kind == "file" and item.url:
        return format_html('<a class="utrecht-link" href="{}">{}</a>', item.url, _("Cv openen"))
    if item.kind == "entry":
        if not item.details:
            return mark_safe("")  # noqa: S308 (a constant)
        return format_html('<ul class="hw-facts__details">{}</ul>', format_html_join(
            "", "<li>{}: {}</li>", item.details))
    return linebreaksbr(item.value, autoescape=True)


def _section(section, level: int) -> SafeString:
    facts = format_html_join("", '<dt class="hw-facts__term">{}</dt>\n'
                                 '<dd class="hw-facts__value">{}</dd>\n',
                             ((item.label, _value(item)) for item in section.items))
    return format_html(
        '<section class="hw-card hw-employer-view__section" aria-labelledby="ev-{key}">\n'
        '<h{level} class="utrecht-heading-{heading}" id="ev-{key}">{title}</h{level}>\n'
        '<dl class="hw-facts">\n{facts}</dl>\n</section>\n',
        key=section.key, level=level, heading=level + 1, title=section.title, facts=facts)


@register.simple_tag
def employer_view(sections, heading_level=2) -> SafeString:
    """The sections of candidates.presenters.employer_profile_view() as the employer sees
    them; `heading_level` makes the section headings fit under the page's own."""
    level = int(heading_level or 2)
    if not sections:
        inner = format_html('<p class="utrecht-paragraph">{}</p>\n',
                            _("Er staat nog niets in dit profiel."))
    else:
        inner = format_html_join("", "{}", ((_section(section, level),)
                                            for section in sections))
    return format_html('<div class="hw-employer-view">\n{}</div>', inner)
