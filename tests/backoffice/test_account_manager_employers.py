"""Employers for the account manager: vetting by KvK number, the contact person's invitation,
editing, more users, and deactivation that takes effect at once."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from candidates.models import Candidate
from employers.models import Employer, Vacancy
from employers.services import employer_deactivate
from hallowerk.models import Invitation, User
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.factories import EmployerFactory, UserFactory, VacancyFactory, municipality

from .conftest import candidate_in, logged_in, staff

pytestmark = pytest.mark.django_db
START = reverse("employers:am_employer_invite")
DETAILS = reverse("employers:am_employer_invite_details")


@pytest.fixture
def am(db):
    return staff(Role.ACCOUNT_MANAGER)


@pytest.fixture
def am_client(am, verified_client):
    return verified_client(am)


def test_kvk_number_first_then_the_register_fills_the_company_data(am_client):
    response = am_client.post(START, {"kvk_number": "9000 0001"})
    assert response.status_code == 302 and response.url == f"{DETAILS}?kvk=90000001"
    form = am_client.get(response.url).context["form"]
    assert form.initial["name"] == "Bakkerij De Korenschoof"
    assert form.initial["city"] and form.initial["postcode"] and form.initial["address"]


@pytest.mark.parametrize(("number", "text"), [
    ("", "Vul het KvK-nummer in"), ("1234", "8 cijfers"), ("abcdefgh", "8 cijfers")])
def test_bad_kvk_numbers(am_client, number, text):
    response = am_client.post(START, {"kvk_number": number})
    assert text in " ".join(response.context["form"].errors["kvk_number"])


def test_unknown_number_can_be_entered_by_hand_and_an_ended_company_is_flagged(am_client):
    response = am_client.get(DETAILS, {"kvk": "12345678"})
    assert "staat niet in het KvK-register" in response.content.decode()
    assert "zelf invullen" in response.content.decode()
    response = am_client.get(DETAILS, {"kvk": "90000016"})  # ended in the demo register
    assert "bestaat dit bedrijf niet meer" in response.content.decode()


def test_an_employer_the_municipality_already_has(am, am_client):
    existing = EmployerFactory(municipality=am.municipality, kvk_number="90000001")
    response = am_client.post(START, {"kvk_number": "90000001"})
    assert "doet al mee" in response.content.decode()
    assert reverse("employers:am_employer", args=[existing.pk]) in response.content.decode()
    # Another municipality may invite the same company for itself.
    EmployerFactory(municipality=municipality("rotterdam"), kvk_number="90000002")
    assert am_client.post(START, {"kvk_number": "90000002"}).status_code == 302


COMPANY = {"kvk_number": "90000001", "name": "Bakkerij De Korenschoof", "address": "Twijnstraat 41",
           "postcode": "3511 ZH", "city": "Utrecht", "contact_first_name": "Kees",
           "contact_last_name": "Bakker", "contact_email": "Kees@Korenschoof.nl",
           "contact_phone": "030 1234567", "invite_contact": "on"}


def test_invite_creates_the_employer_and_invites_the_contact(am, am_client,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = am_client.post(DETAILS, COMPANY)
    employer = Employer.objects.get()
    assert response.status_code == 302
    assert employer.municipality == am.municipality and employer.invited_by == am
    assert employer.postcode == "3511ZH" and employer.contact_email == "kees@korenschoof.nl"
    user = User.objects.get(role=Role.EMPLOYER)
    assert user.employer == employer and user.email == "kees@korenschoof.nl"
    assert mail.outbox[0].to == ["kees@korenschoof.nl"]
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED)
    assert event.data["event"] == "employer_invited" and "Korenschoof" not in str(event.data)


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"name": ""}, "name", "Vul de bedrijfsnaam in"),
    ({"postcode": "12345"}, "postcode", "4 cijfers en 2 letters"),
    ({"contact_email": ""}, "contact_email", "daar komt de uitnodiging"),
    ({"contact_email": "kees@"}, "contact_email", "geldig e-mailadres"),
    ({"kvk_number": "123"}, "kvk_number", "8 cijfers"),
    ({"contact_phone": "x" * 21}, "contact_phone", "20"),
])
def test_invite_with_bad_input_saves_nothing(am_client, change, field, text):
    response = am_client.post(DETAILS, {**COMPANY, **change})
    assert response.status_code == 200
    assert text in " ".join(response.context["form"].errors[field])
    assert not Employer.objects.exists() and not User.objects.filter(role=Role.EMPLOYER).exists()


def test_contact_with_an_existing_account_saves_nothing(am_client):
    UserFactory(email="kees@korenschoof.nl")
    response = am_client.post(DETAILS, COMPANY)
    assert "al een account" in " ".join(response.context["form"].errors["contact_email"])
    assert not Employer.objects.exists(), "all or nothing"


def test_edit_and_invite_more_users(am, am_client):
    employer = EmployerFactory(municipality=am.municipality)
    url = reverse("employers:am_employer_edit", args=[employer.pk])
    response = am_client.post(url, {"name": "Nieuwe Naam B.V.", "postcode": "0000 AA"})
    assert "4 cijfers" in " ".join(response.context["form"].errors["postcode"])
    am_client.post(url, {"name": "Nieuwe Naam B.V.", "city": "Utrecht"})
    employer.refresh_from_db()
    assert employer.name == "Nieuwe Naam B.V."
    add = reverse("employers:am_employer_user_add", args=[employer.pk])
    response = am_client.post(add, {"first_name": "Ina", "last_name": "Ik", "email": "ina@"})
    assert "geldig e-mailadres" in response.content.decode() and "Ina" in response.content.decode()
    am_client.post(add, {"first_name": "Ina", "last_name": "Ik", "email": "ina@bedrijf.nl"})
    assert User.objects.get(email="ina@bedrijf.nl").employer == employer
    response = am_client.post(add, {"first_name": "Ina", "last_name": "Ik",
                                    "email": "ina@bedrijf.nl"})
    assert "al een account" in " ".join(response.context["user_form"].errors["email"])


def test_deactivation_locks_the_employers_users_out_at_once(am, am_client):
    employer = EmployerFactory(municipality=am.municipality)
    user = UserFactory(role=Role.EMPLOYER, employer=employer, with_totp_device=True)
    VacancyFactory(employer=employer, status="published", published_at="2026-01-01T10:00Z")
    candidate_in(shared_with_employers=True, sharing_scope="all")
    employer_client = logged_in(user)
    assert employer_client.get(reverse("employers:employer_home")).status_code == 200
    pending, _ = User.objects.get_or_create(
        email="later@bedrijf.nl", defaults={"role": Role.EMPLOYER, "employer": employer,
                                            "municipality": am.municipality})
    Invitation.objects.create(user=pending, role=Role.EMPLOYER, token_hash="x" * 64,
                              expires_at="2999-01-01T00:00Z")

    response = am_client.post(reverse("employers:am_employer_stop", args=[employer.pk]))
    assert response.status_code == 302
    employer.refresh_from_db()
    assert not employer.is_active and employer.deactivated_at
    # The open session stops working: the next page asks to log in.
    response = employer_client.get(reverse("employers:employer_home"))
    assert response.status_code == 302 and "/account/login/" in response.url
    user.refresh_from_db()
    assert not user.is_active and not Invitation.objects.pending().filter(user=pending).exists()
    assert not Candidate.objects.visible_to(user).exists()
    jobseeker = UserFactory(role=Role.JOBSEEKER)
    assert not Vacancy.objects.visible_to(jobseeker).exists()
    # And logging in again is refused.
    fresh = Client()
    response = fresh.post(reverse("account_login"), {"login": user.email,
                                                     "password": "Correct-Horse-Battery-9"})
    assert "_auth_user_id" not in fresh.session
    assert fresh.get(response.url).status_code == 200  # allauth's "account inactive" page
    assert AuditEvent.objects.filter(data__event="employer_deactivated").exists()
    # Twice is harmless.
    employer_deactivate(by=am, employer=employer)


def test_another_municipalitys_employer_is_a_404_everywhere(am_client):
    foreign = EmployerFactory(municipality=municipality("rotterdam"))
    for name in ["am_employer", "am_employer_edit", "am_employer_stop", "am_employer_user_add",
                 "am_vacancy_new"]:
        kwargs = {"employer_pk": foreign.pk} if name == "am_vacancy_new" else {"pk": foreign.pk}
        url = reverse(f"employers:{name}", kwargs=kwargs)
        assert am_client.get(url).status_code == 404, name
        assert am_client.post(url, {"name": "Overgenomen"}).status_code == 404, name
    foreign.refresh_from_db()
    assert foreign.is_active and foreign.name != "Overgenomen"


def test_employer_list_searches_and_pages(am, am_client):
    for number in range(27):
        EmployerFactory(municipality=am.municipality, name=f"Bedrijf {number:02d}")
    EmployerFactory(municipality=municipality("rotterdam"), name="Bedrijf Rotterdam")
    response = am_client.get(reverse("employers:am_employers"))
    assert response.context["page"].paginator.count == 27
    assert len(response.context["page"].object_list) == 25
    response = am_client.get(reverse("employers:am_employers"), {"q": "bedrijf 0"})
    assert response.context["page"].paginator.count == 10


def test_employer_list_counts_users_and_published_vacancies_per_employer(am, am_client):
    """Counted for the page's employers only (issue 11), each with its own numbers."""
    busy = EmployerFactory(municipality=am.municipality, name="Aa Bedrijf")
    quiet = EmployerFactory(municipality=am.municipality, name="Bb Bedrijf")
    for email in ("een@aa.nl", "twee@aa.nl"):
        UserFactory(role=Role.EMPLOYER, employer=busy, email=email)
    for status, published_at in (("published", "2026-01-01T10:00Z"),
                                 ("published", "2026-01-02T10:00Z"), ("draft", None)):
        VacancyFactory(employer=busy, status=status, published_at=published_at)
    VacancyFactory(employer=quiet, status="closed", published_at="2026-01-01T10:00Z")
    rows = {employer.name: (employer.user_count, employer.published_count) for employer
            in am_client.get(reverse("employers:am_employers")).context["page"].object_list}
    assert rows == {"Aa Bedrijf": (2, 2), "Bb Bedrijf": (0, 0)}
