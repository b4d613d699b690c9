"""The jobseeker's main journey and bad input, in a real browser, with axe on every page."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from candidates.models import Candidate, Profile, VacancyResponse
from candidates.services import candidate_intake_create
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in, log_out
from tests.candidates.jobseeker_helpers import (
    docx_bytes,
    gps_exif,
    jobseeker,
    jpeg_bytes,
    pdf_bytes,
)
from tests.factories import EmployerFactory, UserFactory, VacancyFactory, municipality

PASSWORD = "Mijn-Eigen-Wachtwoord-42"


def file(name, data, mime):
    return {"name": name, "mimeType": mime, "buffer": data}


def next_step(page):
    page.get_by_role("button", name="Opslaan en naar de volgende stap").click()


def expect_step(page, number, title):
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".hw-steps__count")).to_contain_text(f"Stap {number} van 12")
    assert_accessible(page)


@pytest.fixture
def invited(site):
    """A coach's intake: the dossier, the profile and the invitation token."""
    utrecht = municipality("utrecht")
    coach = UserFactory(role=Role.COACH, municipality=utrecht)
    candidate, token = candidate_intake_create(
        by=coach, email="sanne@example.nl", first_name="Sanne", last_name="de Vries",
        client_number="KLANT-2024", tg_banenafspraak=True)
    employer = EmployerFactory(municipality=utrecht, name="Bakkerij De Korrel")
    VacancyFactory(employer=employer, municipality=utrecht, title="Medewerker bakkerij",
                   status="published", published_at=timezone.now())
    return candidate, token


def test_main_journey(page, site, invited):
    candidate, token = invited
    # First login: accept the invitation and land on the start page.
    page.goto(f"{site}/uitnodiging/{token}/")
    page.get_by_label("Kies een wachtwoord").fill(PASSWORD)
    page.get_by_label("Typ het wachtwoord nog een keer").fill(PASSWORD)
    page.get_by_label("Ik heb de gebruiksvoorwaarden gelezen").check()
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom op HalloWerk")
    expect(page.get_by_text("Meedoen is vrijwillig.", exact=True)).to_be_visible()
    expect(page.get_by_text("Werkgevers zien dit nooit", exact=True)).to_be_visible()
    assert_accessible(page)

    # The profile, step by step.
    page.get_by_role("link", name="Verder met mijn profiel").click()
    expect_step(page, 1, "Woonplaats en reizen")
    page.get_by_label("Woonplaats", exact=True).fill("utrecht")
    page.get_by_label("Fiets", exact=True).check()
    page.get_by_label("B (auto)").check()
    page.get_by_label("Hoe ver wilt u hoogstens reizen").fill("15")
    next_step(page)

    expect_step(page, 2, "Over mij")
    page.get_by_label("Over mij", exact=True).fill("Ik ben Sanne en ik bak graag brood.")
    page.get_by_label("Mijn talenten").fill("Geduldig\nOp tijd")
    page.get_by_label("Vakkennis en vaardigheden").fill("Deeg kneden")
    next_step(page)

    expect_step(page, 3, "Werk dat bij u past")
    page.get_by_label("Wat voor werk zoekt u?").fill("Werk in een bakkerij of keuken.")
    page.get_by_label("Horeca", exact=True).check()
    next_step(page)

    expect_step(page, 4, "Beroepen die u zoekt")
    page.get_by_label("Zoek een beroep").fill("bakker")
    page.get_by_role("button", name="Zoeken").click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Toevoegen")).first.click()
    expect(page.get_by_role("button", name=re.compile(r"^Weghalen"))).to_have_count(1)
    page.get_by_role("link", name=re.compile("Volgende stap")).click()

    expect_step(page, 5, "Beschikbaarheid")
    page.get_by_label("Vanaf wanneer kunt u beginnen?").fill("1-9-2030")
    page.get_by_label("Minimaal aantal uren per week").fill("16")
    page.get_by_label("Maximaal aantal uren per week").fill("32")
    next_step(page)

    expect_step(page, 6, "Werkervaring")
    page.get_by_role("link", name="Werkervaring toevoegen").click()
    assert_accessible(page)
    page.get_by_label("Functie").fill("Hulp in de bakkerij")
    page.get_by_label("Werkgever of organisatie").fill("Bakker Bart")
    page.get_by_label("Begonnen op").fill("01-03-2019")
    page.get_by_label("Gestopt op").fill("31-12-2022")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Hulp in de bakkerij")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Volgende stap")).click()

    expect_step(page, 7, "Opleidingen en diploma's")
    page.get_by_role("link", name="Opleiding toevoegen").click()
    page.get_by_label("Opleiding", exact=False).first.fill("Bakker")
    page.get_by_label("Niveau").select_option("mbo_2")
    page.get_by_label("Ik heb deze opleiding afgerond").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Bakker")).to_be_visible()
    page.get_by_role("link", name=re.compile("Volgende stap")).click()
    expect_step(page, 8, "Cursussen en trainingen")
    page.get_by_role("link", name="Cursus toevoegen").click()
    page.get_by_label("Cursus of training").fill("Hygiënecode")
    page.get_by_label("Jaar").fill("2021")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Hygiënecode")).to_be_visible()
    page.get_by_role("link", name=re.compile("Volgende stap")).click()

    expect_step(page, 9, "Talen")
    page.get_by_role("link", name="Taal toevoegen").click()
    page.get_by_role("combobox", name=re.compile("^Taal")).select_option("nl")
    page.get_by_label("Vloeiend of moedertaal").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Nederlands")).to_be_visible()
    page.get_by_role("link", name=re.compile("Volgende stap")).click()

    expect_step(page, 10, "Lichamelijk werk")
    expect(page.get_by_text("Niemand vraagt u ooit naar een reden")).to_be_visible()
    page.get_by_role("group", name="Lang staan").get_by_label("Dat kan ik", exact=True).check()
    page.get_by_role("group", name="Tillen (tot 15 kilo)").get_by_label(
        "Dat kan ik niet").check()
    next_step(page)

    # Photo and CV.
    expect_step(page, 11, "Foto en cv")
    page.locator("input[name=photo]").set_input_files(
        file("vakantie.jpg", jpeg_bytes(exif=gps_exif()), "image/jpeg"))
    page.get_by_role("button", name="Foto opslaan").click()
    expect(page.get_by_text("Uw foto is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("img", name="Uw foto")).to_be_visible()
    page.locator("input[name=cv]").set_input_files(
        file("mijn-cv.pdf", pdf_bytes("Sanne de Vries - bakker"), "application/pdf"))
    page.get_by_role("button", name="Cv opslaan").click()
    expect(page.get_by_text("Uw cv is opgeslagen.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Volgende stap")).click()
    expect_step(page, 12, "Meer over mij")
    page.get_by_label("Links naar sociale media").fill("www.linkedin.com/in/sanne")
    page.get_by_label("Wat wilt u verder nog vertellen?").fill("Ik fiets elke dag.")
    page.get_by_role("button", name="Opslaan en naar het overzicht").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn profiel")
    expect(page.get_by_text("Uw profiel is voor 100% compleet")).to_be_visible()
    assert_accessible(page)

    profile = Profile.objects.get(candidate=candidate)
    assert profile.place_of_residence.name == "Utrecht"
    assert profile.photo and profile.cv and profile.physical_lifting is False
    assert profile.work_experiences.count() == 1 and profile.preferred_occupations.count() == 1

    # Share, then preview what an employer sees.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Delen").click()
    assert_accessible(page)
    page.get_by_label("Ja, werkgevers mogen mijn profiel zien").check()
    page.get_by_label("Werkgevers in mijn eigen regio").check()
    page.get_by_role("button", name="Keuze opslaan").click()
    expect(page.get_by_text("Werkgevers kunnen uw profiel nu zien.")).to_be_visible()
    page.get_by_role("link", name="Bekijk wat een werkgever van u ziet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat een werkgever ziet")
    expect(page.get_by_text("Werk in een bakkerij of keuken.")).to_be_visible()
    expect(page.get_by_text("In doelgroepregister")).to_be_visible()
    expect(page.get_by_text("KLANT-2024")).to_have_count(0)
    assert_accessible(page)

    # Respond to a vacancy.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link",
                                                                 name="Vacatures").click()
    assert_accessible(page)
    page.get_by_role("link", name="Medewerker bakkerij").click()
    expect(page.get_by_text("Bakkerij De Korrel")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Uw bericht aan de werkgever").fill("Ik bak al jaren brood.")
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.get_by_text("Uw reactie is verstuurd.")).to_be_visible()
    page.get_by_role("link", name="Naar mijn reacties").click()
    expect(page.get_by_text("Verstuurd", exact=True)).to_be_visible()
    assert_accessible(page)
    assert VacancyResponse.objects.filter(candidate=candidate).exists()

    # Erase everything I entered.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link",
                                                                 name="Mijn start").click()
    page.get_by_role("link", name="Wis alles wat u zelf hebt ingevuld").click()
    expect(page.get_by_role("heading", name="Dit wordt gewist")).to_be_visible()
    expect(page.get_by_role("heading", name="Dit blijft bewaard")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, wis alles wat ik heb ingevuld").click()
    expect(page.get_by_text("Zet een vinkje")).to_be_visible()
    page.get_by_label("Ik begrijp dat alles wat ik zelf heb ingevuld wordt gewist").check()
    page.get_by_role("button", name="Ja, wis alles wat ik heb ingevuld").click()
    expect(page.get_by_text("Alles wat u zelf had ingevuld, is gewist.")).to_be_visible()
    assert_accessible(page)

    profile = Profile.objects.get(candidate=candidate)
    assert not profile.photo and not profile.cv and profile.personal_description == ""
    assert not profile.work_experiences.exists()
    candidate = Candidate.objects.get(pk=candidate.pk)
    assert candidate.client_number == "KLANT-2024" and not candidate.shared_with_employers


def test_bad_input_is_explained_and_nothing_typed_is_lost(page, site):
    candidate = jobseeker()
    log_in(page, site, candidate.user)

    # Invalid date, and an empty required field: the rest of what was typed stays.
    page.goto(f"{site}/mijn/profiel/werkervaring/nieuw/")
    page.get_by_label("Werkgever of organisatie").fill("Bakker Bart")
    page.get_by_label("Begonnen op").fill("31-02-2020")
    page.get_by_label("Wat deed u?").fill("Brood bakken en de winkel openen.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Vul in wat voor werk het was")).to_be_visible()
    expect(page.get_by_text("Deze datum bestaat niet")).to_be_visible()
    expect(page.get_by_label("Werkgever of organisatie")).to_have_value("Bakker Bart")
    expect(page.get_by_label("Begonnen op")).to_have_value("31-02-2020")
    expect(page.get_by_label("Wat deed u?")).to_have_value("Brood bakken en de winkel openen.")
    expect(page.get_by_label("Functie")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    # Hours in the wrong order on a step page.
    page.goto(f"{site}/mijn/profiel/beschikbaarheid/")
    page.get_by_label("Minimaal aantal uren per week").fill("30")
    page.get_by_label("Maximaal aantal uren per week").fill("20")
    page.get_by_label("Toelichting").fill("Niet op woensdag")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Het maximum is lager dan het minimum")).to_be_visible()
    expect(page.get_by_label("Toelichting")).to_have_value("Niet op woensdag")
    assert_accessible(page)

    # An unknown place gets suggestions.
    page.goto(f"{site}/mijn/profiel/woonplaats-en-reizen/")
    page.get_by_label("Woonplaats", exact=True).fill("Amsterdm")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("We kennen deze plaats niet. Bedoelt u:")).to_be_visible()
    expect(page.get_by_label("Woonplaats", exact=True)).to_have_value("Amsterdm")

    # Wrong file type and an oversized file.
    page.goto(f"{site}/mijn/profiel/foto-en-cv/")
    page.locator("input[name=photo]").set_input_files(
        file("foto.jpg", b"%PDF-1.4 not a photo", "image/jpeg"))
    page.get_by_role("button", name="Foto opslaan").click()
    expect(page.get_by_text("Dit bestand is geen foto die we kunnen gebruiken.")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=cv]").set_input_files(
        file("cv.pdf", pdf_bytes() + b"0" * (5 * 1024 * 1024), "application/pdf"))
    page.get_by_role("button", name="Cv opslaan").click()
    expect(page.get_by_text("Dit bestand is te groot")).to_be_visible()
    page.locator("input[name=cv]").set_input_files(
        file("cv.docx", b"MZ\x90\x00 program", "application/octet-stream"))
    page.get_by_role("button", name="Cv opslaan").click()
    expect(page.get_by_text("Dit bestand is geen PDF- of Word-document")).to_be_visible()
    profile = Profile.objects.get(candidate=candidate)
    assert not profile.photo and not profile.cv and not profile.work_experiences.exists()


def test_sensitive_data_warning_then_coach_review(page, site):
    candidate = jobseeker()
    coach = UserFactory(role=Role.COACH, municipality=candidate.municipality,
                        with_totp_device=True)
    log_in(page, site, candidate.user)
    page.goto(f"{site}/mijn/profiel/meer-over-mij/")
    page.get_by_label("Wat wilt u verder nog vertellen?").fill(
        "Ik heb diabetes maar werk graag.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("heading", name="Let op: dit is misschien gevoelige informatie")
           ).to_be_visible()
    expect(page.locator("mark")).to_have_text("diabetes")
    assert_accessible(page)
    page.get_by_role("button", name="Toch opslaan").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()

    page.goto(f"{site}/mijn/profiel/foto-en-cv/")
    page.locator("input[name=cv]").set_input_files(
        file("cv.docx", docx_bytes("Ik ben moslim en kok."),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    page.get_by_role("button", name="Cv opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer uw cv")
    assert_accessible(page)
    page.get_by_role("button", name="Toch dit cv gebruiken").click()
    expect(page.get_by_text("Uw werkmatcher kijkt eerst mee")).to_be_visible()

    log_out(page)
    log_in(page, site, coach)
    page.goto(f"{site}/werkmatcher/gevoelige-gegevens/")
    expect(page.get_by_role("heading", name=candidate.full_name)).to_have_count(2)
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Bekeken, werkgevers mogen het zien")).first.click()
    expect(page.get_by_text("is afgehandeld")).to_be_visible()
    assert_accessible(page)
