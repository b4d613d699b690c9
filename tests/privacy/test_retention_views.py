"""Retention pages: administrators (rules, report, holds), the coach's list; forbidden paths."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from hallowerk.roles import Role
from privacy.models import AuditEvent, DestructionRecord, LegalHold, RetentionRule
from privacy.retention.run import retention_run
from tests.factories import UserFactory, municipality
from tests.privacy.privacyops_data import full_candidate

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2025, 1, 1)


@pytest.fixture
def admin(verified_client):
    user = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality(),
                       with_totp_device=True)
    return user, verified_client(user)


@pytest.fixture
def dossiers():
    """Due soon (Utrecht), destroyed already (Utrecht), and due soon in Rotterdam."""
    soon = full_candidate("Zva", ended_on=D(2024, 1, 20), end_reason="broken_off")
    gone = full_candidate("Zvb", ended_on=D(2023, 6, 1), end_reason="broken_off")
    elsewhere = full_candidate("Zvc", slug="rotterdam", ended_on=D(2024, 1, 20),
                               end_reason="broken_off")
    with freeze_time("2024-11-01 03:00:00+01:00"):
        retention_run()
    with freeze_time("2024-12-02 03:00:00+01:00"):
        retention_run()
    return soon, gone, elsewhere


@freeze_time("2025-01-01 12:00:00+01:00")
def test_the_report_shows_due_destroyed_and_held_for_the_own_municipality(admin, dossiers):
    user, client = admin
    soon, gone, elsewhere = dossiers
    LegalHold.objects.create(candidate=soon, reason="Bezwaar loopt", placed_by=user)
    response = client.get(reverse("privacy:retention_report"), {"start": "2024-01-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bezwaar loopt" in html and soon.client_number in html
    assert elsewhere.client_number not in html
    assert soon.first_name not in html and soon.email not in html, "client number only"
    record = DestructionRecord.objects.get(kind="dossier")
    assert record.opaque_id in html


@freeze_time("2025-01-01 12:00:00+01:00")
def test_csv_and_pdf_are_downloaded_and_audited(admin, dossiers):
    user, client = admin
    csv = client.get(reverse("privacy:retention_report_download", args=["csv"]),
                     {"start": "2024-01-01", "end": "2025-01-01"})
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Onderdeel;Gemeente;Kenmerk")
    assert "Binnenkort vernietigd;Utrecht;Zva-K1" in text
    assert DestructionRecord.objects.get(kind="dossier").opaque_id in text
    pdf = client.get(reverse("privacy:retention_report_download", args=["pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]
    kinds = set(AuditEvent.objects.filter(action="export", actor=user)
                .values_list("data__kind", flat=True))
    assert kinds == {"retention_report_csv", "retention_report_pdf"}


def test_csv_cells_never_start_a_formula(admin):
    user, client = admin
    candidate = full_candidate("Zvf", ended_on=D(2024, 1, 20), end_reason="broken_off")
    type(candidate).objects.filter(pk=candidate.pk).update(client_number="=HYPERLINK(1)")
    with freeze_time("2025-01-01 12:00:00+01:00"):
        text = client.get(reverse("privacy:retention_report_download", args=["csv"])) \
            .content.decode("utf-8-sig")
    assert ";'=HYPERLINK(1);" in text


def test_a_bad_period_gets_a_dutch_message(admin):
    _user, client = admin
    response = client.get(reverse("privacy:retention_report"),
                          {"start": "2025-02-01", "end": "2025-01-01"})
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    response = client.get(reverse("privacy:retention_report"), {"start": "gisteren"})
    assert "Vul een datum in" in response.content.decode()


@freeze_time("2025-01-01 12:00:00+01:00")
def test_an_administrator_places_and_releases_a_hold(admin, dossiers):
    user, client = admin
    soon = dossiers[0]
    url = reverse("privacy:hold_place", args=[soon.pk])
    response = client.post(url, {"reason": ""})
    assert "Schrijf op waarom" in response.content.decode()
    response = client.post(url, {"reason": "Rechtszaak"})
    assert response.status_code == 302
    hold = LegalHold.objects.get(candidate=soon, released_at__isnull=True)
    assert client.post(url, {"reason": "Nog een"}).status_code == 200  # refused, explained
    assert LegalHold.objects.filter(candidate=soon).count() == 1
    response = client.post(reverse("privacy:hold_release", args=[hold.pk]))
    assert response.status_code == 302
    hold.refresh_from_db()
    assert hold.released_by == user and hold.released_at == timezone.now()


def test_holds_of_another_municipality_are_404(admin):
    _user, client = admin
    elsewhere = full_candidate("Zvd", slug="rotterdam", ended_on=D(2024, 1, 20),
                               end_reason="broken_off")
    other_admin = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality("rotterdam"))
    hold = LegalHold.objects.create(candidate=elsewhere, reason="x", placed_by=other_admin)
    assert client.get(reverse("privacy:hold_place", args=[elsewhere.pk])).status_code == 404
    assert client.post(reverse("privacy:hold_release", args=[hold.pk])).status_code == 404
    open_dossier = full_candidate("Zve")  # not ended: nothing to hold
    assert client.get(reverse("privacy:hold_place", args=[open_dossier.pk])).status_code == 404
    hold.refresh_from_db()
    assert hold.released_at is None


@pytest.mark.parametrize("role", [Role.COACH, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD,
                                  Role.JOBSEEKER, Role.EMPLOYER])
@pytest.mark.parametrize("name", ["privacy:retention_rules", "privacy:retention_report"])
def test_only_administrators_open_the_retention_pages(verified_client, role, name):
    extra = {"employer_user": True} if role == Role.EMPLOYER else {"role": role}
    client = verified_client(UserFactory(**extra))
    assert client.get(reverse(name)).status_code == 403


def test_the_rules_page_explains_each_period_and_only_platform_admins_edit(admin,
                                                                          verified_client):
    _user, client = admin
    html = client.get(reverse("privacy:retention_rules")).content.decode()
    assert "10 jaar" in html and "VNG-selectielijst" in html and "Twee jaar is lang genoeg" in html
    assert reverse("privacy:retention_rule_edit", args=["audit"]) not in html
    assert client.get(reverse("privacy:retention_rule_edit", args=["audit"])).status_code == 403

    platform = UserFactory(role=Role.ADMINISTRATOR, municipality=None, with_totp_device=True)
    client = verified_client(platform)
    url = reverse("privacy:retention_rule_edit", args=["audit"])
    response = client.post(url, {"months": "abc", "reason": "x"})
    assert "Vul een heel getal in" in response.content.decode()
    response = client.post(url, {"months": "36", "reason": "Advies FG"})
    assert response.status_code == 302
    assert RetentionRule.objects.get(kind="audit").months == 36
    html = client.get(reverse("privacy:retention_rules")).content.decode()
    assert "Advies FG" in html and "3 jaar" in html


@freeze_time("2025-01-01 12:00:00+01:00")
def test_the_coach_sees_the_due_list_of_the_own_municipality_with_names(verified_client,
                                                                        dossiers):
    soon, _gone, elsewhere = dossiers
    coach = UserFactory(role=Role.COACH, municipality=municipality(), with_totp_device=True)
    html = verified_client(coach).get(reverse("privacy:coach_due")).content.decode()
    assert soon.full_name in html and "20 januari 2025" in html
    assert elsewhere.full_name not in html


@freeze_time("2025-01-01 12:00:00+01:00")
def test_the_coachs_due_list_comes_a_page_at_a_time(verified_client, dossiers, monkeypatch):
    """Issue 11: a large municipality has hundreds of dossiers due; the list is paged, with
    the total above it."""
    from candidates.views.coach import common

    soon = dossiers[0]
    later = [full_candidate(f"Zvd{n}", ended_on=D(2024, 1, 21 + n), end_reason="broken_off")
             for n in range(2)]
    monkeypatch.setattr(common, "PAGE_SIZE", 2)
    client = verified_client(UserFactory(role=Role.COACH, municipality=municipality(),
                                         with_totp_device=True))
    first = client.get(reverse("privacy:coach_due")).content.decode()
    second = client.get(reverse("privacy:coach_due"), {"pagina": 2}).content.decode()
    assert "3 dossiers" in first and "Pagina 1 van 2" in first
    assert soon.full_name in first and later[0].full_name in first
    assert later[1].full_name in second and soon.full_name not in second


def test_the_lookup_tells_whether_a_dossier_was_destroyed(admin, dossiers):
    _user, client = admin
    gone = dossiers[1]
    html = client.get(reverse("privacy:retention_report"),
                      {"klantnummer": gone.client_number}).content.decode()
    assert "dit dossier is vernietigd" in html
    html = client.get(reverse("privacy:retention_report"),
                      {"klantnummer": "K-bestaat-niet"}).content.decode()
    assert "Geen vernietigd dossier gevonden" in html
