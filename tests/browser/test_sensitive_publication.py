"""Issue 13 in a real browser, with axe: a BSN is refused with what to remove, and data the
jobseeker keeps after a warning stays out of the employer's sight until the coach has looked
(reached through the coach's navigation, with a count)."""

import re

from playwright.sync_api import expect

from candidates.models import Profile
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in, log_out
from tests.candidates.jobseeker_helpers import docx_bytes
from tests.employer_portal.conftest import employer_user, make_candidate
from tests.factories import UserFactory

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HELD = "Door mijn reuma werk ik het liefst als telefoniste."


def test_a_bsn_is_refused_with_what_to_remove(page, site):
    candidate = make_candidate()
    log_in(page, site, candidate.user)
    page.goto(f"{site}/mijn/profiel/foto-en-cv/")
    page.locator("input[name=cv]").set_input_files(
        {"name": "cv.docx", "mimeType": DOCX,
         "buffer": docx_bytes("Sanne de Vries, BSN 1234.56.782, bakker")})
    page.get_by_role("button", name="Cv opslaan").click()
    expect(page.get_by_text(re.compile(r"In dit bestand staat een burgerservicenummer"))
           ).to_be_visible()
    expect(page.get_by_text(re.compile("BSN ••••••782"))).to_be_visible()
    expect(page.get_by_role("button", name="Toch dit cv gebruiken")).to_have_count(0)
    assert_accessible(page)

    page.goto(f"{site}/mijn/profiel/meer-over-mij/")
    page.get_by_label("Wat wilt u verder nog vertellen?").fill("Mijn BSN is 123456782.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text(re.compile("Hier staat een burgerservicenummer"))).to_be_visible()
    expect(page.get_by_role("button", name="Toch opslaan")).to_have_count(0)
    assert_accessible(page)
    profile = Profile.objects.get(candidate=candidate)
    assert not profile.cv and profile.free_text == ""


def test_kept_sensitive_text_waits_for_the_coach_before_employers_see_it(page, site, browser):
    coach = UserFactory(role=Role.COACH, with_totp_device=True)
    candidate = make_candidate(scope="all", responsible_coach=coach)
    employer = employer_user(slug="rotterdam", with_totp_device=True)
    profile_url = f"{site}/werkgever/kandidaten/{candidate.pk}/"

    log_in(page, site, candidate.user)
    page.goto(f"{site}/mijn/profiel/meer-over-mij/")
    page.get_by_label("Wat wilt u verder nog vertellen?").fill(HELD)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text(re.compile("tot dan zien werkgevers dit deel niet"))).to_be_visible()
    page.get_by_role("button", name="Toch opslaan").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    log_out(page)

    # The employer stays logged in in a browser of its own (a TOTP code counts once).
    employer_page = browser.new_context().new_page()
    log_in(employer_page, site, employer)
    employer_page.goto(profile_url)
    expect(employer_page.get_by_role("heading", level=1)).to_contain_text(candidate.first_name)
    expect(employer_page.get_by_text(HELD)).to_have_count(0)

    log_in(page, site, coach)
    navigation = page.get_by_role("navigation", name="Hoofdmenu")
    link = navigation.get_by_role("link", name=re.compile("Gevoelige gegevens"))
    expect(link).to_contain_text("1")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gevoelige gegevens om te bekijken")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Bekeken, werkgevers mogen het zien")).click()
    expect(page.get_by_text("Werkgevers zien dit deel nu.")).to_be_visible()
    expect(navigation.get_by_role("link", name="Gevoelige gegevens", exact=True)).to_be_visible()

    employer_page.reload()
    expect(employer_page.get_by_text(HELD)).to_be_visible()
    assert_accessible(employer_page)
