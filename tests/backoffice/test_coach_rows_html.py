"""The coach's list rows as HTML (candidates/templatetags/coach_badges.py, coach_rows) write
what the template wrote before them (issue 12 moved them to Python): the old template is
kept here and both are rendered from the same rows — escaping, the coach column, badges,
invitations, dates in the site's time zone, links — in Dutch and English."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from candidates.selectors_coach import CoachRow, coach_candidate_page, status_badges
from tests.factories import UserFactory

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db

# The loop of templates/candidates/coach/list.html before issue 12's change.
TEMPLATE_BEFORE = """{% load i18n coach_badges %}
  {% for row in rows %}{% with candidate=row.candidate invitation=row.invitation %}
    <tr class="utrecht-table__row">
      <th scope="row" class="utrecht-table__header-cell"><a class="utrecht-link" href="{% url 'candidates:coach_candidate' candidate.pk %}">{{ candidate.last_name }}, {{ candidate.first_name }}</a></th>
      <td class="utrecht-table__cell">{{ candidate.client_number }}</td>
      <td class="utrecht-table__cell">{% if candidate.responsible_coach_id == user.pk %}{% trans "Ikzelf" %}{% elif candidate.responsible_coach %}{{ candidate.responsible_coach.get_full_name }}{% else %}<span class="hw-muted">{% trans "Niemand" %}</span>{% endif %}</td>
      <td class="utrecht-table__cell">{% candidate_badges candidate row.badges %}</td>
      <td class="utrecht-table__cell">{{ row.completeness|completeness_percent }}%</td>
      <td class="utrecht-table__cell">{% invitation_badge candidate invitation %}</td>
      <td class="utrecht-table__cell">{{ candidate.last_activity_at|date:"j F Y" }}</td>
    </tr>
  {% endwith %}{% endfor %}
"""
TEMPLATE_NOW = """{% load coach_badges %}
  {% coach_rows rows %}
"""
EVIL = '<script>alert("x")</script>'


class _Invitation:
    def __init__(self, status):
        self.status = status


def _rows(viewer):
    other_coach = staff(first_name=f"Els {EVIL}", last_name="de Vries & Zn")
    mine = candidate_in(last_name=f"Jansen {EVIL}", first_name="Ö & ü",
                        client_number="K<1>", responsible_coach=viewer)
    theirs = candidate_in(responsible_coach=other_coach, shared_with_employers=True,
                          directly_approachable=True, is_active=False,
                          leave_requested_at=timezone.now(), hidden_by_staff=True,
                          hidden_reason="Op verzoek", hidden_at=timezone.now())
    nobody = candidate_in(dossier_ended_on=datetime.date(2026, 1, 2), end_reason="ended")
    # Just before midnight in UTC is the next day in Amsterdam: the date is the local one.
    nobody.last_activity_at = datetime.datetime(2026, 3, 31, 22, 30, tzinfo=datetime.UTC)
    nobody.save(update_fields=["last_activity_at"])
    page = coach_candidate_page(viewer=viewer, filters={}, page_number=1, per_page=25)
    rows = list(page.object_list)
    assert {row.candidate.pk for row in rows} >= {mine.pk, theirs.pk, nobody.pk}
    without_account = candidate_in()
    without_account.user = None
    extra = [CoachRow(mine, _Invitation(status), 40, status_badges(mine))
             for status in ("accepted", "pending", "expired", "withdrawn")]
    extra.append(CoachRow(without_account, None, 0, status_badges(without_account)))
    return rows + extra


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_rows_are_what_the_template_wrote(language):
    viewer = staff()
    rows = _rows(viewer)
    context = {"rows": rows, "user": viewer}
    with translation.override(language):
        before = Template(TEMPLATE_BEFORE).render(Context(context))
        now = Template(TEMPLATE_NOW).render(Context(context))
    assert now.strip() == before.split("\n", 1)[1].strip()
    assert EVIL not in now and "&lt;script&gt;" in now
    assert ("1 april 2026" if language == "nl" else "1 April 2026") in now


def test_an_empty_page_writes_no_rows():
    rendered = Template(TEMPLATE_NOW).render(Context({"rows": [], "user": UserFactory()}))
    assert rendered.strip() == ""
