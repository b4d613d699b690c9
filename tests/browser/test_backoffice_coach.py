"""The coach's journeys in a real browser, with axe on every back-office page on the way:
intake → invitation; CSV import with one bad row; hide with a reason; end a dossier."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from candidates.models import Candidate
from candidates.services_messaging import contact_request_create
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import CandidateFactory, ProfileFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def coach(site):
    return UserFactory(role=Role.COACH, municipality=municipality("utrecht"),
                       first_name="Mo", last_name="Coach", with_totp_device=True)


def candidate(**kwargs):
    person = CandidateFactory(municipality=municipality("utrecht"), **kwargs)
    ProfileFactory(candidate=person)
    return person


def test_intake_sends_the_invitation(page, site, coach):
    log_in(page, site, coach)
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkmatcher")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe kandidaat inschrijven").click()
    assert_accessible(page)
    page.get_by_role("button", name="Inschrijven en uitnodiging versturen").click()
    expect(page.get_by_text("Vul het klantnummer in.")).to_be_visible()
    assert_accessible(page)  # with the error messages tied to their fields
    page.get_by_label("Klantnummer").fill("RMW-4711")
    page.get_by_label("Voornaam").fill("Fatima")
    page.get_by_label("Achternaam").fill("Yilmaz")
    page.get_by_label("E-mailadres").fill("fatima.yilmaz@example.nl")
    page.get_by_label("Vrouw").check()
    page.get_by_label("Geboortedatum").fill("1990-05-01")
    page.get_by_label("Postcode").fill("3511 AB")
    page.get_by_label("Banenafspraak (doelgroepregister)").check()
    page.get_by_role("button", name="Inschrijven en uitnodiging versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima Yilmaz")
    expect(page.get_by_text("De uitnodiging is verstuurd naar fatima.yilmaz@example.nl")
           ).to_be_visible()
    expect(page.get_by_text("Nog niet geaccepteerd").first).to_be_visible()
    assert_accessible(page)
    invitation = mail.outbox[-1]
    assert invitation.to == ["fatima.yilmaz@example.nl"]
    link = re.search(r"http://\S+/uitnodiging/\S+/", invitation.body).group(0)
    page.goto(site + link[link.index("/uitnodiging/"):])
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom bij HalloWerk")


def test_csv_import_with_one_bad_row(page, site, coach, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "klantnummer;voornaam;achternaam;e-mail;geboortedatum;banenafspraak\n"
        "K-1;Anna;Aksoy;anna@example.nl;01-02-1985;ja\n"
        "K-2;Bram;Bakker;bram@example.nl;31-02-1985;nee\n"
        "K-3;Chris;Cohen;chris@example.nl;;\n", encoding="utf-8-sig")
    log_in(page, site, coach)
    page.goto(f"{site}/werkmatcher/import/")
    assert_accessible(page)
    page.locator("input[type=file]").set_input_files(str(export))
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer de import")
    expect(page.get_by_text("2 kandidaten worden ingeschreven")).to_be_visible()
    expect(page.get_by_text("De geboortedatum '31-02-1985' klopt niet.", exact=False)
           ).to_be_visible()
    assert not Candidate.objects.exists()
    assert_accessible(page)
    page.get_by_role("button", name="2 kandidaten importeren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resultaat van de import")
    expect(page.get_by_text("1 regel overgeslagen.")).to_be_visible()
    assert_accessible(page)
    assert sorted(Candidate.objects.values_list("client_number", flat=True)) == ["K-1", "K-3"]
    page.get_by_role("link", name="Anna Aksoy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Aksoy")


def test_hide_with_a_reason_the_jobseeker_can_read(page, site, coach):
    person = candidate(shared_with_employers=True, responsible_coach=coach)
    log_in(page, site, coach)
    page.goto(f"{site}/werkmatcher/kandidaten/?mine=on")
    assert_accessible(page)
    page.get_by_role("link", name=f"{person.last_name}, {person.first_name}").click()
    page.get_by_role("button", name="Verbergen", exact=True).click()
    expect(page.get_by_text("Schrijf op waarom u het profiel verbergt.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Reden").fill("Er staat een telefoonnummer van iemand anders in je tekst.")
    page.get_by_role("button", name="Verbergen", exact=True).click()
    expect(page.get_by_text("Het profiel is verborgen voor werkgevers.")).to_be_visible()
    person.refresh_from_db()
    assert person.hidden_by_staff
    # The jobseeker logs in and reads the reason on their sharing page.
    page.context.clear_cookies()
    log_in(page, site, person.user)
    page.goto(f"{site}/mijn/delen/")
    expect(page.get_by_text("De gemeente heeft uw profiel verborgen voor werkgevers.")
           ).to_be_visible()
    expect(page.get_by_text("Er staat een telefoonnummer van iemand anders in je tekst.",
                            exact=False)).to_be_visible()


def test_end_a_dossier(page, site, coach):
    person = candidate(responsible_coach=coach)
    log_in(page, site, coach)
    page.goto(f"{site}/werkmatcher/kandidaten/{person.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Dossier beëindigen").click()
    assert_accessible(page)
    page.get_by_label("Einddatum (verplicht)", exact=True).fill("2026-01-15")
    page.get_by_label("Beëindigd").check()
    page.get_by_role("button", name="Dossier beëindigen").click()
    expect(page.get_by_text("Vink aan dat u het dossier wilt beëindigen.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Ik begrijp dat").check()
    page.get_by_role("button", name="Dossier beëindigen").click()
    expect(page.get_by_text("Het dossier is beëindigd.")).to_be_visible()
    person.refresh_from_db()
    assert person.end_reason == "ended" and str(person.dossier_ended_on) == "2026-01-15"
    assert not person.is_active


def test_contact_requests_and_edit_pages_are_accessible(page, site, coach):
    person = candidate(shared_with_employers=True, sharing_scope="all", responsible_coach=coach)
    contact_request_create(by=UserFactory(employer_user=True), candidate=person,
                           message="Wij zoeken een bakker.")
    log_in(page, site, coach)
    page.get_by_role("link", name="Contactverzoeken", exact=True).click()
    expect(page.get_by_text("Wij zoeken een bakker.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Doorsturen naar de kandidaat").click()
    expect(page.get_by_text("Doorgestuurd.", exact=False)).to_be_visible()
    page.goto(f"{site}/werkmatcher/kandidaten/{person.pk}/wijzigen/")
    assert_accessible(page)
    page.goto(f"{site}/werkmatcher/kandidaten/?status=active&shared=yes&sort=-last_activity")
    assert_accessible(page)
