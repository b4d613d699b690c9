"""The team lead's stored figures: after the refresh they equal a live count, whatever
changed (each change goes through its service); the page reads one row, says when it was
counted, and never counts a municipality itself."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from candidates.models import Candidate, ContactRequest, EndReason, Thread, VacancyResponse
from candidates.models.querysets import visible_to_some_employer
from candidates.services import (
    candidate_dossier_end,
    candidate_hide,
    candidate_intake_create,
    candidate_set_inactive,
    candidate_share,
)
from candidates.services_coach import candidate_set_directly_approachable
from candidates.services_messaging import (
    contact_request_create,
    contact_request_decline,
    contact_request_forward,
    vacancy_response_create,
)
from employers.models import Employer, Vacancy
from employers.services import employer_deactivate, vacancy_publish
from hallowerk.accounts.invitations import invitation_accept, token_digest
from hallowerk.models import Invitation, Municipality, MunicipalityFigures
from hallowerk.roles import Role
from hallowerk.stats import PERIODS, figures_refresh, period_start
from hallowerk.stats_monthly import MONTHLY
from tests.factories import EmployerFactory, UserFactory, VacancyFactory, municipality

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("team_lead_home")
REFRESH = reverse("team_lead_refresh")


def live(m: Municipality, period: str, now) -> dict[str, int]:
    """The figures counted straight from the tables, as the page counted them before they
    were stored: the definition the stored figures must meet."""
    since = period_start(period, now)

    def after(field):
        return {f"{field}__gte": since} if since else {}

    candidates = Candidate.objects.filter(municipality=m)
    current = candidates.filter(dossier_ended_on__isnull=True)
    ended = (candidates.filter(dossier_ended_on__gte=timezone.localdate(since)) if since
             else candidates.exclude(dossier_ended_on=None))
    invitations = Invitation.objects.filter(role=Role.JOBSEEKER, user__municipality=m)
    requests = ContactRequest.objects.filter(candidate__municipality=m, **after("created_at"))
    responses = VacancyResponse.objects.filter(candidate__municipality=m, **after("created_at"))
    return {
        "open": current.count(),
        "active": current.filter(is_active=True).count(),
        "inactive": current.filter(is_active=False).count(),
        "hidden": current.filter(hidden_by_staff=True).count(),
        # Since issue 16: the one rule's own part, account state included.
        "shared": candidates.filter(visible_to_some_employer()).count(),
        "approachable": current.filter(directly_approachable=True).count(),
        **{f"ended_{reason}": ended.filter(end_reason=reason).count()
           for reason in EndReason.values},
        "invitations_sent": invitations.filter(**after("created_at")).count(),
        "invitations_accepted": invitations.filter(accepted_at__isnull=False,
                                                   **after("accepted_at")).count(),
        "contact_requests": requests.count(),
        "contact_forwarded": requests.filter(status="forwarded").count(),
        "contact_declined": requests.filter(status="declined").count(),
        "conversations": Thread.objects.filter(candidate__municipality=m, employer__isnull=False,
                                               **after("created_at")).count(),
        "responses": responses.count(),
        "responses_invited": responses.filter(status="invited").count(),
        "employers": Employer.objects.filter(municipality=m, is_active=True).count(),
        "vacancies": Vacancy.objects.filter(municipality=m).published().count(),
    }


def live_all(now) -> dict:
    return {(m.pk, period): live(m, period, now)
            for m in Municipality.objects.all() for period in PERIODS}


def stored_all() -> dict:
    return {(row.municipality_id, row.period): row.counts
            for row in MunicipalityFigures.objects.exclude(period=MONTHLY)}


@dataclass
class World:
    coach: object
    account_manager: object
    employer_user: object
    vacancy: object
    sharer: Candidate
    waiting: Candidate  # shares, approachable only through the coach
    token: str  # of a pending invitation (intake)


@pytest.fixture
def world(db) -> World:
    """Utrecht and Rotterdam with some of everything, old and new, so every period differs."""
    today = timezone.localdate()
    coach = staff(Role.COACH)
    account_manager = staff(Role.ACCOUNT_MANAGER)
    employer = EmployerFactory()
    employer_user = UserFactory(role=Role.EMPLOYER, employer=employer)
    vacancy = VacancyFactory(employer=employer, status="published", published_at=timezone.now())
    VacancyFactory(employer=EmployerFactory(municipality=municipality("rotterdam")),
                   status="published", published_at=timezone.now())
    for _ in range(6):
        candidate_in(shared_with_employers=True, directly_approachable=True,
                     responsible_coach=coach)
    waiting = candidate_in(shared_with_employers=True, responsible_coach=coach)
    sharer = candidate_in(responsible_coach=coach)
    candidate_in(is_active=False)
    candidate_in(is_active=False, end_reason="refused",
                 dossier_ended_on=today - timedelta(days=400))
    candidate_in(is_active=False, end_reason="broken_off",
                 dossier_ended_on=today - timedelta(days=40))
    for _ in range(3):
        candidate_in("rotterdam", shared_with_employers=True)
    _candidate, token = candidate_intake_create(
        by=coach, email="nieuw@example.nl", first_name="Nieuw", last_name="Kandidaat",
        client_number="K-NIEUW")
    old, _token = candidate_intake_create(
        by=coach, email="oud@example.nl", first_name="Oud", last_name="Kandidaat",
        client_number="K-OUD")
    long_ago = timezone.now() - timedelta(days=100)
    Invitation.objects.filter(user=old.user).update(created_at=long_ago - timedelta(days=1),
                                                    accepted_at=long_ago,
                                                    expires_at=long_ago + timedelta(days=13))
    request = contact_request_create(by=employer_user, candidate=waiting, message="Bellen?")
    ContactRequest.objects.filter(pk=request.pk).update(created_at=long_ago)
    return World(coach, account_manager, employer_user, vacancy, sharer, waiting, token)


def _ends(w):
    candidate_dossier_end(by=w.coach, candidate=w.waiting, ended_on=timezone.localdate(),
                          reason=EndReason.ENDED)


def _hidden(w):
    candidate_hide(by=w.coach, candidate=w.waiting, reason="Profiel klopt niet")


def _shares(w):
    candidate_share(by=w.sharer.user, candidate=w.sharer, shared=True)


def _inactive(w):
    candidate_set_inactive(by=w.coach, candidate=w.sharer)


def _approachable(w):
    candidate_set_directly_approachable(by=w.coach, candidate=w.waiting, value=True)


def _intake(w):
    candidate_intake_create(by=w.coach, email="erbij@example.nl", first_name="Er",
                            last_name="Bij", client_number="K-ERBIJ")


def _invitation_accepted(w):
    invitation = Invitation.objects.get(token_hash=token_digest(w.token))
    invitation_accept(invitation=invitation, password="Een-lang-wachtwoord-42")


def _contact_request(w):
    contact_request_create(by=w.employer_user, candidate=w.waiting, message="Nog een vraag")


def _contact_forwarded(w):
    request = contact_request_create(by=w.employer_user, candidate=w.waiting, message="Hoi")
    contact_request_forward(by=w.coach, contact_request=request)


def _contact_declined(w):
    request = contact_request_create(by=w.employer_user, candidate=w.waiting, message="Hoi")
    contact_request_decline(by=w.coach, contact_request=request)


def _vacancy_response(w):
    vacancy_response_create(by=w.waiting.user, vacancy=w.vacancy, message="Ik wil graag")


def _employer_leaves(w):
    employer_deactivate(by=w.account_manager, employer=w.vacancy.employer)


def _vacancy_published(w):
    vacancy_publish(by=w.account_manager, vacancy=VacancyFactory(employer=w.vacancy.employer))


CHANGES = {
    "a dossier ends": _ends, "a profile is hidden": _hidden, "a jobseeker shares": _shares,
    "set inactive": _inactive, "directly approachable": _approachable, "an intake": _intake,
    "an invitation is accepted": _invitation_accepted, "a contact request": _contact_request,
    "a request is forwarded": _contact_forwarded, "a request is declined": _contact_declined,
    "a vacancy response": _vacancy_response, "an employer leaves": _employer_leaves,
    "a vacancy is published": _vacancy_published,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_stored_figures_equal_a_live_count_after_each_change_once_refreshed(world, change):
    now = timezone.now()
    figures_refresh(now=now)
    before = live_all(now)
    assert stored_all() == before

    change(world)
    now = timezone.now()
    after = live_all(now)
    assert after != before, "the change must move a figure, or this test proves nothing"
    assert stored_all() == before, "the page keeps the last count until the refresh"
    figures_refresh(now=now)
    assert stored_all() == after


def test_the_periods_differ_and_a_refresh_of_one_municipality_leaves_the_others(world):
    now = timezone.now()
    figures_refresh(now=now)
    utrecht, rotterdam = municipality("utrecht"), municipality("rotterdam")
    counts = {row.period: row.counts for row in
              MunicipalityFigures.objects.filter(municipality=utrecht)}
    assert counts["30"]["ended_broken_off"] == 0 and counts["365"]["ended_broken_off"] == 1
    assert counts["365"]["ended_refused"] == 0 and counts["all"]["ended_refused"] == 1
    assert counts["30"]["contact_requests"] == 0 and counts["365"]["contact_requests"] == 1
    assert counts["30"]["invitations_accepted"] == 0 and counts["all"]["invitations_accepted"] == 1

    later = now + timedelta(minutes=5)
    _intake(world)
    figures_refresh(municipality_ids=[utrecht.pk], now=later)
    rows = MunicipalityFigures.objects.filter(period="all")
    assert rows.get(municipality=utrecht).computed_at == later
    assert rows.get(municipality=rotterdam).computed_at == now
    assert rows.get(municipality=utrecht).counts == live(utrecht, "all", later)


@freeze_time("2025-03-04 14:05:00+01:00")
def test_the_page_shows_when_the_figures_were_counted(verified_client):
    lead = staff(Role.TEAM_LEAD)
    for _ in range(7):
        candidate_in(shared_with_employers=True)
    figures_refresh()
    page = verified_client(lead).get(OVERVIEW).content.decode()
    assert "Bijgewerkt om 14:05." in page and "elke 10 minuten" in page
    with freeze_time("2025-03-05 09:00:00+01:00"):
        page = verified_client(lead).get(OVERVIEW).content.decode()
    assert "Bijgewerkt op 4 maart 2025 om 14:05." in page
    assert "Het tellen loopt achter" in page


@pytest.mark.parametrize("size", [6, 30])
def test_the_page_reads_one_row_and_its_queries_do_not_grow(verified_client,
                                                            django_assert_num_queries, size):
    lead = staff(Role.TEAM_LEAD)
    for _ in range(size):
        candidate_in(shared_with_employers=True)
    figures_refresh()
    client = verified_client(lead)
    # session, user, 2FA device, municipality (its name), the figures row, the monthly row,
    # and the session saved (savepoint, update, release): none grows with the municipality.
    with django_assert_num_queries(8), CaptureQueriesContext(connection) as captured:
        response = client.get(OVERVIEW, {"period": "all"})
    assert response.status_code == 200 and (">" + str(size) + "<") in response.content.decode()
    assert not [q for q in captured if "candidates_candidate" in q["sql"]]


def test_before_the_first_count_the_page_counts_nothing_and_offers_a_refresh(
        verified_client, django_capture_on_commit_callbacks):
    lead = staff(Role.TEAM_LEAD)
    for _ in range(6):
        candidate_in(shared_with_employers=True)
    client = verified_client(lead)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(OVERVIEW).content.decode()
    assert "De cijfers zijn nog niet geteld" in page and "Nu bijwerken" in page
    assert not [q for q in captured if "candidates_candidate" in q["sql"]]

    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client.post(REFRESH, {"period": "all"})
    assert response.status_code == 302 and response.url == f"{OVERVIEW}?period=all"
    assert len(queued) == 1
    assert MunicipalityFigures.objects.filter(municipality=lead.municipality).count() == 4
    page = client.get(OVERVIEW, {"period": "all"}).content.decode()
    assert "Bijgewerkt om" in page and ">6<" in page

    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client.post(REFRESH, {"period": "1; drop"}, follow=True)
    assert not queued, "counted less than a minute ago: not queued again"
    assert "minder dan een minuut geleden" in response.content.decode()
    assert response.redirect_chain[0][0] == OVERVIEW


def test_the_refresh_needs_a_post():
    from .conftest import logged_in

    assert logged_in(staff(Role.TEAM_LEAD)).get(REFRESH).status_code == 405


def test_the_periodic_count_is_in_beat_schedule_and_names_a_real_task():
    from hallowerk.celery import app
    from hallowerk.schedule import BEAT_SCHEDULE

    app.loader.import_default_modules()
    app.finalize()
    assert {entry["task"] for entry in BEAT_SCHEDULE.values()} <= set(app.tasks)
    assert app.conf.beat_schedule.keys() >= BEAT_SCHEDULE.keys()
