"""Matching in a real browser: the jobseeker's suggestions with explanations and feedback,
the employer's candidate suggestions with only allowed fields, and axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from matching.models import FairnessReport, SuggestionFeedback
from tests.browser.conftest import assert_accessible, log_in, log_out
from tests.factories import EmployerFactory, UserFactory, municipality
from tests.matching.builders import candidate, place, vacancy


@pytest.fixture
def cooks(site):
    utrecht = municipality("utrecht")
    employer = EmployerFactory(municipality=utrecht, name="Restaurant De Haven")
    shared = candidate(
        municipality=utrecht, occupations=["5120"], sectors=["horeca"],
        competences=["Koken voor groepen"], place_of_residence=place("Utrecht"),
        transport=["bike"], languages={"nl": "good"},
        candidate_fields={"client_number": "KLANT-4711", "postcode": "3511AB",
                          "phone": "0612345678", "directly_approachable": False,
                          "first_name": "Sanne", "last_name": "Jansen"})
    hidden = candidate(municipality=utrecht, occupations=["5120"],
                       candidate_fields={"shared_with_employers": False,
                                         "first_name": "Niet", "last_name": "Gedeeld"})
    job = vacancy(code="5120", employer=employer, title="Kok in de keuken",
                  sector_code="horeca", skills=["koken"], place_name="Zeist",
                  required_languages=["nl"])
    return {"shared": shared, "hidden": hidden, "job": job, "employer": employer}


def test_jobseeker_sees_explained_suggestions_and_gives_feedback(page, site, cooks):
    jobseeker = cooks["shared"].user
    log_in(page, site, jobseeker)
    page.get_by_role("link", name="Passend werk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vacatures die bij u kunnen passen")
    card = page.locator(f"#vacature-{cooks['job'].pk}")
    expect(card.get_by_role("heading", level=2)).to_have_text("Kok in de keuken")
    expect(card.get_by_text("Dit is het beroep dat u zoekt: Koks.")).to_be_visible()
    expect(card.get_by_text("U wilt graag werken in deze sector: Horeca.")).to_be_visible()
    expect(card.get_by_text(re.compile(r"km van uw woonplaats, ongeveer \d+ minuten met de "
                                       r"fiets\."))).to_be_visible()
    expect(page.get_by_text("U beslist zelf")).to_be_visible()
    assert_accessible(page)

    page.get_by_text("Hoe kiezen we deze suggesties?").click()
    expect(page.get_by_text("Nooit gebruikt: geslacht")).to_be_visible()
    assert_accessible(page)

    # "Doesn't fit" needs a reason: a clear message, nothing saved.
    card.get_by_label("Deze suggestie past niet").check()
    card.get_by_role("button", name="Reactie opslaan").click()
    card = page.locator(f"#vacature-{cooks['job'].pk}")
    expect(card.get_by_text("Kies waarom deze vacature niet bij u past.")).to_be_visible()
    assert not SuggestionFeedback.objects.exists()
    assert_accessible(page)

    card.get_by_label("Deze suggestie past niet").check()
    card.get_by_label("Past niet, omdat …").select_option(label="Het werk is te ver weg")
    card.get_by_role("button", name="Reactie opslaan").click()
    expect(page.get_by_text("Bedankt voor uw reactie.")).to_be_visible()
    expect(page.locator(f"#vacature-{cooks['job'].pk} .hw-feedback-given")).to_contain_text(
        "Deze suggestie past niet — Het werk is te ver weg")
    feedback = SuggestionFeedback.objects.get()
    assert (feedback.candidate, feedback.vacancy, feedback.reason) == (
        cooks["shared"], cooks["job"], "too_far")
    assert_accessible(page)


def test_employer_sees_candidate_suggestions_with_only_allowed_fields(page, site, cooks):
    employer_user = UserFactory(role="employer", employer=cooks["employer"],
                                municipality=cooks["employer"].municipality,
                                with_totp_device=True)
    log_in(page, site, employer_user)
    page.get_by_role("link", name="Kandidaatsuggesties").click()
    assert_accessible(page)
    page.get_by_role("link", name="Kok in de keuken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kandidaten die kunnen passen bij Kok in de keuken")
    card = page.locator(f"#kandidaat-{cooks['shared'].pk}")
    expect(card.get_by_role("heading", level=2)).to_have_text("Sanne Jansen")
    expect(card.get_by_text("Dit is het beroep dat de kandidaat zoekt: Koks.")).to_be_visible()
    expect(card.get_by_text("Het profiel noemt wat de werkgever vraagt: koken.")).to_be_visible()
    expect(card.get_by_text("De kandidaat spreekt Nederlands (goed).")).to_be_visible()
    expect(page.get_by_text("Niet Gedeeld")).to_have_count(0)
    body = page.locator("main").inner_text()
    shared = cooks["shared"]
    for secret in ("KLANT-4711", "3511AB", "0612345678", shared.email):
        assert secret not in body
    assert_accessible(page)


def test_staff_matching_pages_are_accessible(page, site, cooks):
    utrecht = municipality("utrecht")
    coach = UserFactory(role="coach", municipality=utrecht, with_totp_device=True)
    shared = cooks["shared"]
    shared.responsible_coach = coach
    shared.save()
    log_in(page, site, coach)
    page.get_by_role("link", name="Passend werk bespreken").click()
    assert_accessible(page)
    page.get_by_role("link", name="Sanne Jansen").click()
    expect(page.get_by_text("het systeem geeft alleen advies")).to_be_visible()
    expect(page.get_by_text("Dit is het beroep dat de kandidaat zoekt: Koks.")).to_be_visible()
    assert_accessible(page)
    log_out(page)

    manager = UserFactory(role="account_manager", municipality=utrecht, with_totp_device=True)
    log_in(page, site, manager)
    page.get_by_role("link", name="Kandidaatsuggesties").click()
    page.get_by_role("link", name="Kok in de keuken").click()
    expect(page.get_by_role("heading", name="Niet Gedeeld")).to_be_visible()  # own municipality
    assert_accessible(page)


def test_team_lead_report_and_administrator_weights_are_accessible(page, site, cooks):
    utrecht = municipality("utrecht")
    lead = UserFactory(role="team_lead", municipality=utrecht, with_totp_device=True)
    log_in(page, site, lead)
    page.get_by_role("link", name="Monitor matching").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitor matching: Utrecht")
    assert_accessible(page)
    page.get_by_role("button", name="Nu opnieuw berekenen").click()
    expect(page.get_by_text("Berekend op")).to_be_visible()
    assert FairnessReport.objects.filter(municipality=utrecht).exists()
    assert_accessible(page)
    log_out(page)

    admin = UserFactory(role="administrator", municipality=utrecht, with_totp_device=True)
    log_in(page, site, admin)
    page.get_by_role("link", name="Weging matching").click()
    assert_accessible(page)
    page.get_by_label("Reisafstand").fill("11")
    page.get_by_role("button", name="Weging opslaan").click()
    expect(page.get_by_text("Het getal mag niet groter zijn dan 10.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Reisafstand").fill("4")
    page.get_by_role("button", name="Weging opslaan").click()
    expect(page.get_by_text("De weging is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Reisafstand en reistijd: 3 → 4")).to_be_visible()
    assert_accessible(page)
