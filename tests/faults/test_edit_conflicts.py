"""Issue 12: optimistic concurrency on every edit form (hallowerk/edit_base.py). A save based
on an old version is refused with what changed, never silently overwriting; a field the
form left alone keeps the other change; saving again after seeing it is deliberate."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Candidate, Profile
from candidates.profile_services import profile_update
from employers.models import Employer, Vacancy
from hallowerk.edit_base import EDIT_BASE_FIELD
from hallowerk.roles import Role
from privacy.models import LegalText
from tests.backoffice.conftest import candidate_in, logged_in, staff
from tests.factories import EmployerFactory, UserFactory, VacancyFactory
from tests.faults.checkpoints import fault_checkpoint

pytestmark = pytest.mark.django_db
CONFLICT_NL = "Iemand anders heeft dit intussen gewijzigd"


def form_data(response, **changes) -> dict:
    """What the browser would post back from the page's form, with the person's changes."""
    form = response.context["form"]
    data = {}
    for field in form:
        value = field.value()
        if value is None or field.field.disabled:
            continue
        if isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
            continue
        data[field.html_name] = value
    return {**data, **changes}


def refused(response, *shown: str) -> None:
    assert response.status_code == 200, "shown again, not saved"
    page = response.content.decode()
    assert CONFLICT_NL in page
    for text in shown:
        assert text in page


# --- the jobseeker's profile steps ----------------------------------------------------------

@pytest.fixture
def jobseeker_client(client):
    candidate = candidate_in(profile={"personal_description": "Oude tekst",
                                      "competences": ["plannen"]})
    client.force_login(candidate.user)
    return client


STEP = reverse("candidates:jobseeker_step", kwargs={"slug": "over-mij"})


def test_two_tabs_on_one_step_the_later_save_is_refused_and_shows_the_other(jobseeker_client):
    tab_a, tab_b = jobseeker_client.get(STEP), jobseeker_client.get(STEP)

    def text():
        return {"about me": Profile.objects.get().personal_description}

    fault_checkpoint("two tabs open", **text())
    jobseeker_client.post(STEP, form_data(tab_a, personal_description="Tekst van tab A"))
    fault_checkpoint("tab A saved", **text())
    response = jobseeker_client.post(STEP, form_data(
        tab_b, personal_description="Tekst van tab B"))
    refused(response, "Tekst van tab A", "Over mij")
    assert "Tekst van tab B" in response.content.decode(), "the person's own input stays"
    assert Profile.objects.get().personal_description == "Tekst van tab A"
    fault_checkpoint("tab B's stale save refused", **text())
    # Having seen it, saving again is a choice, and it goes through.
    again = jobseeker_client.post(STEP, form_data(response))
    assert again.status_code == 302
    assert Profile.objects.get().personal_description == "Tekst van tab B"
    fault_checkpoint("tab B saved again after seeing A's text", **text())


def test_two_tabs_changing_different_fields_of_one_step_both_keep_their_change(
        jobseeker_client):
    tab_a, tab_b = jobseeker_client.get(STEP), jobseeker_client.get(STEP)
    jobseeker_client.post(STEP, form_data(tab_a, personal_description="Tekst van tab A"))
    # Tab B still shows the old description and changes only the competences.
    response = jobseeker_client.post(STEP, form_data(tab_b, competences="plannen, koken"))
    assert response.status_code == 302
    profile = Profile.objects.get()
    assert profile.personal_description == "Tekst van tab A", "not put back to the old text"
    assert profile.competences == ["plannen", "koken"]


def test_every_form_step_refuses_a_stale_save(jobseeker_client):
    """The steps with choices, numbers and many-to-many fields use the same mechanism."""
    from hallowerk.models import Sector

    sectors = list(Sector.objects.order_by("pk")[:2])
    url = reverse("candidates:jobseeker_step", kwargs={"slug": "werk-dat-past"})
    tab_a, tab_b = jobseeker_client.get(url), jobseeker_client.get(url)
    jobseeker_client.post(url, form_data(tab_a, sectors=[sectors[0].pk]))
    refused(jobseeker_client.post(url, form_data(tab_b, sectors=[sectors[1].pk])),
            str(sectors[0]))
    assert list(Profile.objects.get().sectors.all()) == [sectors[0]]
    url = reverse("candidates:jobseeker_step", kwargs={"slug": "beschikbaarheid"})
    tab_a, tab_b = jobseeker_client.get(url), jobseeker_client.get(url)
    jobseeker_client.post(url, form_data(tab_a, hours_per_week_min="12"))
    refused(jobseeker_client.post(url, form_data(tab_b, hours_per_week_min="20")), "12")
    assert Profile.objects.get().hours_per_week_min == 12


def test_two_tabs_on_one_work_experience(jobseeker_client):
    import datetime

    from candidates.models import WorkExperience

    entry = WorkExperience.objects.create(profile=Profile.objects.get(), job_title="Kok",
                                          start_date=datetime.date(2020, 1, 1))
    url = reverse("candidates:jobseeker_entry_edit", args=["werkervaring", entry.pk])
    tab_a, tab_b = jobseeker_client.get(url), jobseeker_client.get(url)
    assert jobseeker_client.post(url, form_data(tab_a, job_title="Chef-kok")).status_code == 302
    refused(jobseeker_client.post(url, form_data(tab_b, job_title="Hulpkok")), "Chef-kok")
    assert WorkExperience.objects.get().job_title == "Chef-kok"
    # The same old tab changing another field only: saved, the new job title stays.
    assert jobseeker_client.post(url, form_data(tab_b, employer_name="Hotel Centraal")
                                 ).status_code == 302
    entry.refresh_from_db()
    assert (entry.job_title, entry.employer_name) == ("Chef-kok", "Hotel Centraal")


def test_a_forged_base_is_refused(jobseeker_client):
    response = jobseeker_client.post(STEP, form_data(
        jobseeker_client.get(STEP), personal_description="X", **{EDIT_BASE_FIELD: "forged"}))
    assert "Dit formulier klopt niet meer" in response.content.decode()
    assert Profile.objects.get().personal_description == "Oude tekst"


def test_the_message_is_in_english_for_english_users(jobseeker_client):
    jobseeker_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    tab_a, tab_b = jobseeker_client.get(STEP), jobseeker_client.get(STEP)
    jobseeker_client.post(STEP, form_data(tab_a, personal_description="A"))
    response = jobseeker_client.post(STEP, form_data(tab_b, personal_description="B"))
    assert "Someone else changed this in the meantime" in response.content.decode()


def test_a_service_called_from_code_checks_nothing():
    candidate = candidate_in()
    profile = Profile.objects.get(candidate=candidate)
    assert profile_update(by=candidate.user, profile=profile,
                          changes={"personal_description": "Vanuit code"}) == [
        "personal_description"]


def test_the_row_is_locked_while_it_is_compared_and_saved(jobseeker_client):
    """The stored values are read under a row lock, in the save's transaction: another save
    of the same row waits until this one has committed instead of slipping in between the
    comparison and the write."""
    page = jobseeker_client.get(STEP)
    with CaptureQueriesContext(connection) as queries:
        response = jobseeker_client.post(STEP, form_data(page, personal_description="Nieuw"))
    assert response.status_code == 302
    profile_reads = [q["sql"] for q in queries.captured_queries
                     if q["sql"].startswith("SELECT") and 'FROM "candidates_profile"' in q["sql"]
                     and '"candidates_profile"."personal_description"' in q["sql"]]
    locked = [sql for sql in profile_reads if "FOR UPDATE" in sql]
    assert len(locked) == 1, profile_reads


# --- the coach's intake form -----------------------------------------------------------------

def test_two_coaches_editing_one_dossier(db):
    coach_a, coach_b = staff(Role.COACH), staff(Role.COACH)
    candidate = candidate_in(phone="0611111111")
    url = reverse("candidates:coach_candidate_edit", args=[candidate.pk])
    client_a, client_b = logged_in(coach_a), logged_in(coach_b)
    page_a, page_b = client_a.get(url), client_b.get(url)
    assert client_a.post(url, form_data(page_a, phone="0622222222")).status_code == 302
    refused(client_b.post(url, form_data(page_b, phone="0633333333")), "0622222222")
    assert Candidate.objects.get(pk=candidate.pk).phone == "0622222222"
    # Coach B changed another field only: coach A's phone number stays.
    page_b = client_b.get(url)
    client_a.post(url, form_data(client_a.get(url), phone="0644444444"))
    assert client_b.post(url, form_data(page_b, last_name="Anders")).status_code == 302
    candidate.refresh_from_db()
    assert (candidate.phone, candidate.last_name) == ("0644444444", "Anders")


# --- the account manager's employer and vacancy forms ----------------------------------------

def test_two_account_managers_editing_one_employer(db):
    am_a, am_b = staff(Role.ACCOUNT_MANAGER), staff(Role.ACCOUNT_MANAGER)
    employer = EmployerFactory(municipality=am_a.municipality, name="Bakkerij Oud")
    url = reverse("employers:am_employer_edit", args=[employer.pk])
    client_a, client_b = logged_in(am_a), logged_in(am_b)
    page_a, page_b = client_a.get(url), client_b.get(url)
    assert client_a.post(url, form_data(page_a, name="Bakkerij A")).status_code == 302
    refused(client_b.post(url, form_data(page_b, name="Bakkerij B")), "Bakkerij A")
    assert Employer.objects.get(pk=employer.pk).name == "Bakkerij A"


def test_two_account_managers_editing_one_vacancy(db):
    am_a, am_b = staff(Role.ACCOUNT_MANAGER), staff(Role.ACCOUNT_MANAGER)
    vacancy = VacancyFactory(employer__municipality=am_a.municipality,
                             municipality=am_a.municipality, title="Bakker")
    url = reverse("employers:am_vacancy_edit", args=[vacancy.pk])
    client_a, client_b = logged_in(am_a), logged_in(am_b)
    page_a, page_b = client_a.get(url), client_b.get(url)
    assert client_a.post(url, form_data(page_a, title="Broodbakker")).status_code == 302
    refused(client_b.post(url, form_data(page_b, title="Banketbakker")), "Broodbakker")
    assert Vacancy.objects.get(pk=vacancy.pk).title == "Broodbakker"
    # From the same old page, B changes another field only: saved, and A's title stays.
    assert client_b.post(url, form_data(page_b, description="Nieuwe omschrijving")
                         ).status_code == 302
    vacancy.refresh_from_db()
    assert (vacancy.title, vacancy.description) == ("Broodbakker", "Nieuwe omschrijving")


# --- the administrator's legal texts ------------------------------------------------------------

def test_two_administrators_publishing_a_new_version(db):
    admin_a = UserFactory(role=Role.ADMINISTRATOR, with_totp_device=True)
    admin_b = UserFactory(role=Role.ADMINISTRATOR, with_totp_device=True)
    url = reverse("administrator_legal_text_new", args=["terms"])
    client_a, client_b = logged_in(admin_a), logged_in(admin_b)
    page_a, page_b = client_a.get(url), client_b.get(url)
    before = LegalText.objects.filter(kind="terms").count()
    assert client_a.post(url, form_data(page_a, body_nl="Versie A", body_en="Version A")
                         ).status_code == 302
    response = client_b.post(url, form_data(page_b, body_nl="Versie B", body_en="Version B"))
    latest = LegalText.objects.filter(kind="terms").order_by("-version").first()
    refused(response, f"Nieuwste versie: {latest.version}")
    assert LegalText.objects.filter(kind="terms").count() == before + 1
    assert latest.body_nl == "Versie A"
    assert client_b.post(url, form_data(response)).status_code == 302, "deliberately again"
    assert LegalText.objects.filter(kind="terms").order_by("-version").first().body_nl == (
        "Versie B")
