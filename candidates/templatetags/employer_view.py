"""The employer's view of a candidate as HTML (templates/candidates/includes/employer_view.html).

Written in Python rather than in the template language: the sections of a full profile are
some eighty values, and the template spent about 1.5 ms of CPU on them per profile page,
the page employers open most (issue 12). Every value is escaped the way the template did it
(hallowerk/fast_html.py: as Django's escape, without format_html's cost, which
was still 0.6 ms of the page). The markup is the one the template had.
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from hallowerk.fast_html import escaped

register = template.Library()

_LINK_OUT = '<a class="utrecht-link" href="{0}" rel="noopener noreferrer nofollow">{0}</a>'


def _list(values, row: str = "{0}") -> str:
    """A list item per value; `row` is the item's markup, each {0} the escaped value (a link
    shows its address as its text)."""
    items = "".join(f'<li class="utrecht-unordered-list__item">{row.format(escaped(value))}</li>'
                    for value in values)
    return f'<ul class="utrecht-unordered-list">{items}</ul>'


def _value(item) -> str:
    if item.kind == "list":
        return _list(item.value)
    if item.kind == "url":
        return (f'<a class="utrecht-link" href="{escaped(item.url)}" '
                f'rel="noopener noreferrer nofollow">{escaped(item.value)}</a>')
    if item.kind == "urls":
        return _list(item.value, _LINK_OUT)
    if item.kind == "image" and item.url:
        return (f'<img class="hw-facts__photo" src="{escaped(item.url)}" '
                f'alt="{escaped(_("Foto van de kandidaat"))}">')
    if item.kind == "file" and item.url:
        return f'<a class="utrecht-link" href="{escaped(item.url)}">{escaped(_("Cv openen"))}</a>'
    if item.kind == "entry":
        if not item.details:
            return ""
        details = "".join(f"<li>{escaped(label)}: {escaped(value)}</li>"
                          for label, value in item.details)
        return f'<ul class="hw-facts__details">{details}</ul>'
    return linebreaksbr(item.value, autoescape=True)


def _section(section, level: int) -> str:
    facts = "".join(f'<dt class="hw-facts__term">{escaped(item.label)}</dt>\n'
                    f'<dd class="hw-facts__value">{_value(item)}</dd>\n'
                    for item in section.items)
    key = escaped(section.key)
    return (f'<section class="hw-card hw-employer-view__section" aria-labelledby="ev-{key}">\n'
            f'<h{level} class="utrecht-heading-{level + 1}" id="ev-{key}">'
            f'{escaped(section.title)}</h{level}>\n'
            f'<dl class="hw-facts">\n{facts}</dl>\n</section>\n')


@register.simple_tag
def employer_view(sections, heading_level=2) -> SafeString:
    """The sections of candidates.presenters.employer_profile_view() as the employer sees
    them; `heading_level` makes the section headings fit under the page's own."""
    level = int(heading_level or 2)
    if not sections:
        inner = (f'<p class="utrecht-paragraph">{escaped(_("Er staat nog niets in dit profiel."))}'
                 '</p>\n')
    else:
        inner = "".join(_section(section, level) for section in sections)
    # Every value above went through escaped(); the rest is this module's own markup.
    return SafeString(f'<div class="hw-employer-view">\n{inner}</div>')
