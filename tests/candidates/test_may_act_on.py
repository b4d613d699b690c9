"""The services' permission checks ask the one visibility rule (candidates/models/querysets.py
may_act_on) instead of comparing municipalities by hand (issue 16). Each check refuses a
coach of another municipality; the coach of the candidate's own municipality still acts on
dossiers that employers no longer see (hidden, inactive, ended)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from candidates.models import Candidate
from candidates.models.querysets import Purpose, may_act_on
from candidates.sensitive_reviews import sensitive_review_create, sensitive_review_resolve
from candidates.services import candidate_dossier_end, candidate_hide
from candidates.services_coach import candidate_set_directly_approachable
from hallowerk.roles import Role
from privacy.erasure import candidate_entered_data_erase
from privacy.export import candidate_export, export_allowed
from privacy.retention.holds import legal_hold_place
from tests.factories import UserFactory, municipality

from .jobseeker_helpers import coach_of, jobseeker

pytestmark = pytest.mark.django_db


def _resolve(by, candidate):
    review = sensitive_review_create(by=candidate.user, candidate=candidate,
                                     field="free_text", categories=["health"])
    return sensitive_review_resolve(by=by, review=review)


CHECKS = {
    # candidates/services.py _require_staff_of
    "hide": lambda by, c: candidate_hide(by=by, candidate=c, reason="Op verzoek"),
    "dossier_end": lambda by, c: candidate_dossier_end(
        by=by, candidate=c, ended_on=datetime.date(2025, 1, 1), reason="ended"),
    # candidates/services_coach.py _require_coach_of
    "directly_approachable": lambda by, c: candidate_set_directly_approachable(
        by=by, candidate=c, value=True),
    # candidates/sensitive_reviews.py
    "sensitive_review_resolve": _resolve,
    # privacy/erasure.py _may_erase
    "erase": lambda by, c: candidate_entered_data_erase(by=by, candidate=c),
    # privacy/export.py export_allowed
    "export": lambda by, c: candidate_export(by=by, candidate=c, kind="json"),
    # privacy/retention/holds.py _require_administrator_of
    "legal_hold": lambda by, c: legal_hold_place(by=by, candidate=c, reason="Rechtszaak"),
}


@pytest.mark.parametrize("check", CHECKS, ids=list(CHECKS))
def test_a_coach_of_another_municipality_is_refused(check):
    candidate = jobseeker(municipality=municipality("utrecht"))
    elsewhere = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"))
    with pytest.raises(PermissionDenied):
        CHECKS[check](elsewhere, candidate)


def test_the_own_coach_acts_on_dossiers_employers_do_not_see():
    """visible_to() gives a coach every dossier of the municipality, hidden or ended too,
    exactly what the hand-written checks allowed."""
    candidate = jobseeker(municipality=municipality("utrecht"), hidden_by_staff=True,
                          hidden_reason="Klopt niet", hidden_at=timezone.now(), is_active=False, dossier_ended_on=datetime.date(2024, 1, 10),
                          end_reason="ended")
    coach = coach_of(candidate)
    assert may_act_on(coach, candidate)
    assert export_allowed(coach, candidate)
    candidate_set_directly_approachable(by=coach, candidate=candidate, value=True)
    assert Candidate.objects.get(pk=candidate.pk).directly_approachable


def test_an_account_manager_acts_only_on_its_own_municipality():
    """An account manager sees candidates shared with all from elsewhere, but changes only
    the dossiers of its own municipality (as before)."""
    own = jobseeker(municipality=municipality("utrecht"))
    shared = jobseeker(municipality=municipality("rotterdam"), shared_with_employers=True,
                       sharing_scope="all")
    manager = UserFactory(role=Role.ACCOUNT_MANAGER, municipality=municipality("utrecht"))
    assert Candidate.objects.visible_to(manager).filter(pk=shared.pk).exists()
    with pytest.raises(PermissionDenied):
        candidate_hide(by=manager, candidate=shared, reason="Op verzoek")
    candidate_hide(by=manager, candidate=own, reason="Op verzoek")
    # Coach-only checks stay coach-only.
    assert not may_act_on(manager, own)


def test_administrators_act_for_retention_only():
    candidate = jobseeker(municipality=municipality("utrecht"))
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality("utrecht"))
    platform_admin = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    assert not may_act_on(admin, candidate, roles=(Role.ADMINISTRATOR,))
    for user in (admin, platform_admin):
        assert may_act_on(user, candidate, roles=(Role.ADMINISTRATOR,),
                          purpose=Purpose.RETENTION)
    elsewhere = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality("rotterdam"))
    assert not may_act_on(elsewhere, candidate, roles=(Role.ADMINISTRATOR,),
                          purpose=Purpose.RETENTION)
