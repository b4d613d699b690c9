"""In-page navigation for long staff pages (issue 15): `{% sections %}…{% endsections %}`
around a page's sections puts a table of contents above them, with a link to every
second-level heading inside (`{% sections 3 %}`: the third-level ones too, nested under
theirs). The list is read from the rendered headings themselves, so a link always leads to a
heading that is on the page (sections shown only sometimes come and go with it) and no title
is written twice. A heading without an id gets one from its text.

Fewer than MIN_SECTIONS headings: no navigation, the page is short enough to scan.
"""

import html
import re
from dataclasses import dataclass, field

from django import template
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify

register = template.Library()

MIN_SECTIONS = 3
HEADING = re.compile(r"<h(?P<level>[23])\b(?P<attributes>[^>]*)>(?P<title>.*?)</h(?P=level)>",
                     re.DOTALL)
ID = re.compile(r"""\bid=["']([^"']+)["']""")


@dataclass
class Section:
    anchor: str
    title: str
    subsections: list["Section"] = field(default_factory=list)


def _with_ids(markup: str, depth: int) -> tuple[str, list[Section]]:
    """The markup with an id on every heading down to `depth`, and the sections in order
    (third-level ones inside the second-level section they follow)."""
    found: list[Section] = []
    taken = set(ID.findall(markup))

    def visit(match: re.Match) -> str:
        level = int(match["level"])
        if level > depth or (level == 3 and not found):
            return match[0]
        # The text as read (the template escapes it again in the navigation).
        title = " ".join(html.unescape(strip_tags(match["title"])).split())
        attributes = match["attributes"]
        existing = ID.search(attributes)
        if existing:
            anchor = existing[1]
        else:
            base = f"sectie-{slugify(title) or len(found) + 1}"
            anchor, n = base, 2
            while anchor in taken:
                anchor, n = f"{base}-{n}", n + 1
            taken.add(anchor)
            attributes = f'{attributes} id="{anchor}"'
        section = Section(anchor, title)
        (found[-1].subsections if level == 3 else found).append(section)
        return f"<h{level}{attributes}>{match['title']}</h{level}>"

    return HEADING.sub(visit, markup), found


class SectionsNode(template.Node):
    def __init__(self, nodelist, depth: int):
        self.nodelist, self.depth = nodelist, depth

    def render(self, context):
        markup, sections = _with_ids(self.nodelist.render(context), self.depth)
        if len(sections) + sum(len(s.subsections) for s in sections) < MIN_SECTIONS:
            return markup
        nav = render_to_string("includes/page_sections.html", {"sections": sections},
                               request=context.get("request"))
        return mark_safe(nav + markup)  # noqa: S308 (both rendered by our own templates)


@register.tag
def sections(parser, token):
    """{% sections %} (second-level headings) or {% sections 3 %} (and third-level)."""
    bits = token.split_contents()
    if len(bits) > 2 or (len(bits) == 2 and bits[1] not in ("2", "3")):
        raise template.TemplateSyntaxError("{% sections %} takes an optional depth: 2 or 3")
    nodelist = parser.parse(("endsections",))
    parser.delete_first_token()
    return SectionsNode(nodelist, int(bits[1]) if len(bits) == 2 else 2)
