"""The retention report costs what it shows: the dossiers due are found as ranges of end
dates (an index), exactly the rows the due-date rule gives; each part is a bounded list with
an exact count up to a cap, the same on the page, in the CSV and in the PDF; the number of
queries does not grow with the number of dossiers."""

import datetime
import io

import pytest
from django.urls import reverse
from freezegun import freeze_time
from pypdf import PdfReader

from candidates.models import Candidate
from hallowerk.roles import Role
from privacy.models import DestructionRecord, LegalHold
from privacy.retention import report as report_module
from privacy.retention.rules import Rules, add_months, latest_start_due_by
from privacy.retention.selectors import with_due_on
from tests.factories import CandidateFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db
D = datetime.date
REPORT = reverse("privacy:retention_report")
CSV = reverse("privacy:retention_report_download", args=["csv"])
PDF = reverse("privacy:retention_report_download", args=["pdf"])


def test_latest_start_due_by_is_the_last_date_whose_period_ends_in_time():
    days = [D(2023, 2, 28), D(2024, 2, 29), D(2024, 3, 1), D(2025, 3, 31), D(2025, 4, 30),
            D(2025, 1, 31), D(2025, 12, 31)]
    for day in days:
        for months in (1, 12, 13, 60, 120, 121):
            start = latest_start_due_by(day, months)
            assert add_months(start, months) <= day, (day, months)
            assert add_months(start + datetime.timedelta(days=1), months) > day, (day, months)


# End dates around short months, leap days and year ends: where adding months cuts days off.
END_DATES = [D(2014, 1, 31), D(2014, 2, 28), D(2015, 1, 28), D(2015, 1, 31), D(2016, 2, 29),
             D(2019, 12, 31), D(2020, 2, 29), D(2023, 1, 31), D(2023, 3, 31), D(2024, 2, 29),
             D(2024, 3, 1)]
DAYS = [D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1), D(2025, 2, 28), D(2025, 3, 1),
        D(2025, 3, 31), D(2026, 1, 31), D(2034, 2, 28)]


@pytest.mark.parametrize("months", [None, {"dossier_broken_off": 13, "dossier_refused": 1,
                                           "dossier_ended": 61, "dossier_esf": 11}],
                         ids=["default rules", "odd periods"])
def test_the_index_condition_selects_exactly_the_dossiers_the_due_date_rule_gives(months):
    rules = Rules({**Rules.load().months, **(months or {})})
    for ended_on in END_DATES:
        for reason in ("broken_off", "refused", "ended"):
            for esf in (None, D(2015, 1, 31), D(2024, 2, 29)):
                CandidateFactory(dossier_ended_on=ended_on, end_reason=reason,
                                 esf_programme_end=esf, is_active=False)
    CandidateFactory()  # an open dossier is never due
    dossiers = Candidate.objects.all()
    for day in DAYS:
        by_index = set(dossiers.filter(rules.dossier_due_by(day)).values_list("pk", flat=True))
        by_rule = set(with_due_on(dossiers, rules).filter(retention_due_on__lte=day)
                      .values_list("pk", flat=True))
        assert by_index == by_rule, day
        assert by_rule, "the grid must hold due dossiers"


@pytest.fixture
def admin(verified_client):
    user = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality(),
                       with_totp_device=True)
    return user, verified_client(user)


def population(n: int, admin_user) -> None:
    """n dossiers due in Utrecht, n destruction records, n holds; and the same in Rotterdam,
    which the Utrecht administrator never sees."""
    for slug in ("utrecht", "rotterdam"):
        place = municipality(slug)
        for i in range(n):
            CandidateFactory(municipality=place, client_number=f"{slug[:1].upper()}-due-{i:03}",
                             dossier_ended_on=D(2024, 1, 2) + datetime.timedelta(days=i % 20),
                             end_reason="broken_off", is_active=False)
            held = CandidateFactory(municipality=place, client_number=f"{slug[:1]}-held-{i:03}",
                                    dossier_ended_on=D(2023, 1, 2), end_reason="broken_off",
                                    is_active=False)
            LegalHold.objects.create(candidate=held, reason=f"Bezwaar {i}", placed_by=admin_user)
            DestructionRecord.objects.create(
                kind="dossier", opaque_id=f"{slug[:1]}{i:031}", municipality=place,
                rule="dossier_broken_off", rule_months=12, outcome="broken_off",
                due_on=D(2024, 6, 1), counts={"candidates.candidate": 1, "files": 2})


@freeze_time("2025-01-01 12:00:00+01:00")
@pytest.mark.parametrize("n", [3, 12])
def test_queries_per_page_do_not_grow_with_the_number_of_dossiers(admin, n, monkeypatch,
                                                                  django_assert_num_queries):
    user, client = admin
    monkeypatch.setattr(report_module, "REPORT_ROWS", 2)
    population(n, user)
    # session, user, 2FA device, municipality; rules; due list + count; destroyed list +
    # count + totals; holds list + count; the session saved (savepoint, update, release)
    with django_assert_num_queries(14):
        response = client.get(REPORT, {"start": "2024-01-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("U ziet de eerste 2 van") == 3
    assert f"U ziet de eerste 2 van {n}." in html
    assert f"{n} dossiers vernietigd. In totaal {3 * n} gegevensregels" in html
    assert "R-due" not in html and "r-held" not in html
    # The CSV reads the same rows without a query per row (no deferred field is touched).
    with django_assert_num_queries(12):
        assert client.get(CSV, {"start": "2024-01-01"}).status_code == 200


@freeze_time("2025-01-01 12:00:00+01:00")
def test_page_csv_and_pdf_show_the_same_rows_and_counts_with_a_cap(admin, monkeypatch):
    user, client = admin
    monkeypatch.setattr(report_module, "REPORT_ROWS", 3)
    monkeypatch.setattr(report_module, "COUNT_CAP", 5)
    population(7, user)
    query = {"start": "2024-01-01", "end": "2025-01-01"}
    html = client.get(REPORT, query).content.decode()
    text = client.get(CSV, query).content.decode("utf-8-sig")
    pdf = client.get(PDF, query).content
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    rows = [line.split(";") for line in text.splitlines()[1:]]
    due = [row[2] for row in rows if row[0] == "Binnenkort vernietigd" and row[2]]
    destroyed = [row[2] for row in rows if row[0] == "Vernietigd" and row[2]]
    held = [row[2] for row in rows if row[0] == "Bewaarplicht" and row[2]]
    # Soonest first, newest first, oldest hold first — the first three of each, as on screen.
    assert due == ["U-due-000", "U-due-001", "U-due-002"]
    assert len(destroyed) == 3 and len(held) == 3
    positions = [html.index(number) for number in due + destroyed + held]
    assert positions == sorted(positions), "the page lists the same rows in the same order"
    for number in due:
        assert number in pdf_text
    assert "U-due-003" not in html + text + pdf_text
    notes = [row for row in rows if not row[2]]
    assert [(row[0], row[8], row[9]) for row in notes] == [
        ("Binnenkort vernietigd", "meer dan 5", "U ziet de eerste 3 van meer dan 5."),
        ("Vernietigd", "meer dan 5", "U ziet de eerste 3 van meer dan 5."),
        ("Bewaarplicht", "meer dan 5", "U ziet de eerste 3 van meer dan 5.")]
    assert html.count("U ziet de eerste 3 van meer dan 5.") == 3
    assert pdf_text.count("U ziet de eerste 3 van meer dan 5.") == 3
    # The totals are over the whole period, not over the rows shown.
    assert "7 dossiers vernietigd. In totaal 21 gegevensregels" in html


@freeze_time("2025-01-01 12:00:00+01:00")
def test_a_held_dossier_is_not_in_the_due_list_and_the_coach_list_still_marks_it(
        admin, verified_client):
    user, client = admin
    coach = UserFactory(role=Role.COACH, municipality=municipality(), with_totp_device=True)
    due = CandidateFactory(client_number="K-DUE", dossier_ended_on=D(2024, 1, 5),
                           end_reason="broken_off", is_active=False, responsible_coach=coach)
    held = CandidateFactory(client_number="K-HELD", dossier_ended_on=D(2024, 1, 6),
                            end_reason="broken_off", is_active=False, responsible_coach=coach)
    LegalHold.objects.create(candidate=held, reason="Rechtszaak", placed_by=user)
    report = client.get(REPORT).context["report"]
    assert [c.client_number for c in report.due] == ["K-DUE"]
    assert [h.candidate.client_number for h in report.holds] == ["K-HELD"]
    html = verified_client(coach).get(reverse("privacy:coach_due")).content.decode()
    assert due.full_name in html and held.full_name in html


@freeze_time("2025-01-01 12:00:00+01:00")
def test_the_cut_off_list_is_explained_in_english_too(admin, monkeypatch):
    from django.conf import settings

    user, client = admin
    monkeypatch.setattr(report_module, "REPORT_ROWS", 2)
    monkeypatch.setattr(report_module, "COUNT_CAP", 3)
    population(5, user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(REPORT, {"start": "2024-01-01"}).content.decode()
    assert "You see the first 2 of more than 3." in html
    assert "Choose a shorter period to see everything." in html


@freeze_time("2025-01-01 12:00:00+01:00")
def test_the_report_reads_client_number_outcome_and_dates_never_the_profile(admin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user, client = admin
    population(3, user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(REPORT).status_code == 200
    sql = " ".join(q["sql"] for q in captured)
    assert '"candidates_candidate"."client_number"' in sql
    for column in ("first_name", "last_name", "email", "date_of_birth", "phone", "postcode"):
        assert f'"candidates_candidate"."{column}"' not in sql, column
