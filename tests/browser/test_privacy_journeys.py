"""Privacy operations in a real browser, with axe on every page: the jobseeker downloads
their data and sees who viewed them; the administrator opens the retention report and
downloads the PDF; the coach's destruction list; the privacy statement."""

import datetime
import json
import re
from pathlib import Path

import pytest
from freezegun import freeze_time
from playwright.sync_api import expect

from hallowerk.roles import Role
from privacy.audit import audit_profile_viewed
from privacy.models import LegalHold
from privacy.retention.run import retention_run
from tests.browser.conftest import assert_accessible, log_in, log_out
from tests.factories import UserFactory, municipality
from tests.privacy.privacyops_data import full_candidate


def downloaded(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()).read_bytes()


def test_jobseeker_downloads_their_data_and_sees_who_viewed_them(page, site):
    candidate = full_candidate("Zbr")
    employer_user = candidate.threads.get().counterpart  # "Werkgever N B.V."
    coach = UserFactory(role=Role.COACH, municipality=municipality())
    audit_profile_viewed(viewer=coach, candidate=candidate)
    log_in(page, site, candidate.user)

    page.get_by_role("link", name="Mijn gegevens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens")
    assert_accessible(page)
    data = json.loads(downloaded(page, "Download als JSON-bestand"))
    models = [section["model"] for section in data["sections"]]
    assert "candidates.Candidate" in models and "candidates.Message" in models
    assert data["sections"][0]["records"][0]["client_number"] == "Zbr-K1"
    assert any(line["action"] == "profile_viewed" for line in data["access_log"])
    pdf = downloaded(page, "Download als PDF")
    assert pdf.startswith(b"%PDF")
    cv = downloaded(page, "Download uw cv")
    assert cv.startswith(b"%PDF-1.4 Zbr")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Wie bekeek mijn profiel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie bekeek mijn profiel")
    table = page.get_by_role("region", name="Wie bekeek mijn profiel")
    expect(table).to_contain_text(employer_user.employer.name)
    expect(table).to_contain_text("Werkmatcher")
    expect(table).not_to_contain_text(coach.last_name)
    assert_accessible(page)

    page.goto(f"{site}/mijn/tips/")
    assert_accessible(page)
    page.get_by_label("Stuur me tips per e-mail").uncheck()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("U krijgt geen tips meer per e-mail.")
    assert_accessible(page)


@pytest.fixture
def retention_data(site):
    """Dossiers run through the retention job: one destroyed, one due soon, one held."""
    utrecht = municipality()
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=utrecht, with_totp_device=True)
    today = datetime.date.today()
    full_candidate("Zbg", ended_on=today - datetime.timedelta(days=500),
                   end_reason="broken_off", files=False)
    soon = full_candidate("Zbs", ended_on=today.replace(year=today.year - 1)
                          + datetime.timedelta(days=10), end_reason="broken_off", files=False)
    held = full_candidate("Zbh", ended_on=today - datetime.timedelta(days=400),
                          end_reason="broken_off", files=False)
    LegalHold.objects.create(candidate=held, reason="Bezwaarprocedure loopt", placed_by=admin)
    with freeze_time(today - datetime.timedelta(days=40)):
        retention_run()
    retention_run()
    return admin, soon, held


def test_administrator_opens_the_retention_report_and_downloads_the_pdf(page, site,
                                                                        retention_data):
    admin, soon, held = retention_data
    log_in(page, site, admin)
    page.get_by_role("link", name="Vernietigingsrapport").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vernietigingsrapport")
    expect(page.get_by_role("region", name="Binnenkort vernietigd")).to_contain_text(
        soon.client_number)
    expect(page.get_by_role("region", name="Bewaarplicht", exact=True)).to_contain_text(
        "Bezwaarprocedure loopt")
    expect(page.get_by_role("region", name="Vernietigd", exact=True)).to_contain_text("Dossier")
    assert_accessible(page)
    pdf = downloaded(page, "Download als PDF (voor de FG)")
    assert pdf.startswith(b"%PDF")
    csv = downloaded(page, "Download als CSV")
    assert soon.client_number.encode() in csv

    # A hold from the due list, with a Dutch message when the reason is missing.
    page.get_by_role("link", name=re.compile(f"Bewaarplicht instellen.*{soon.client_number}"))\
        .click()
    assert_accessible(page)
    page.get_by_role("button", name="Bewaarplicht instellen").click()
    expect(page.get_by_text("Schrijf op waarom dit dossier langer bewaard moet blijven."))\
        .to_be_visible()
    assert_accessible(page)
    page.get_by_label("Reden van de bewaarplicht").fill("Klacht bij de ombudsman")
    page.get_by_role("button", name="Bewaarplicht instellen").click()
    expect(page.get_by_role("region", name="Bewaarplicht", exact=True)).to_contain_text(
        "Klacht bij de ombudsman")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Bewaartermijnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewaartermijnen")
    assert_accessible(page)


def test_coach_list_and_privacy_statement_are_accessible(page, site, retention_data):
    _admin, soon, _held = retention_data
    coach = soon.responsible_coach
    coach.set_password("Correct-Horse-Battery-9")
    coach.save()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories import TOTP_KEY_HEX

    TOTPDevice.objects.create(user=coach, name="t", key=TOTP_KEY_HEX, confirmed=True)
    log_in(page, site, coach)
    page.get_by_role("link", name="Vernietiging").click()
    expect(page.get_by_role("region", name="Dossiers die worden vernietigd")).to_contain_text(
        soon.full_name)
    assert_accessible(page)
    page.get_by_role("link", name="Privacyverklaring").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacyverklaring")
    assert_accessible(page)


def test_the_privacy_pages_in_english(page, site, retention_data):
    """The same pages in English, with axe: a jobseeker's, the administrator's, the statement."""
    admin, soon, _held = retention_data
    candidate = full_candidate("Zbe", files=False)
    log_in(page, site, candidate.user)
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for path, heading in (("/mijn/gegevens/", "My data"),
                          ("/mijn/wie-bekeek-mijn-profiel/", "Who viewed my profile"),
                          ("/mijn/tips/", "E-mail with tips"),
                          ("/privacyverklaring/", "Privacy statement")):
        page.goto(f"{site}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
    page.get_by_role("button", name="Nederlands").click()  # log_in() speaks Dutch
    log_out(page)

    log_in(page, site, admin)
    page.get_by_role("button", name="English").click()
    page.goto(f"{site}/beheer/vernietiging/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Destruction report")
    expect(page.get_by_role("region", name="Destroyed soon")).to_contain_text(soon.client_number)
    assert_accessible(page)
    page.goto(f"{site}/beheer/bewaartermijnen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Retention periods")
    assert_accessible(page)
