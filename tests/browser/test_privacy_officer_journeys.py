"""Issue 17 in a real browser, with axe: the administrator reads the audit log, handles an
unusual-access signal, and opens both registers generated from the code."""

import datetime

import pytest
from playwright.sync_api import expect

from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction, AuditEvent
from privacy.oversight.models import AccessSignal
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import CandidateFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db(transaction=True)


def administrator():
    return UserFactory(role=Role.ADMINISTRATOR, municipality=municipality("utrecht"),
                       with_totp_device=True)


def test_administrator_filters_the_audit_log(page, site):
    admin = administrator()
    coach = UserFactory(role=Role.COACH, municipality=municipality("utrecht"),
                        first_name="Wim", last_name="Werkmatcher")
    candidate = CandidateFactory(municipality=municipality("utrecht"), client_number="K-4242")
    other = CandidateFactory(municipality=municipality("utrecht"), client_number="K-1111")
    audit_record(action=AuditAction.PROFILE_VIEWED, actor=coach, target=candidate)
    audit_record(action=AuditAction.PROFILE_VIEWED, actor=coach, target=other)
    log_in(page, site, admin)
    page.get_by_role("navigation").get_by_role("link", name="Logboek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logboek")
    assert_accessible(page)

    page.get_by_label("Kandidaat (klantnummer)").fill("K-4242")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**client_number=K-4242**")
    expect(page.get_by_text("1 regel gevonden.")).to_be_visible()
    expect(page.get_by_role("cell", name="Wim Werkmatcher", exact=False)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Kandidaat (klantnummer)").fill("K-0000")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_text("Er is geen kandidaat met dit klantnummer in uw gemeente."))\
        .to_be_visible()
    assert_accessible(page)
    assert AuditEvent.objects.filter(action=AuditAction.AUDIT_LOG_VIEWED, actor=admin)\
        .count() == 3


def test_administrator_handles_a_signal(page, site):
    admin = administrator()
    exporter = UserFactory(role=Role.ACCOUNT_MANAGER, municipality=municipality("utrecht"),
                           first_name="Ed", last_name="Exporteur")
    signal = AccessSignal.objects.create(
        municipality=municipality("utrecht"), kind=AccessSignal.Kind.EXPORTS, actor=exporter,
        actor_role=Role.ACCOUNT_MANAGER, day=datetime.date(2026, 3, 10), count=12,
        threshold=5)
    log_in(page, site, admin)
    page.get_by_role("navigation").get_by_role("link", name="Signalen").click()
    expect(page.get_by_role("cell", name="Ed Exporteur", exact=False)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Afhandelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal afhandelen")
    page.get_by_role("button", name="Afgehandeld").click()
    expect(page.get_by_text("Schrijf op wat u hebt gedaan of gezien.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Wat hebt u gedaan of gezien?").fill("Besproken: export voor de audit.")
    page.get_by_role("button", name="Afgehandeld").click()
    expect(page.get_by_text("Het signaal is afgehandeld.")).to_be_visible()
    expect(page.get_by_text("Geen signalen.")).to_be_visible()
    assert_accessible(page)
    signal.refresh_from_db()
    assert signal.is_handled and signal.note == "Besproken: export voor de audit."


def test_both_registers(page, site):
    admin = administrator()
    log_in(page, site, admin)
    page.get_by_role("navigation").get_by_role("link", name="Verwerkingsregister").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwerkingsregister")
    expect(page.get_by_role("heading", name="Beveiliging")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{site}/algoritmeregister/")
    assert_accessible(page)
    page.get_by_role("link", name="Utrecht", exact=True).click()
    expect(page.get_by_role("heading", name="Wat de matching nooit gebruikt")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Reisafstand en reistijd")).to_be_visible()
    assert_accessible(page)
    response = page.request.get(f"{site}/algoritmeregister/utrecht.json")
    assert response.ok and response.json()["organisation"] == "Utrecht"
