"""Invitation → own password → (staff) 2FA enrolment → role landing page, for every role."""

import re

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from hallowerk.accounts.invitations import invitation_create
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible
from tests.factories import EmployerFactory, UserFactory

NEW_PASSWORD = "Mijn-Eigen-Wachtwoord-42"

# role invited → (inviting role, landing heading)
JOURNEYS = {
    Role.JOBSEEKER: (Role.COACH, "Welkom op HalloWerk"),
    Role.COACH: (Role.ADMINISTRATOR, "Werkmatcher"),
    Role.ACCOUNT_MANAGER: (Role.ADMINISTRATOR, "WerkgeversServicepunt"),
    Role.EMPLOYER: (Role.ACCOUNT_MANAGER, "Werkgever"),
    Role.TEAM_LEAD: (Role.ADMINISTRATOR, "Overzicht voor teamleiders"),
    Role.ADMINISTRATOR: (Role.ADMINISTRATOR, "Beheer"),
}


def invite(role):
    inviter = UserFactory(role=JOURNEYS[role][0])
    employer = EmployerFactory() if role == Role.EMPLOYER else None
    invitation_create(by=inviter, email=f"nieuw-{role}@example.nl", role=role, employer=employer)
    link = re.search(r"http://\S+/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    return link.split("/uitnodiging/")[1]


@pytest.mark.parametrize("role", list(JOURNEYS))
def test_invitation_to_landing_page(page, site, role):
    token = invite(role)
    page.goto(f"{site}/uitnodiging/{token}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom bij HalloWerk")
    if role == Role.JOBSEEKER:
        expect(page.get_by_text("Meedoen is vrijwillig.", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Kies een wachtwoord").fill(NEW_PASSWORD)
    page.get_by_label("Typ het wachtwoord nog een keer").fill(NEW_PASSWORD)
    page.get_by_label("Ik heb de gebruiksvoorwaarden gelezen").check()
    page.get_by_role("button", name="Account maken").click()

    if role != Role.JOBSEEKER:
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Tweestapsverificatie instellen")
        assert_accessible(page)
        device = TOTPDevice.objects.get(user__email=f"nieuw-{role}@example.nl", confirmed=False)
        page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
        page.get_by_role("button", name="Bevestigen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Tweestapsverificatie staat aan")
        expect(page.locator(".hw-backup-codes li")).to_have_count(10)
        assert_accessible(page)
        page.get_by_role("link", name="Ik heb de codes bewaard").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(JOURNEYS[role][1])
    assert_accessible(page)
