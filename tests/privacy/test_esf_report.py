"""The ESF report (issue 17): ESF-funded dossiers per quarter, live plus the anonymised
archive, so the totals are identical before and after a destruction run; small cells hidden;
only the team lead and the administrator, each for their own municipality."""

import datetime

import pytest
from django.urls import reverse

from hallowerk.roles import Role
from hallowerk.stats_esf import esf_csv, esf_report
from privacy.archive_models import AnonymisedDossier
from privacy.models import AuditAction, AuditEvent
from tests.backoffice.conftest import staff
from tests.factories import CandidateFactory, UserFactory, municipality
from tests.privacy.privacyops_data import end
from tests.privacy.test_anonymised_archive import destruction_run, started

pytestmark = pytest.mark.django_db
D = datetime.date
PAGE = reverse("esf_report")
CSV = reverse("esf_report_download")
# Ended in 2022; ESF dossiers are kept ten years after the programme's end.
DESTROYED_BY_2033 = D(2022, 6, 30)
KEPT_UNTIL_2034 = D(2024, 12, 31)


def esf_dossier(slug="utrecht", *, start=D(2021, 2, 10), ended_on=D(2022, 2, 15),
                end_reason="ended", esf_end=DESTROYED_BY_2033):
    candidate = CandidateFactory(municipality=municipality(slug))
    return started(end(candidate, ended_on=ended_on, end_reason=end_reason,
                       esf_programme_end=esf_end), start)


@pytest.fixture
def dossiers():
    """Utrecht: 6 placements and 2 broken off, started in Q1 2021 and ended in Q1 2022, five
    of them due for destruction by mid-2033; plus what must never count."""
    made = [esf_dossier() for _ in range(4)]
    made += [esf_dossier(esf_end=KEPT_UNTIL_2034) for _ in range(2)]
    made += [esf_dossier(end_reason="broken_off"),
             esf_dossier(end_reason="broken_off", ended_on=D(2022, 5, 3),
                         esf_end=KEPT_UNTIL_2034)]
    # Not ESF-funded, open, or another municipality's: never in Utrecht's ESF report.
    end(CandidateFactory(municipality=municipality("utrecht")), ended_on=D(2022, 2, 1))
    CandidateFactory(municipality=municipality("utrecht"))
    esf_dossier("rotterdam")
    return made


def cells(report) -> dict[str, list[str]]:
    return {row.label: row.cells for row in report.rows}


def test_totals_are_identical_before_and_after_a_destruction_run(dossiers):
    place = municipality("utrecht")
    before = {year: esf_report(municipality=place, year=year) for year in (2021, 2022)}
    assert cells(before[2021])["1e kwartaal"] == ["8", "< 5", "< 5", "< 5", "< 5"]
    assert cells(before[2021])["Heel 2021"][0] == "8"
    assert cells(before[2022])["1e kwartaal"] == ["< 5", "7", "< 5", "< 5", "6"]
    assert cells(before[2022])["2e kwartaal"][:2] == ["< 5", "< 5"]
    assert before[2022].rows[-1].counts == {"ended": 8, "ended_ended": 6,
                                            "ended_broken_off": 2}

    destroyed = destruction_run(D(2033, 7, 1))

    assert destroyed >= 5
    assert AnonymisedDossier.objects.filter(municipality=place, esf_funded=True).count() == 5
    for year, report in before.items():
        assert esf_report(municipality=place, year=year).rows == report.rows


def test_csv_holds_the_same_suppressed_cells_as_the_page(dossiers):
    content = esf_csv(esf_report(municipality=municipality("utrecht"), year=2022))
    lines = content.lstrip("\ufeff").splitlines()
    assert lines[0] == "gemeente;jaar;periode;Gestart;Afgesloten;Afgebroken;Geweigerd;Plaatsingen"
    assert lines[1] == "Utrecht;2022;1e kwartaal;< 5;7;< 5;< 5;6"
    assert lines[-1] == "Utrecht;2022;Heel 2022;< 5;8;< 5;< 5;6"


@pytest.mark.parametrize("role", [Role.TEAM_LEAD, Role.ADMINISTRATOR])
def test_team_lead_and_administrator_see_their_municipality_and_each_use_is_logged(
        role, dossiers, verified_client):
    viewer = staff(role)
    client = verified_client(viewer)
    other = municipality("rotterdam")

    # Asking for another municipality is ignored: the field exists for platform admins only.
    response = client.get(PAGE, {"jaar": 2022, "gemeente": other.pk})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Utrecht, 2022" in html and "Rotterdam" not in html
    assert '<td class="utrecht-table__cell">6</td>' in html
    viewed = AuditEvent.objects.get(action=AuditAction.ESF_REPORT_VIEWED)
    assert viewed.actor == viewer and viewed.data == {"municipality": viewer.municipality_id,
                                                      "year": 2022}

    download = client.get(CSV, {"jaar": 2022, "gemeente": other.pk})

    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert "Utrecht;2022;1e kwartaal;< 5;7" in download.content.decode()
    export = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert export.data == {"kind": "esf_report_csv", "municipality": viewer.municipality_id,
                           "year": 2022}


def test_a_platform_administrator_chooses_the_municipality(dossiers, verified_client):
    client = verified_client(UserFactory(role=Role.ADMINISTRATOR, municipality=None))
    response = client.get(PAGE, {"jaar": 2022, "gemeente": municipality("rotterdam").pk})
    assert response.status_code == 200
    assert "Rotterdam, 2022" in response.content.decode()


def test_a_year_out_of_range_gets_a_message_not_an_error(verified_client):
    client = verified_client(staff(Role.TEAM_LEAD))
    response = client.get(PAGE, {"jaar": "1999"})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert client.get(CSV, {"jaar": "abc"}).status_code == 400
    assert AuditEvent.objects.get(action=AuditAction.ESF_REPORT_VIEWED).data == {
        "invalid": True}
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize("make_user", [
    lambda: staff(Role.COACH), lambda: staff(Role.ACCOUNT_MANAGER),
    lambda: UserFactory(employer_user=True), lambda: UserFactory(role=Role.JOBSEEKER)],
    ids=["coach", "account_manager", "employer", "jobseeker"])
def test_other_roles_may_not_see_the_report(make_user, verified_client):
    client = verified_client(make_user())
    assert client.get(PAGE).status_code == 403
    assert client.get(CSV).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get(PAGE).status_code == 302
    assert client.get(CSV).status_code == 302
