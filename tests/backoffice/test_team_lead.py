"""The team lead's overview: aggregates only, small numbers suppressed, no person, no
figures per employee."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hallowerk.roles import Role
from hallowerk.stats import figures_refresh, municipality_overview, suppressed

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("team_lead_home")


def figures(overview) -> dict[str, int]:
    return {str(f.label): f.value for group in overview.groups for f in group.figures}


def test_small_numbers_are_suppressed():
    assert [suppressed(n) for n in (0, 1, 4, 5, 12)] == ["< 5", "< 5", "< 5", "5", "12"]


def test_counts_per_status_for_own_municipality_only(db):
    coach = staff(Role.COACH)
    for _ in range(6):
        candidate_in(shared_with_employers=True, responsible_coach=coach)
    for _ in range(2):
        candidate_in(is_active=False)
    for _ in range(5):
        candidate_in(is_active=False, end_reason="ended", dossier_ended_on=timezone.localdate())
    candidate_in(is_active=False, end_reason="refused",
                 dossier_ended_on=timezone.localdate() - timedelta(days=400))
    for _ in range(9):
        candidate_in("rotterdam", shared_with_employers=True)
    utrecht = coach.municipality
    figures_refresh()
    counts = figures(municipality_overview(municipality=utrecht, period="365"))
    assert counts["Lopende dossiers"] == 8 and counts["Actief"] == 6 and counts["Inactief"] == 2
    assert counts["Profiel gedeeld met werkgevers"] == 6
    assert counts["Plaatsingen"] == 5 and counts["Geweigerd"] == 0
    assert figures(municipality_overview(municipality=utrecht, period="all"))["Geweigerd"] == 1


def test_page_shows_suppressed_aggregates_and_never_a_name_or_an_employee(verified_client):
    lead = staff(Role.TEAM_LEAD)
    coach = staff(Role.COACH, first_name="Carla", last_name="Coachnaam")
    for number in range(7):
        candidate_in(shared_with_employers=True, responsible_coach=coach,
                     last_name=f"Kandidaatnaam{number}")
    candidate_in(is_active=False, last_name="Eenling")
    figures_refresh()
    page = verified_client(lead).get(OVERVIEW).content.decode()
    assert "7" in page and "&lt; 5" in page
    for name in ["Kandidaatnaam", "Eenling", "Coachnaam", "Carla"]:
        assert name not in page
    assert "benadering" in page, "the page says what a placement is"


def test_period_choice_and_a_tampered_period(verified_client):
    client = verified_client(staff(Role.TEAM_LEAD))
    assert client.get(OVERVIEW, {"period": "30"}).context["period"] == "30"
    response = client.get(OVERVIEW, {"period": "1; drop"})
    assert response.status_code == 200 and response.context["period"] == "365"
