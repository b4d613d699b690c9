"""The team lead's monthly charts: stored by the periodic count, read as one row, drawn as
accessible SVG with a table; small counts of persons hidden, organisations counted exactly."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from hallowerk.charts import monthly_charts
from hallowerk.models import MunicipalityFigures
from hallowerk.roles import Role
from hallowerk.stats import figures_refresh
from hallowerk.stats_monthly import MONTHLY, month_keys
from matching.models import SuggestionFeedback
from tests.backoffice.conftest import candidate_in, staff
from tests.candidates.jobseeker_helpers import published_vacancy
from tests.factories import EmployerFactory, municipality

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("team_lead_home")
NOW = "2026-06-15 12:00:00+02:00"


def test_month_keys_are_the_last_twelve_months_oldest_first():
    keys = month_keys(date(2026, 3, 31))
    assert keys[0] == "2025-04" and keys[-1] == "2026-03" and len(keys) == 12


@freeze_time(NOW)
def test_monthly_figures_count_inflow_outflow_and_feedback_per_month():
    may = timezone.now() - timedelta(days=30)
    for _ in range(6):
        candidate_in(created_at=may)
    for _ in range(2):
        candidate_in(created_at=may - timedelta(days=31))
    for _ in range(5):
        candidate_in(is_active=False, end_reason="ended", dossier_ended_on=may.date())
    candidate_in(is_active=False, end_reason="refused", dossier_ended_on=may.date())
    candidate_in("rotterdam", created_at=may)
    vacancy = published_vacancy(municipality("utrecht"))
    for candidate in [candidate_in() for _ in range(5)]:
        SuggestionFeedback.objects.create(candidate=candidate, vacancy=vacancy,
                                          verdict="helps", created_at=may)
    figures_refresh()
    counts = MunicipalityFigures.objects.get(municipality=municipality("utrecht"),
                                             period=MONTHLY).counts
    assert sorted(counts) == month_keys(date(2026, 6, 15))
    assert counts["2026-05"]["inflow"] == 6
    assert counts["2026-06"]["inflow"] == 5 + 1 + 5  # the ended ones and the feedback givers
    assert counts["2026-04"]["inflow"] == 2
    assert counts["2026-05"]["ended_ended"] == 5 and counts["2026-05"]["ended_refused"] == 1
    assert counts["2026-05"]["feedback_helps"] == 5

    charts = {c.key: c for c in monthly_charts(municipality=municipality("utrecht"))}
    outflow = dict(charts["outflow"].rows)
    may_label = charts["outflow"].month_labels[-2]
    assert outflow[may_label] == ["< 5", "< 5", "5"]  # broken off, refused, ended
    assert any(bar.title.endswith(": 5") for bar in charts["placements"].bars)
    assert not any("< 5" in bar.title for bar in charts["outflow"].bars), "small not drawn"


@freeze_time(NOW)
def test_sharing_rate_is_recorded_per_month_and_hidden_for_small_groups():
    for _ in range(6):
        candidate_in(shared_with_employers=True)
    for _ in range(6):
        candidate_in(shared_with_employers=False)
    figures_refresh()
    with freeze_time("2026-07-02 09:00:00+02:00"):
        candidate_in(shared_with_employers=True)
        figures_refresh()
        sharing = {c.key: c for c in monthly_charts(
            municipality=municipality("utrecht"))}["sharing"]
        rows = dict(sharing.rows)
        assert rows[sharing.month_labels[-2]] == ["50%"], "June as counted in June"
        assert rows[sharing.month_labels[-1]] == ["54%"]
        assert rows[sharing.month_labels[0]] == ["–"], "not recorded"
    candidate_in("rotterdam", shared_with_employers=True)
    figures_refresh()
    rotterdam = {c.key: c for c in monthly_charts(municipality=municipality("rotterdam"))}
    assert dict(rotterdam["sharing"].rows)[rotterdam["sharing"].month_labels[-1]] == ["–"]


def test_organisations_are_counted_exactly_persons_are_not(verified_client):
    lead = staff(Role.TEAM_LEAD)
    EmployerFactory.create_batch(2, municipality=lead.municipality)
    candidate_in()
    figures_refresh()
    page = verified_client(lead).get(OVERVIEW).content.decode()
    assert '<span class="hw-stat__value">2</span> <span class="hw-stat__label">Werkgevers die ' \
           'meedoen' in page
    assert '<span class="hw-stat__value">&lt; 5</span> <span class="hw-stat__label">Lopende ' \
           'dossiers' in page


def test_dashboard_has_svg_charts_with_a_table_and_counts_nothing(verified_client):
    lead = staff(Role.TEAM_LEAD)
    for _ in range(7):
        candidate_in()
    figures_refresh()
    client = verified_client(lead)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(OVERVIEW).content.decode()
    assert not [q for q in captured if "candidates_candidate" in q["sql"]]
    assert page.count('<svg class="hw-chart__svg"') == 5 and page.count('role="img"') == 5
    assert "<title" in page and "<caption" in page and ">Nieuwe kandidaten<" in page
    assert "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">7</td>" in page


def test_other_roles_do_not_get_the_dashboard(verified_client):
    coach = staff(Role.COACH)
    figures_refresh()
    assert verified_client(coach).get(OVERVIEW).status_code in (302, 403)


def test_dashboard_in_english(verified_client, settings):
    lead = staff(Role.TEAM_LEAD)
    figures_refresh()
    client = verified_client(lead)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(OVERVIEW).content.decode()
    assert "Per month, the last 12 months" in page and "Ended files by reason" in page
    assert "Table: New candidates" in page and "Staafdiagram" not in page
