"""One look: no raw '---------', dates in Dutch, our own file-input text, the occupation picker
(a text box with suggestions that the server resolves), the search button at the top."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from hallowerk.forms.occupations import OccupationField, occupation_resolve
from hallowerk.models import Occupation
from hallowerk.roles import Role
from tests.backoffice.conftest import staff
from tests.candidates.jobseeker_helpers import jobseeker
from tests.employer_portal.conftest import employer_user
from tests.factories import EmployerFactory

pytestmark = pytest.mark.django_db


def test_occupation_is_found_by_name_in_either_language_or_by_code():
    cook = Occupation.objects.get(isco_code="5120")
    assert occupation_resolve(cook.label_nl.upper()) == cook
    assert occupation_resolve(f"  {cook.label_en} ") == cook
    assert occupation_resolve("5120") == cook
    assert occupation_resolve("") is None


def test_an_unknown_occupation_gets_a_message_with_the_closest():
    field = OccupationField()
    with pytest.raises(Exception) as refused:
        field.clean("kok xyz")
    assert "Kies een beroep uit de lijst" in str(refused.value)
    with translation.override("nl"):
        assert field.prepare_value(Occupation.objects.get(isco_code="5120")) == \
            Occupation.objects.get(isco_code="5120").label_nl


def test_vacancy_form_has_a_text_box_with_suggestions_not_a_dropdown(verified_client):
    manager = staff(Role.ACCOUNT_MANAGER)
    employer = EmployerFactory(municipality=manager.municipality)
    page = verified_client(manager).get(
        reverse("employers:am_vacancy_new", args=[employer.pk])).content.decode()
    assert '<datalist id="id_occupation-beroepen">' in page
    assert 'list="id_occupation-beroepen"' in page
    datalist = page[page.index('<datalist id="id_occupation-beroepen">'):]
    datalist = datalist[:datalist.index("</datalist>")]
    assert datalist.count("<option value=") == Occupation.objects.count()
    assert "---------" not in page
    assert 'type="date"' not in page


def test_employer_search_by_occupation_name_and_by_saved_code(verified_client):
    client = verified_client(employer_user())
    cook = Occupation.objects.get(isco_code="5120")
    by_name = client.get(reverse("employers:search"), {"occupation": cook.label_nl})
    assert by_name.context["form"].cleaned_data["occupation"] == cook
    by_code = client.get(reverse("employers:search"), {"occupation": "5120"})
    page = by_code.content.decode()
    assert f'value="{cook.label_nl}"' in page, "a saved search's code shows as the name"
    first_button = page.index('type="submit"')
    assert first_button < page.index('name="sector"'), "the search button comes before filters"
    wrong = client.get(reverse("employers:search"), {"occupation": "bestaat niet"})
    assert "Dit beroep kennen we niet" in wrong.content.decode()


def test_dates_are_text_boxes_in_dutch_format(verified_client):
    coach = staff(Role.COACH)
    page = verified_client(coach).get(reverse("candidates:coach_intake")).content.decode()
    assert 'type="date"' not in page and 'inputmode="numeric"' in page
    from candidates.forms.coach import IntakeForm

    form = IntakeForm(initial={"date_of_birth": date(1990, 5, 1)},
                      municipality_id=coach.municipality_id, viewer=coach)
    assert 'value="01-05-1990"' in str(form["date_of_birth"])


def test_file_inputs_have_our_own_button_text(verified_client):
    candidate = jobseeker()
    page = verified_client(candidate.user).get(
        reverse("candidates:jobseeker_step", args=["foto-en-cv"])).content.decode()
    assert page.count("Bestand kiezen") == 2 and 'class="hw-file"' in page
    assert page.count('type="file"') == 2
