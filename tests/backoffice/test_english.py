"""The back office in English (msgids are Dutch; locale/parts/backoffice holds the English)."""

import pytest
from django.conf import settings
from django.urls import reverse

from hallowerk.roles import Role
from hallowerk.stats import figures_refresh

from .conftest import candidate_in, logged_in, staff

pytestmark = pytest.mark.django_db


def in_english(user):
    client = logged_in(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_coach_pages_in_english():
    coach = staff(Role.COACH)
    candidate = candidate_in(responsible_coach=coach)
    client = in_english(coach)
    page = client.get(reverse("candidates:coach_candidates")).content.decode()
    assert "Search by name or client number" in page and "1 candidate found" in page
    page = client.get(reverse("candidates:coach_candidate", args=[candidate.pk])).content.decode()
    assert "What would you like to do?" in page and "Hide from employers" in page
    page = client.get(reverse("candidates:coach_import")).content.decode()
    assert "Import candidates" in page and "Which columns can the file have?" in page


def test_account_manager_team_lead_and_administrator_pages_in_english():
    page = in_english(staff(Role.ACCOUNT_MANAGER)).get(
        reverse("employers:am_employer_invite")).content.decode()
    assert "Invite an employer" in page and "Look up the data" in page
    lead = staff(Role.TEAM_LEAD)
    page = in_english(lead).get(reverse("team_lead_home")).content.decode()
    assert "not been counted yet" in page and "Update now" in page
    figures_refresh(municipality_ids=[lead.municipality_id])
    page = in_english(lead).get(reverse("team_lead_home")).content.decode()
    assert "Placements" in page and "approximation" in page and "Updated at" in page
    page = in_english(staff(Role.ADMINISTRATOR)).get(
        reverse("administrator_user_invite")).content.decode()
    assert "Invite a staff member" in page
