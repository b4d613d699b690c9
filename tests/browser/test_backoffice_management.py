"""Team lead and administrator pages in a real browser, with axe."""

import pytest
from django_otp import user_has_device
from playwright.sync_api import expect

from hallowerk.models import User
from hallowerk.roles import Role
from privacy.models import LegalText
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import CandidateFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db(transaction=True)


def test_team_lead_sees_aggregates_only(page, site):
    lead = UserFactory(role=Role.TEAM_LEAD, municipality=municipality("utrecht"),
                       with_totp_device=True)
    for _ in range(6):
        CandidateFactory(municipality=municipality("utrecht"), shared_with_employers=True)
    log_in(page, site, lead)
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht voor teamleiders")
    # A new installation: nothing counted yet; the team lead asks for a count (in the tests
    # the worker runs at once).
    expect(page.get_by_text("De cijfers zijn nog niet geteld.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Nu bijwerken").click()
    expect(page.get_by_text("Bijgewerkt om", exact=False)).to_be_visible()
    expect(page.get_by_text("< 5").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Periode", exact=True).select_option("all")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**period=all**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht voor teamleiders")
    assert_accessible(page)


def test_administrator_pages(page, site):
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality("utrecht"),
                        with_totp_device=True)
    colleague = UserFactory(role=Role.COACH, municipality=municipality("utrecht"),
                            first_name="Cor", last_name="Collega", with_totp_device=True)
    log_in(page, site, admin)
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer")
    assert_accessible(page)
    page.get_by_role("navigation").get_by_role("link", name="Gebruikers").click()
    assert_accessible(page)
    page.get_by_role("link", name="Cor Collega").click()
    assert_accessible(page)
    page.get_by_role("link", name="Tweestapsverificatie wissen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, doorgaan").click()
    expect(page.get_by_text("De tweestapsverificatie is gewist.")).to_be_visible()
    assert not user_has_device(colleague, confirmed=None)

    page.goto(f"{site}/beheer/gebruikers/nieuw/")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Vul de voornaam in.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Voornaam").fill("Tara")
    page.get_by_label("Achternaam").fill("Teamleider")
    page.get_by_label("E-mailadres").fill("tara@utrecht.example")
    page.get_by_label("Teamleider").check()
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("tara@utrecht.example heeft een uitnodiging gekregen.",
                            exact=False)).to_be_visible()
    assert User.objects.get(email="tara@utrecht.example").role == Role.TEAM_LEAD

    page.get_by_role("navigation").get_by_role("link", name="Gemeente").click()
    assert_accessible(page)
    page.get_by_label("E-mail WSP").fill("wsp@utrecht.example")
    page.get_by_label("Utrecht (rood)").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De instellingen zijn opgeslagen.")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Teksten").click()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe versie van de gebruiksvoorwaarden").click()
    assert_accessible(page)
    page.get_by_label("Tekst in het Nederlands").fill("Nieuwe voorwaarden in gewone taal.")
    page.get_by_role("button", name="Nieuwe versie publiceren").click()
    expect(page.get_by_text("is gepubliceerd", exact=False)).to_be_visible()
    latest = LegalText.objects.filter(kind="terms").order_by("-version").first()
    assert latest.body_nl == "Nieuwe voorwaarden in gewone taal."
    page.get_by_role("link", name=f"Versie {latest.version}").first.click()
    assert_accessible(page)
