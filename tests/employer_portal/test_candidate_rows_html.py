"""The employer's result rows as HTML (employers/templatetags/candidate_rows.py) write what
the template wrote before them (issue 12 moved them to Python): the old template is kept here
and both are rendered from the same rows — escaping, cut texts, lists, links, headings, the
shortlist's remove button with its CSRF token — in Dutch and English."""

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from candidates.presenters import CandidateRow, Item

# templates/employers/employer/includes/candidate_rows.html before issue 12's change.
TEMPLATE_BEFORE = """{% comment %}Result rows from candidates.presenters.employer_list_rows(). Context: rows,
heading_level (for each candidate's name), optional shortlist (adds a remove button).{% endcomment %}{% load i18n %}
<ol class="hw-results" aria-label="{% trans 'Kandidaten' %}">
  {% for row in rows %}
  <li class="hw-card hw-result">
    <h{{ heading_level }} class="utrecht-heading-{{ heading_level|add:1 }} hw-result__name"><a class="utrecht-link" href="{% url 'employers:candidate_profile' row.pk %}">{{ row.name }}</a></h{{ heading_level }}>
    {% if row.items %}
    <dl class="hw-facts hw-result__facts">
      {% for item in row.items %}
      <dt class="hw-facts__term">{{ item.label }}</dt>
      <dd class="hw-facts__value">{% if item.kind == "list" %}{{ item.value|join:", " }}{% else %}{{ item.value|truncatewords:30 }}{% endif %}</dd>
      {% endfor %}
    </dl>
    {% endif %}
    {% if shortlist %}
    <form method="post" action="{% url 'employers:shortlist_entry_remove' shortlist.pk row.pk %}" class="hw-inline-form">{% csrf_token %}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">{% blocktrans with name=row.name %}{{ name }} van de lijst halen{% endblocktrans %}</button>
    </form>
    {% endif %}
  </li>
  {% endfor %}
</ol>
"""

EVIL = '<script>alert("x")</script>'
LONG = " ".join(f"woord{n}" for n in range(40)) + " & meer"


class _Shortlist:
    pk = 7


def _rows():
    return [
        CandidateRow(101, f"Jan {EVIL}", [
            Item("Woonplaats", "Utrecht"),
            Item("Beroepen", ["Kok", EVIL, "Schoonmaker & glazenwasser"], "list"),
            Item("Soort werk", LONG),
            Item("Veilig", mark_safe("<em>al veilig</em>")),
            Item("Uren", 32),
        ]),
        CandidateRow(2, "Zonder feiten", []),
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("level", [2, 3])
@pytest.mark.parametrize("shortlist", [None, _Shortlist()], ids=["search", "shortlist"])
def test_the_rows_are_written_as_the_template_wrote_them(language, level, shortlist):
    context = {"rows": _rows(), "heading_level": level, "csrf_token": "tok<en>"}
    if shortlist:
        context["shortlist"] = shortlist
    with translation.override(language):
        before = Template(TEMPLATE_BEFORE).render(Context(context))
        after = render_to_string("employers/employer/includes/candidate_rows.html", context)
    assert " ".join(after.split()) == " ".join(before.split())
    assert "<script>" not in after and "woord29 …" in after
    assert f'href="{reverse("employers:candidate_profile", args=[101])}"' in after
    if shortlist:
        assert reverse("employers:shortlist_entry_remove", args=[7, 2]) in after
        assert 'name="csrfmiddlewaretoken" value="tok&lt;en&gt;"' in after


@pytest.mark.parametrize("text", [
    "", "kort", "een\ntwee\t drie", " ".join(["woord"] * 30), " ".join(["woord"] * 31),
    " ".join(["woord"] * 29) + " eind …", " ".join(["woord"] * 31) + " …", LONG])
def test_words_cut_is_truncators_cut(text):
    from django.utils.text import Truncator

    from employers.templatetags.candidate_rows import TEXT_WORDS, words_cut

    assert words_cut(text) == Truncator(text).words(TEXT_WORDS, truncate=" …")
