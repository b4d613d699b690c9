"""The monitoring report: aggregates only, small cells suppressed, ratios between groups."""

from datetime import date

import pytest
from django.urls import reverse

from matching.fairness import age_band, fairness_report_compute, feedback_counts, suppress
from matching.models import FairnessReport, SuggestionFeedback
from tests.factories import UserFactory, municipality
from tests.matching.builders import candidate, vacancy

pytestmark = pytest.mark.django_db


def row(group, population, appeared, appearances=None):
    return {"group": group, "population": population, "appeared": appeared,
            "appearances": appeared if appearances is None else appearances}


def test_small_cells_are_suppressed_and_cannot_be_worked_out_from_the_total():
    rows = suppress([row("female", 40, 20), row("male", 50, 30), row("other", 3, 1),
                     row("unknown", 12, 6)])
    by_group = {r["group"]: r for r in rows}
    assert by_group["other"]["population"] is None and by_group["other"]["appeared"] is None
    # One hidden population would follow from the total: the next smallest is hidden too.
    assert by_group["unknown"]["population"] is None
    assert by_group["female"]["population"] == 40 and by_group["male"]["appeared"] == 30


def test_fewer_than_five_appearing_is_suppressed_even_in_a_large_group():
    rows = suppress([row("a", 100, 4), row("b", 100, 50), row("c", 100, 60)])
    by_group = {r["group"]: r for r in rows}
    assert by_group["a"]["appeared"] is None and by_group["a"]["population"] == 100
    assert by_group["a"]["share"] is None and by_group["a"]["ratio"] is None
    # …and "fewer than 5 of 100" is far below the others: still flagged.
    assert by_group["a"]["flag"] is True
    assert by_group["b"]["appeared"] is None  # complementary suppression


def test_ratio_against_the_best_group_and_the_four_fifths_flag():
    rows = {r["group"]: r for r in suppress([row("a", 100, 50), row("b", 100, 35),
                                             row("c", 100, 45)])}
    assert rows["a"]["ratio"] == 1.0 and not rows["a"]["flag"]
    assert rows["b"]["ratio"] == pytest.approx(0.7) and rows["b"]["flag"]
    assert rows["c"]["ratio"] == pytest.approx(0.9) and not rows["c"]["flag"]


@pytest.mark.parametrize(("born", "band"), [
    (None, "unknown"), (date(2000, 6, 2), "under_27"), (date(1999, 6, 1), "27_44"),
    (date(1981, 6, 2), "27_44"), (date(1981, 6, 1), "45_54"), (date(1971, 6, 1), "55_plus")])
def test_age_bands(born, band):
    assert age_band(born, date(2026, 6, 1)) == band


def test_report_counts_appearances_in_the_top_25_by_group():
    utrecht = municipality("utrecht")
    women = [candidate(municipality=utrecht, occupations=["5120"],
                       candidate_fields={"gender": "female", "date_of_birth": date(1990, 1, 1)})
             for _ in range(7)]
    for _ in range(6):
        candidate(municipality=utrecht, occupations=["5120"])  # gender unknown
    men = [candidate(municipality=utrecht, occupations=["9412"],
                     candidate_fields={"gender": "male", "tg_banenafspraak": True})
           for _ in range(6)]
    candidate(municipality=municipality("rotterdam"), occupations=["5120"])  # not Utrecht's
    vacancy(code="5120", employer__municipality=utrecht)
    vacancy(code="5120", employer__municipality=utrecht)
    vacancy(code="5120", published=False, employer__municipality=utrecht)
    computed = fairness_report_compute(municipality=utrecht, today=date(2026, 6, 1))
    assert (computed.vacancy_count, computed.candidate_count) == (2, 19)
    gender = {r["group"]: r for r in computed.data["breakdowns"]["gender"]}
    assert gender["female"]["population"] == 7 and gender["female"]["appeared"] == 7
    assert gender["female"]["appearances"] == 14 and gender["female"]["ratio"] == 1.0
    assert gender["male"]["population"] == 6 and gender["male"]["appeared"] is None  # 0 < 5
    assert gender["male"]["flag"] is True
    # The next smallest count is hidden too, so the men's 0 cannot be worked out.
    assert gender["unknown"]["population"] == 6 and gender["unknown"]["appeared"] is None
    groups = {r["group"] for r in computed.data["breakdowns"]["target_group"]}
    assert groups == {"banenafspraak", "none"}
    assert {women[0].pk, men[0].pk}.isdisjoint(str(computed.data))  # no ids kept


def test_feedback_counts_are_suppressed_below_five():
    job = vacancy(code="5120")
    for _ in range(6):
        SuggestionFeedback.objects.create(candidate=candidate(occupations=["5120"]), vacancy=job,
                                          verdict="helps")
    for reason in ["too_far"] * 5 + ["hours"] * 6 + ["other"] * 2:
        SuggestionFeedback.objects.create(candidate=candidate(occupations=["5120"]), vacancy=job,
                                          verdict="does_not_fit", reason=reason)
    counts = feedback_counts(municipality("utrecht"))
    verdicts = {r["group"]: r["count"] for r in counts["verdicts"]}
    assert verdicts == {"helps": 6, "does_not_fit": 13}
    reasons = {r["group"]: r["count"] for r in counts["reasons"]}
    assert (reasons["hours"], reasons["too_far"]) == (6, 5)
    assert reasons["other"] is None  # 2 < 5
    assert reasons["already_known"] is None  # 0 is below 5 too


def test_team_lead_sees_the_report_of_own_municipality(verified_client,
                                                        django_capture_on_commit_callbacks):
    utrecht = municipality("utrecht")
    for _ in range(6):
        candidate(municipality=utrecht, occupations=["5120"], candidate_fields={"gender": "female"})
    vacancy(code="5120", employer__municipality=utrecht)
    lead = UserFactory(role="team_lead", municipality=utrecht)
    client = verified_client(lead)
    page = client.get(reverse("matching:fairness"))
    assert page.status_code == 200 and "Er is nog geen rapport" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("matching:fairness_refresh"))
    assert response.status_code == 302
    report = FairnessReport.objects.get()
    assert report.municipality == utrecht
    html = client.get(reverse("matching:fairness")).content.decode()
    assert "Naar geslacht" in html and "Vrouw" in html and "minder dan 5" in html
    # Only totals: no name of any candidate on the page.
    assert all(c.last_name not in html for c in utrecht.candidates.all())


def test_team_lead_cannot_pick_another_municipality(verified_client):
    lead = UserFactory(role="team_lead", municipality=municipality("utrecht"))
    response = verified_client(lead).get(reverse("matching:fairness") + "?gemeente=rotterdam")
    assert response.context["municipality"].slug == "utrecht"


def test_platform_administrator_picks_a_municipality(verified_client):
    admin = UserFactory(role="administrator", municipality=None)
    response = verified_client(admin).get(reverse("matching:fairness") + "?gemeente=rotterdam")
    assert response.status_code == 200 and response.context["municipality"].slug == "rotterdam"
