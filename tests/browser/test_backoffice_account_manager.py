"""The account manager's journeys in a real browser, with axe: invite an employer by KvK
number (company data filled from the register) and its first user; publish a vacancy that
only the municipality's own jobseekers see; candidates by SPEC §4."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from employers.models import Employer, Vacancy
from hallowerk.models import User
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import (
    CandidateFactory,
    EmployerFactory,
    ProfileFactory,
    UserFactory,
    municipality,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def account_manager(site):
    return UserFactory(role=Role.ACCOUNT_MANAGER, municipality=municipality("utrecht"),
                       first_name="Petra", last_name="Jansen", with_totp_device=True)


def test_invite_an_employer_by_kvk_number_and_its_first_user(page, site, account_manager):
    log_in(page, site, account_manager)
    expect(page.get_by_role("heading", level=1)).to_have_text("WerkgeversServicepunt")
    assert_accessible(page)
    page.get_by_role("link", name="Werkgever uitnodigen").first.click()
    assert_accessible(page)
    page.get_by_label("KvK-nummer").fill("1234")
    page.get_by_role("button", name="Gegevens opzoeken").click()
    expect(page.get_by_text("Een KvK-nummer heeft 8 cijfers.")).to_be_visible()
    page.get_by_label("KvK-nummer").fill("9000 0001")
    page.get_by_role("button", name="Gegevens opzoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gegevens van de werkgever")
    # Filled from the (offline) KvK register.
    expect(page.get_by_label("Bedrijfsnaam")).to_have_value("Bakkerij De Korenschoof")
    expect(page.get_by_label("Vestigingsplaats")).to_have_value("Utrecht")
    expect(page.get_by_label("Adres")).not_to_have_value("")
    assert_accessible(page)
    page.get_by_label("Voornaam contactpersoon").fill("Kees")
    page.get_by_label("Achternaam contactpersoon").fill("Bakker")
    page.get_by_label("E-mail contactpersoon").fill("kees@korenschoof.example")
    page.get_by_role("button", name="Werkgever toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bakkerij De Korenschoof")
    expect(page.get_by_text("kees@korenschoof.example heeft een uitnodiging gekregen.")
           ).to_be_visible()
    assert_accessible(page)
    employer = Employer.objects.get(kvk_number="90000001")
    assert employer.municipality == account_manager.municipality
    kees = User.objects.get(email="kees@korenschoof.example")
    assert kees.role == Role.EMPLOYER and kees.employer == employer
    assert mail.outbox[-1].to == ["kees@korenschoof.example"]
    # A second person of the same company.
    page.get_by_label("Voornaam").fill("Ria")
    page.get_by_label("Achternaam").fill("Rozen")
    page.get_by_label("E-mailadres").fill("ria@korenschoof.example")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("ria@korenschoof.example heeft een uitnodiging gekregen.")
           ).to_be_visible()
    assert User.objects.get(email="ria@korenschoof.example").employer == employer


def test_published_vacancy_is_for_the_municipalitys_own_jobseekers(page, site, account_manager):
    employer = EmployerFactory(municipality=account_manager.municipality, name="Bakkerij Oost")
    log_in(page, site, account_manager)
    page.goto(f"{site}/wsp/werkgevers/{employer.pk}/")
    page.get_by_role("link", name="Vacature toevoegen").click()
    assert_accessible(page)
    page.get_by_label("Functietitel").fill("Medewerker bakkerij")
    page.get_by_label("Beroep", exact=False).first.fill("Koks")
    page.get_by_label("Omschrijving").fill("Je bakt brood en helpt in de winkel.")
    page.get_by_label("Werkplaats").fill("Atlantis")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("We kennen de plaats 'Atlantis' niet.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Werkplaats").fill("Utrecht")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Medewerker bakkerij")
    assert_accessible(page)
    vacancy = Vacancy.objects.get()
    here = CandidateFactory(municipality=municipality("utrecht")).user
    elsewhere = CandidateFactory(municipality=municipality("rotterdam")).user
    assert not Vacancy.objects.visible_to(here).exists()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("De vacature is gepubliceerd.")).to_be_visible()
    page.goto(f"{site}/wsp/vacatures/")
    assert_accessible(page)
    assert list(Vacancy.objects.visible_to(here)) == [vacancy]
    assert not Vacancy.objects.visible_to(elsewhere).exists()
    # What the jobseekers see on their own vacancy page.
    page.context.clear_cookies()
    log_in(page, site, here)
    page.goto(f"{site}/mijn/vacatures/")
    expect(page.get_by_text("Medewerker bakkerij").first).to_be_visible()
    page.context.clear_cookies()
    log_in(page, site, elsewhere)
    page.goto(f"{site}/mijn/vacatures/")
    expect(page.get_by_text("Medewerker bakkerij")).to_have_count(0)


def test_candidates_own_and_shared_elsewhere(page, site, account_manager):
    own = CandidateFactory(municipality=municipality("utrecht"), client_number="K-EIGEN")
    ProfileFactory(candidate=own)
    shared = CandidateFactory(municipality=municipality("rotterdam"), client_number="K-ELDERS",
                              shared_with_employers=True, sharing_scope="all")
    ProfileFactory(candidate=shared)
    log_in(page, site, account_manager)
    page.get_by_role("navigation").get_by_role("link", name="Kandidaten").click()
    assert_accessible(page)
    page.get_by_role("link", name=f"{shared.last_name}, {shared.first_name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(shared.full_name)
    expect(page.get_by_text("K-ELDERS")).to_have_count(0)
    assert_accessible(page)
    page.goto(f"{site}/wsp/kandidaten/{own.pk}/")
    expect(page.get_by_text("K-EIGEN").first).to_be_visible()
    assert_accessible(page)
    page.goto(f"{site}/wsp/werkgevers/")
    assert_accessible(page)
