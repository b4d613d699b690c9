"""The jobseeker's vacancy rows as HTML (candidates/templatetags/vacancy_rows.py) write what
the template wrote before them (issue 12 moved them to Python): the old loop is kept here and
both are rendered from the same vacancies — escaping, the hours in each form, no place, a
long description cut after 30 words, the "responded" badge, links — in Dutch and English."""

import pytest
from django.template import Context, Template
from django.utils import translation

from employers.models import Vacancy
from tests.factories import municipality

from .jobseeker_helpers import place, published_vacancy

pytestmark = pytest.mark.django_db

# The loop of templates/candidates/jobseeker/vacancies.html before issue 12's change.
TEMPLATE_BEFORE = """{% load i18n %}
  {% for vacancy in vacancies %}
  <li class="hw-vacancy">
    <h3 class="utrecht-heading-3 hw-vacancy__title"><a class="utrecht-link" href="{% url 'candidates:jobseeker_vacancy' vacancy.pk %}">{{ vacancy.title }}</a></h3>
    <p class="utrecht-paragraph hw-vacancy__meta">{{ vacancy.employer.name }}{% if vacancy.place %} · {{ vacancy.place.name }}{% endif %}{% if vacancy.hours_per_week_min or vacancy.hours_per_week_max %} · {% include "candidates/jobseeker/includes/hours.html" %}{% endif %}</p>
    <p class="utrecht-paragraph">{{ vacancy.description|truncatewords:30 }}</p>
    {% if vacancy.pk in responded %}<p class="utrecht-paragraph"><span class="hw-badge hw-badge--success">{% trans "U hebt gereageerd" %}</span></p>{% endif %}
  </li>
  {% endfor %}
"""
TEMPLATE_NOW = """{% load vacancy_rows %}
  {% vacancy_rows vacancies responded %}
"""
EVIL = '<script>alert("x")</script>'
LONG = " ".join(f"woord{n}" for n in range(40)) + " & <meer>"


def _vacancies(municipality):
    hours = [(24, 24), (16, 32), (None, 20), (12, None), (None, None)]
    made = [published_vacancy(municipality, title=f"Kok {EVIL} {n}", hours_per_week_min=low,
                              hours_per_week_max=high, place=place() if n % 2 else None,
                              description=LONG if n == 1 else f"Kort & {EVIL}")
            for n, (low, high) in enumerate(hours)]
    made[0].employer.name = f"Bakker & Zn {EVIL}"
    made[0].employer.save(update_fields=["name"])
    return list(Vacancy.objects.filter(pk__in=[v.pk for v in made])
                .select_related("employer", "place").order_by("pk"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_rows_are_what_the_template_wrote(language):
    vacancies = _vacancies(municipality())
    context = {"vacancies": vacancies, "responded": {vacancies[1].pk, vacancies[3].pk}}
    with translation.override(language):
        before = Template(TEMPLATE_BEFORE).render(Context(context))
        now = Template(TEMPLATE_NOW).render(Context(context))
    assert now.strip() == before.split("\n", 1)[1].strip()
    assert EVIL not in now and "&lt;script&gt;" in now and "woord29 …" in now
    assert now.count("hw-badge--success") == 2
