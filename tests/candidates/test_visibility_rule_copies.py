"""Every place that needs "who may see this candidate" reads the one rule
(candidates/models/querysets.py) instead of a copy of it (issue 16)."""

import itertools
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from candidates.models import EMPLOYER_VISIBLE, Candidate
from candidates.models.conditions import holds
from candidates.models.querysets import Purpose, employer_audience, visible_to_some_employer
from candidates.services_messaging import thread_open
from employers.services import employer_deactivate
from hallowerk.models import Municipality
from hallowerk.roles import Role
from hallowerk.stats import figures_count
from privacy.retention.selectors import dossiers_for_retention
from tests.factories import CandidateFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db

FLAGS = list(itertools.product([True, False], repeat=4))


def _dossier(shared, hidden, active, ended, **kwargs) -> Candidate:
    return CandidateFactory(
        shared_with_employers=shared, hidden_by_staff=hidden, is_active=active,
        hidden_reason="reden" if hidden else "", hidden_at="2026-01-01T00:00Z" if hidden else None,
        dossier_ended_on=date(2026, 1, 1) if ended else None, end_reason="ended" if ended else "",
        **kwargs)


def test_the_python_answer_of_employer_visible_is_the_database_answer():
    candidates = [_dossier(*flags) for flags in FLAGS]
    in_database = set(Candidate.objects.filter(EMPLOYER_VISIBLE).values_list("pk", flat=True))
    in_python = {c.pk for c in Candidate.objects.all() if c.is_visible_to_employers}
    assert in_python == in_database
    assert len(in_database) == 1 and len(candidates) == 16


@pytest.mark.parametrize("condition", [Q(is_active=True) | Q(hidden_by_staff=False),
                                       ~Q(is_active=True), Q(last_name__startswith="A")])
def test_holds_refuses_what_it_cannot_mirror(condition):
    with pytest.raises(ValueError):
        holds(condition, Candidate(last_name="Aap"))


def test_the_team_leads_shared_figure_is_the_rule_including_the_account():
    counted = _dossier(True, False, True, False)
    left = _dossier(True, False, True, False)
    Candidate.objects.filter(pk=left.pk).update(user=None)  # left: the account is gone
    deactivated = _dossier(True, False, True, False)
    deactivated.user.is_active = False
    deactivated.user.save()
    _dossier(True, True, True, False)
    utrecht = municipality("utrecht").pk
    shared = figures_count(municipality_ids=[utrecht])[utrecht]["all"]["shared"]
    assert shared == Candidate.objects.filter(visible_to_some_employer()).count() == 1
    assert Candidate.objects.filter(visible_to_some_employer()).get() == counted


def test_a_coach_opens_a_thread_only_with_a_candidate_they_see():
    candidate = CandidateFactory()
    own = UserFactory(role=Role.COACH)
    other = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"))
    assert thread_open(by=own, candidate=candidate).candidate == candidate
    with pytest.raises(PermissionDenied):
        thread_open(by=other, candidate=candidate)
    own.is_active = False
    with pytest.raises(PermissionDenied):
        thread_open(by=own, candidate=candidate)


def test_an_employer_opens_a_thread_only_when_it_sees_an_approachable_candidate():
    employer_user = UserFactory(employer_user=True)
    seen = _dossier(True, False, True, False, directly_approachable=True)
    assert thread_open(by=employer_user, candidate=seen).employer == employer_user.employer
    for candidate in (_dossier(True, False, True, False),
                      _dossier(False, False, True, False, directly_approachable=True)):
        with pytest.raises(PermissionDenied):
            thread_open(by=employer_user, candidate=candidate)


def test_retention_is_the_one_rule_with_its_own_purpose():
    utrecht = CandidateFactory()
    rotterdam = CandidateFactory(municipality=municipality("rotterdam"))
    administrator = UserFactory(role=Role.ADMINISTRATOR)
    platform_administrator = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    coach = UserFactory(role=Role.COACH)

    assert not Candidate.objects.visible_to(administrator).exists()
    assert set(dossiers_for_retention(administrator)) == {utrecht}
    assert set(dossiers_for_retention(platform_administrator)) == {utrecht, rotterdam}
    assert set(dossiers_for_retention(coach)) == set(Candidate.objects.visible_to(coach))
    for role in (Role.JOBSEEKER, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD):
        assert not Candidate.objects.visible_to(UserFactory(role=role), Purpose.RETENTION)
    employer_user = UserFactory(employer_user=True)
    assert not Candidate.objects.visible_to(employer_user, Purpose.RETENTION)
    administrator.is_active = False
    assert not dossiers_for_retention(administrator)


def test_the_search_audience_is_the_region_visible_to_reads():
    employer_user = UserFactory(employer_user=True)
    home = employer_user.employer.municipality
    region = set(Municipality.objects.filter(labour_market_region=home.labour_market_region)
                 .values_list("pk", flat=True))
    assert set(employer_audience(employer_user)) == region
    for pk in region:
        _dossier(True, False, True, False, municipality=Municipality.objects.get(pk=pk))
    _dossier(True, False, True, False, municipality=municipality("rotterdam"))
    seen = set(Candidate.objects.visible_to(employer_user).values_list("municipality", flat=True))
    assert seen == region
    employer_deactivate(by=UserFactory(role=Role.ACCOUNT_MANAGER),
                        employer=employer_user.employer)
    assert employer_audience(employer_user) is None
    assert employer_audience(UserFactory(role=Role.COACH)) is None
