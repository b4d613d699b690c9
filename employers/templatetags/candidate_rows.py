"""The employer's result rows as HTML (templates/employers/employer/includes/candidate_rows.html).

Written in Python rather than in the template language: 25 rows of five facts cost ~5.8 ms of
CPU per search page in the template (a loop, two filters and a URL per row), about a quarter
of the page (issue 12). The markup is the one the template had; every value is escaped as the
template escaped it (tests/employer_portal/test_candidate_rows_html.py compares the two).
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import add_truncation_text
from django.utils.translation import gettext as _

from hallowerk.fast_html import link_maker

register = template.Library()

TEXT_WORDS = 30  # a long text fact is cut after this many words, with " …"

def words_cut(text: str) -> str:
    """Truncator(text).words(TEXT_WORDS, truncate=" …") without the lazy object Truncator
    is (its set-up and attribute look-ups were most of ~35 µs a fact); the same text:
    whitespace collapsed, cut after TEXT_WORDS words."""
    words = text.split()
    if len(words) > TEXT_WORDS:
        return add_truncation_text(" ".join(words[:TEXT_WORDS]), " …")
    return " ".join(words)


def _fact_value(item) -> str:
    if item.kind == "list":
        return conditional_escape(", ").join(conditional_escape(value) for value in item.value)
    cut = words_cut(str(item.value))
    # truncatewords keeps text that was already safe as it is; anything else is escaped.
    return mark_safe(cut) if hasattr(item.value, "__html__") else conditional_escape(cut)


def _facts(items) -> str:
    if not items:
        return ""
    facts = "".join(
        f'\n      <dt class="hw-facts__term">{conditional_escape(item.label)}</dt>'
        f'\n      <dd class="hw-facts__value">{_fact_value(item)}</dd>' for item in items)
    return f'\n    <dl class="hw-facts hw-result__facts">{facts}\n    </dl>'


def _remove_form(action: str, csrf_token, name) -> str:
    token = (format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
                         csrf_token) if csrf_token and csrf_token != "NOTPROVIDED" else "")
    label = _("%(name)s van de lijst halen") % {"name": conditional_escape(name)}
    return (f'\n    <form method="post" action="{action}" class="hw-inline-form">{token}'
            '\n      <button type="submit" class="utrecht-button utrecht-button--secondary-action">'
            f"{label}</button>\n    </form>")


@register.simple_tag(takes_context=True)
def candidate_rows(context, rows, heading_level, shortlist=None) -> SafeString:
    """The rows of employer_list_rows() as an ordered list; with a shortlist, each row gets
    a button that takes the candidate off it."""
    level = int(heading_level)
    profile_url = link_maker("employers:candidate_profile")
    remove_url = link_maker("employers:shortlist_entry_remove", shortlist.pk) if shortlist \
        else None
    parts = []
    for row in rows:
        name = conditional_escape(row.name)
        remove = (_remove_form(remove_url(row.pk), context.get("csrf_token"), row.name)
                  if remove_url else "")
        parts.append(
            '\n  <li class="hw-card hw-result">'
            f'\n    <h{level} class="utrecht-heading-{level + 1} hw-result__name">'
            f'<a class="utrecht-link" href="{profile_url(row.pk)}">{name}</a></h{level}>'
            f"{_facts(row.items)}{remove}\n  </li>")
    label = conditional_escape(_("Kandidaten"))
    return mark_safe(f'<ol class="hw-results" aria-label="{label}">{"".join(parts)}\n</ol>')
