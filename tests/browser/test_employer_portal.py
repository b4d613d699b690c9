"""The employer's journey in a real browser: 2FA login → search with text and filters →
profile → message a directly approachable candidate → contact request for one who is not
(lands with the coach) → shortlist → saved search and its alert mail. axe on every page."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from candidates.models import ContactRequest, Message
from employers.models import SavedSearch, Shortlist
from employers.services_saved_searches import saved_search_alert_send
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.employer_portal.conftest import make_candidate
from tests.factories import UserFactory, VacancyFactory, municipality


@pytest.fixture
def people(site):
    utrecht = municipality("utrecht")
    utrecht.wsp_contact_name = "Wendy Werkgeversservicepunt"
    utrecht.wsp_contact_email = "wsp@utrecht.example.nl"
    utrecht.save()
    coach = UserFactory(role=Role.COACH, municipality=utrecht, email="coach@example.nl")
    employer = UserFactory(employer_user=True, with_totp_device=True, municipality=utrecht,
                           employer__municipality=utrecht, email="werkgever@example.nl")
    VacancyFactory(employer=employer.employer, title="Kok voor ons restaurant",
                   status="published", published_at=timezone.now())
    anna = make_candidate(
        approachable=True, residence="Utrecht", occupations=["5120"], languages=["nl"],
        phone="0611122233", user__first_name="Anna", user__last_name="Aydin",
        profile={"kind_of_work": "Kok in een restaurant", "physical_standing": True})
    bram = make_candidate(
        approachable=False, responsible_coach=coach, residence="Zeist", occupations=["5120"],
        phone="0644455566", user__first_name="Bram", user__last_name="Bakker",
        profile={"kind_of_work": "Kok en keukenhulp", "physical_standing": True})
    make_candidate(residence="Amsterdam", user__first_name="Carla", user__last_name="Claes",
                   profile={"kind_of_work": "Kok"})
    make_candidate(residence="Utrecht", user__first_name="Dirk", user__last_name="Dekker",
                   profile={"kind_of_work": "Schilder"})
    return {"employer": employer, "coach": coach, "anna": anna, "bram": bram}


def test_employer_journey(page, site, people):
    log_in(page, site, people["employer"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkgever")
    expect(page.get_by_text("Wendy Werkgeversservicepunt")).to_be_visible()
    assert_accessible(page)

    # Search with text and filters.
    page.get_by_role("navigation").get_by_role("link", name="Zoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidaten zoeken")
    assert_accessible(page)
    page.get_by_label("Zoekwoorden").fill("kok")
    page.get_by_label("Woonplaats van de kandidaat").fill("utrecht")
    page.get_by_label("Afstand (km)").fill("20")
    page.get_by_label("Lang staan").check()
    page.get_by_role("button", name="Zoeken", exact=True).first.click()  # top of the filters
    expect(page.get_by_role("heading", name="2 kandidaten gevonden")).to_be_visible()
    expect(page.get_by_role("link", name="Anna Aydin")).to_be_visible()
    expect(page.get_by_role("link", name="Bram Bakker")).to_be_visible()
    expect(page.get_by_role("link", name="Carla Claes")).to_have_count(0)
    assert_accessible(page)
    search_url = page.url

    # Bad input gets a clear message, also on screen.
    page.get_by_label("Afstand (km)").fill("10000")
    page.get_by_role("button", name="Zoeken", exact=True).first.click()
    expect(page.get_by_role("alert")).to_contain_text("Kies een afstand van 1 tot 200 km.")
    assert_accessible(page)

    # A directly approachable candidate: contact details and a message.
    page.goto(search_url)
    page.get_by_role("link", name="Anna Aydin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Aydin")
    expect(page.get_by_text("0611122233")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Uw bericht").fill("Hallo Anna, wilt u komen kennismaken?")
    page.get_by_role("button", name="Bericht versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gesprek met Anna Aydin")
    expect(page.get_by_text("wilt u komen kennismaken?")).to_be_visible()
    assert Message.objects.filter(thread__candidate=people["anna"]).count() == 1
    assert_accessible(page)

    # Not directly approachable: no contact details, a request that lands with the coach.
    page.goto(search_url)
    page.get_by_role("link", name="Bram Bakker").click()
    expect(page.get_by_text("0644455566")).to_have_count(0)
    page.get_by_label("Uw bericht voor de kandidaat").fill("Wij zoeken een kok voor 32 uur.")
    page.get_by_label("Over welke vacature gaat het?").select_option(
        label="Kok voor ons restaurant")
    page.get_by_role("button", name="Contactverzoek versturen").click()
    expect(page.get_by_text("Uw contactverzoek is verstuurd")).to_be_visible()
    request = ContactRequest.objects.get()
    assert request.candidate == people["bram"] and request.status == "pending"
    assert request.candidate.responsible_coach == people["coach"]
    assert any(m.to == [people["coach"].email] for m in mail.outbox)
    assert_accessible(page)

    # Shortlist: a new list straight from the profile.
    page.get_by_label("Naam van de nieuwe lijst").fill("Koks voor de zomer")
    page.get_by_role("button", name="Op de lijst zetten").click()
    expect(page.get_by_text("De kandidaat staat nu op de lijst")).to_be_visible()
    page.get_by_role("navigation").get_by_role("link", name="Mijn lijsten").click()
    assert_accessible(page)
    page.get_by_role("link", name="Koks voor de zomer").click()
    expect(page.get_by_role("link", name="Bram Bakker")).to_be_visible()
    assert Shortlist.objects.get().entries.get().candidate == people["bram"]
    assert_accessible(page)
    page.get_by_role("link", name="Deze lijst verwijderen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Nee, terug").click()

    # Save the search; a new matching profile later triggers the alert mail.
    page.goto(search_url)
    page.get_by_role("link", name=re.compile("Deze zoekopdracht bewaren")).click()
    assert_accessible(page)
    page.get_by_label("Naam van de zoekopdracht").fill("Koks bij Utrecht")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewaarde zoekopdrachten")
    assert_accessible(page)
    saved = SavedSearch.objects.get()
    newcomer = make_candidate(residence="Utrecht", user__first_name="Eva",
                              user__last_name="Evers",
                              profile={"kind_of_work": "Kok", "physical_standing": True})
    assert saved_search_alert_send(saved_search_id=saved.pk) == 1
    alert = mail.outbox[-1]
    assert alert.to == [people["employer"].email]
    assert "Eva" not in alert.body and "Evers" not in alert.body
    link = re.search(r"http://\S+", alert.body).group(0)
    page.goto(link.replace("http://127.0.0.1:8000", site))
    expect(page.get_by_role("heading", name="3 kandidaten gevonden")).to_be_visible()
    expect(page.get_by_role("link", name=newcomer.full_name)).to_be_visible()

    # The own vacancies, read-only.
    page.get_by_role("navigation").get_by_role("link", name="Vacatures").click()
    assert_accessible(page)
    page.get_by_role("link", name="Kok voor ons restaurant").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kok voor ons restaurant")
    assert_accessible(page)


def test_search_finds_compound_words_and_suggests_a_spelling(page, site, people):
    """Issue 18: "chauffeur" finds who wrote "vrachtwagenchauffeur"; a typo gets a
    suggestion that keeps the filters."""
    make_candidate(residence="Utrecht", user__first_name="Vera", user__last_name="Visser",
                   profile={"kind_of_work": "Vrachtwagenchauffeur in de bouw"})
    log_in(page, site, people["employer"])
    page.get_by_role("navigation").get_by_role("link", name="Zoeken").click()
    page.get_by_label("Zoekwoorden").fill("chauffeur")
    page.get_by_role("button", name="Zoeken", exact=True).first.click()
    expect(page.get_by_role("link", name="Vera Visser")).to_be_visible()
    page.get_by_label("Zoekwoorden").fill("vrachtwagenchaufeur")
    page.get_by_role("button", name="Zoeken", exact=True).first.click()
    expect(page.get_by_role("heading", name="0 kandidaten gevonden")).to_be_visible()
    expect(page.get_by_text("Bedoelde u:")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="vrachtwagenchauffeur").click()
    expect(page.get_by_role("link", name="Vera Visser")).to_be_visible()
