"""Browser tests of issue 15: the occupation picker with and without JavaScript, the team
lead's dashboard (charts and their tables), and the jobseeker's journey at a phone's width."""

import pytest
from playwright.sync_api import expect

from candidates.models import Candidate
from employers.models import Vacancy
from hallowerk.roles import Role
from hallowerk.stats import figures_refresh
from tests.browser.conftest import assert_accessible, log_in
from tests.candidates.jobseeker_helpers import jobseeker
from tests.employer_portal.conftest import make_candidate
from tests.factories import CandidateFactory, EmployerFactory, UserFactory, municipality

NO_SIDEWAYS_SCROLL = ("document.documentElement.scrollWidth <= "
                      "document.documentElement.clientWidth + 1")


def _vacancy_with_occupation(page, site, manager, typed):
    employer = EmployerFactory(municipality=manager.municipality, name="Bakkerij Oost")
    page.goto(f"{site}/wsp/werkgevers/{employer.pk}/vacatures/nieuw/")
    page.get_by_label("Functietitel").fill("Kok")
    page.get_by_label("Beroep", exact=False).first.fill(typed)
    page.get_by_label("Omschrijving").fill("U kookt voor onze gasten.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_occupation_picker(browser, site, javascript):
    manager = UserFactory(role=Role.ACCOUNT_MANAGER, municipality=municipality("utrecht"),
                          with_totp_device=True)
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    try:
        log_in(page, site, manager)
        # A name that is not an occupation: a clear message with the closest ones.
        _vacancy_with_occupation(page, site, manager, "Kok xyz")
        expect(page.get_by_text("Dit beroep kennen we niet", exact=False)).to_be_visible()
        if javascript:
            assert_accessible(page)
        # The field offers suggestions as the browser's own list (no script needed).
        field = page.get_by_role("combobox", name="Beroep")
        assert field.get_attribute("list") == "id_occupation-beroepen"
        assert page.locator("#id_occupation-beroepen option[value='Koks']").count() == 1
        field.fill("koks")
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_load_state("load")
        vacancy = Vacancy.objects.get(title="Kok")
        assert vacancy.occupation.isco_code == "5120"
    finally:
        context.close()


def test_team_lead_dashboard_charts_and_tables(page, site):
    lead = UserFactory(role=Role.TEAM_LEAD, municipality=municipality("utrecht"),
                       with_totp_device=True)
    for _ in range(7):
        CandidateFactory(municipality=municipality("utrecht"), shared_with_employers=True)
    figures_refresh()
    log_in(page, site, lead)
    expect(page.get_by_role("heading", name="Per maand, de laatste 12 maanden")).to_be_visible()
    charts = page.get_by_role("img", name="Staafdiagram", exact=False)
    expect(charts).to_have_count(5)
    expect(page.locator("svg.hw-chart__svg rect").first).to_be_visible()
    page.get_by_text("Tabel: Nieuwe kandidaten").click()
    table = page.get_by_role("table", name="Nieuwe kandidaten")
    expect(table).to_be_visible()
    expect(table.get_by_role("cell", name="7")).to_be_visible()
    assert_accessible(page)


def test_mobile_jobseeker_journey(browser, site):
    candidate = jobseeker()
    Candidate.objects.filter(pk=candidate.pk).update(shared_with_employers=False)
    make_candidate()  # someone else, so the municipality has a world around her
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        log_in(page, site, candidate.user)
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert_accessible(page)
        page.goto(f"{site}/mijn/profiel/over-mij/")
        page.get_by_label("Over mij", exact=True).fill("Ik werk graag met mensen.")
        page.get_by_role("button", name="Opslaan en naar de volgende stap").click()
        page.wait_for_load_state("load")
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert_accessible(page)
        page.goto(f"{site}/mijn/")
        page.get_by_role("link", name="Kies of werkgevers uw profiel mogen zien.").click()
        page.get_by_label("Ja, werkgevers mogen mijn profiel zien").check()
        page.get_by_label("Werkgevers in mijn eigen regio").check()
        page.get_by_role("button", name="Keuze opslaan").click()
        expect(page.get_by_text("Werkgevers kunnen uw profiel nu zien.")).to_be_visible()
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert_accessible(page)
        candidate.refresh_from_db()
        assert candidate.shared_with_employers and candidate.profile.personal_description
    finally:
        context.close()
