"""Each role's start page, the jobseeker's preview and the administrator's legal texts cost a
fixed number of queries (conftest.py). Start pages show counts, not rows: they are measured
with more rows behind them, without the shown-check."""

import pytest
from django.db.models import Max
from django.urls import reverse

from candidates.services_messaging import message_send, thread_open
from hallowerk.roles import Role
from matching.models import FairnessReport
from privacy.models import LegalText
from tests.backoffice.conftest import candidate_in, staff
from tests.candidates.jobseeker_helpers import coach_of
from tests.employer_portal.conftest import employer_user, make_candidate
from tests.factories import EmployerFactory, municipality

from .conftest import add_experiences, assert_pinned

pytestmark = pytest.mark.django_db


def _counted_only(make):
    def add(n):
        for _ in range(n):
            make()
        return []

    return add


def test_jobseeker_home(verified_client):
    candidate = make_candidate()

    def new_conversation():
        coach = coach_of(candidate)
        message_send(by=coach, thread=thread_open(by=coach, candidate=candidate), body="Hallo")

    assert_pinned(verified_client(candidate.user), reverse("candidates:jobseeker_home"),
                  _counted_only(new_conversation), 7)


def test_jobseeker_preview(verified_client):
    candidate = make_candidate()
    # Six queries less since the profile's seven kinds of related rows come in one statement
    # (candidates/related_rows.py load_together).
    assert_pinned(verified_client(candidate.user), reverse("candidates:jobseeker_preview"),
                  add_experiences(candidate), 7)


def test_coach_home(verified_client):
    coach = staff(Role.COACH, with_totp_device=True)
    assert_pinned(verified_client(coach), reverse("candidates:coach_home"),
                  _counted_only(lambda: candidate_in(responsible_coach=coach)), 5)


def test_employer_home(verified_client):
    assert_pinned(verified_client(employer_user(with_totp_device=True)),
                  reverse("employers:employer_home"), _counted_only(make_candidate), 8)


def test_account_manager_home(verified_client):
    manager = staff(Role.ACCOUNT_MANAGER, with_totp_device=True)
    assert_pinned(verified_client(manager), reverse("employers:account_manager_home"),
                  _counted_only(EmployerFactory), 7)


def test_administrator_home(verified_client):
    admin = staff(Role.ADMINISTRATOR, with_totp_device=True)
    assert_pinned(verified_client(admin), reverse("administrator_home"),
                  _counted_only(lambda: staff(Role.COACH)), 5)


def test_legal_texts(verified_client):
    admin = staff(Role.ADMINISTRATOR, with_totp_device=True)

    def add(n):
        shown = []
        for _ in range(n):
            latest = LegalText.objects.filter(kind="terms").aggregate(v=Max("version"))["v"]
            text = LegalText.objects.create(kind="terms", version=(latest or 0) + 1,
                                            body_nl="Tekst", body_en="Text")
            shown.append(f"Versie {text.version}<")
        return shown

    assert_pinned(verified_client(admin), reverse("administrator_legal_texts"), add, 4)


def test_legal_text_detail(verified_client):
    admin = staff(Role.ADMINISTRATOR, with_totp_device=True)
    latest = LegalText.objects.filter(kind="terms").aggregate(v=Max("version"))["v"] or 0
    text = LegalText.objects.create(kind="terms", version=latest + 1, body_nl="Deze tekst",
                                    body_en="This text")

    def add(n):  # later versions: the page shows one
        latest = LegalText.objects.filter(kind="terms").aggregate(v=Max("version"))["v"]
        for i in range(n):
            LegalText.objects.create(kind="terms", version=latest + 1 + i, body_nl="Later",
                                     body_en="Later")
        return [text.body_nl, text.body_en]

    assert_pinned(verified_client(admin), reverse("administrator_legal_text", args=[text.pk]),
                  add, 4)


def test_algorithm_register_entry(client):
    """Public. The page reads the latest fairness report of the municipality; its groups are
    the rows (counted in Python, from the report's data)."""
    groups = []

    def add(n):
        groups.extend({"group": f"g{len(groups) + i}", "flag": False} for i in range(n))
        FairnessReport.objects.create(municipality=municipality("utrecht"), vacancy_count=1,
                                      candidate_count=1, data={"breakdowns": {"gender": groups}})
        return []  # counted only

    assert_pinned(client, reverse("privacy:algorithm_register_entry", args=["utrecht"]), add,
                  3)
