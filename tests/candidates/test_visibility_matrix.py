"""SPEC §4 as a matrix: every role × own / same-region / other-region municipality × shared
or not × scope region/all × hidden or not × active or not × directly approachable or not.

The expected rows come from `expected_visible()`, written from the SPEC independently of
the queryset. A forbidden row must be absent from the list, the count and the detail
lookup (404); for employer-style viewers the fields must follow the catalogue.
"""

import itertools
from datetime import date

import pytest
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation

from candidates.models import Candidate, SharingScope
from candidates.presenters import employer_profile_view
from candidates.selectors import (
    candidate_for_viewer,
    candidate_list,
    candidate_profile_for_viewer,
    candidate_sees_as_employer,
)
from hallowerk.models import Municipality
from hallowerk.roles import Role
from tests.factories import CandidateFactory, EmployerFactory, UserFactory, municipality

HOME = "rotterdam"  # every viewer works in Rotterdam (region Rijnmond)
PLACES = {"own": HOME, "same_region": "schiedam", "other_region": "utrecht"}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """96 candidates and one viewer per role, built once for the module, rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        Municipality.objects.create(name="Schiedam", slug="schiedam",
                                    labour_market_region="Rijnmond")
        candidates = []
        for place, shared, scope, hidden, active, approachable in itertools.product(
                PLACES, [True, False], SharingScope.values, [True, False], [True, False],
                [True, False]):
            candidates.append(CandidateFactory(
                municipality=municipality(PLACES[place]), shared_with_employers=shared,
                sharing_scope=scope, hidden_by_staff=hidden,
                hidden_reason="Onjuiste gegevens" if hidden else "",
                hidden_at=timezone.now() if hidden else None, is_active=active,
                directly_approachable=approachable, phone="0611111111"))
        # Shared and otherwise fine, but the dossier ended / the account was deactivated.
        candidates.append(CandidateFactory(
            municipality=municipality(HOME), shared_with_employers=True,
            dossier_ended_on=date(2026, 2, 1), end_reason="ended"))
        candidates.append(CandidateFactory(
            municipality=municipality(HOME), shared_with_employers=True,
            sharing_scope=SharingScope.ALL, user__is_active=False))
        own_candidate = candidates[0]
        home = municipality(HOME)
        viewers = {
            Role.JOBSEEKER: own_candidate.user,
            Role.COACH: UserFactory(role=Role.COACH, municipality=home),
            Role.ACCOUNT_MANAGER: UserFactory(role=Role.ACCOUNT_MANAGER, municipality=home),
            Role.EMPLOYER: UserFactory(employer_user=True, employer__municipality=home,
                                       municipality=home),
            Role.TEAM_LEAD: UserFactory(role=Role.TEAM_LEAD, municipality=home),
            Role.ADMINISTRATOR: UserFactory(role=Role.ADMINISTRATOR, municipality=home),
        }
        yield {"candidates": candidates, "viewers": viewers}
        transaction.set_rollback(True)


def employer_may_see(candidate: Candidate, region: str) -> bool:
    return (candidate.shared_with_employers and not candidate.hidden_by_staff
            and candidate.is_active and candidate.dossier_ended_on is None
            and candidate.user.is_active
            and (candidate.sharing_scope == SharingScope.ALL
                 or candidate.municipality.labour_market_region == region))


def expected_visible(role: str, viewer, candidates) -> set[int]:
    if role == Role.JOBSEEKER:
        return {c.pk for c in candidates if c.user_id == viewer.pk}
    if role == Role.COACH:
        return {c.pk for c in candidates if c.municipality.slug == HOME}
    if role == Role.ACCOUNT_MANAGER:
        return {c.pk for c in candidates
                if c.municipality.slug == HOME or employer_may_see(c, "Rijnmond")}
    if role == Role.EMPLOYER:
        return {c.pk for c in candidates if employer_may_see(c, "Rijnmond")}
    return set()


@pytest.mark.parametrize("role", Role.values)
def test_lists_and_counts_hold_exactly_the_allowed_rows(world, db, role):
    viewer, candidates = world["viewers"][role], world["candidates"]
    expected = expected_visible(role, viewer, candidates)
    assert set(Candidate.objects.visible_to(viewer).values_list("pk", flat=True)) == expected
    assert Candidate.objects.visible_to(viewer).count() == len(expected)
    assert {c.pk for c in candidate_list(viewer=viewer)} == expected
    assert candidate_list(viewer=viewer).count() == len(expected)


def test_the_matrix_is_not_trivial(world, db):
    """Guard against a population where every rule happens to give the same answer."""
    viewers, candidates = world["viewers"], world["candidates"]
    sizes = {role: len(expected_visible(role, viewers[role], candidates)) for role in Role}
    assert sizes[Role.JOBSEEKER] == 1 and sizes[Role.TEAM_LEAD] == 0
    assert 0 < sizes[Role.EMPLOYER] < sizes[Role.ACCOUNT_MANAGER]
    assert sizes[Role.COACH] < sizes[Role.ACCOUNT_MANAGER]
    # Employers see Schiedam's region-scoped candidates but Utrecht's only when shared with all.
    employer_rows = expected_visible(Role.EMPLOYER, viewers[Role.EMPLOYER], candidates)
    seen = [c for c in candidates if c.pk in employer_rows]
    assert any(c.municipality.slug == "schiedam" and c.sharing_scope == "region" for c in seen)
    assert all(c.sharing_scope == "all" for c in seen if c.municipality.slug == "utrecht")


@pytest.mark.parametrize("role", Role.values)
def test_detail_lookup_of_a_forbidden_row_is_a_404(world, db, role):
    viewer, candidates = world["viewers"][role], world["candidates"]
    expected = expected_visible(role, viewer, candidates)
    for candidate in candidates:
        if candidate.pk in expected:
            assert candidate_for_viewer(viewer, candidate.pk).pk == candidate.pk
        else:
            with pytest.raises(Http404):
                candidate_for_viewer(viewer, candidate.pk)
    with pytest.raises(Http404):  # a crafted id that does not exist at all
        candidate_for_viewer(viewer, max(c.pk for c in candidates) + 1000)


@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.ACCOUNT_MANAGER])
def test_employer_style_viewers_see_fields_by_the_catalogue(world, db, role):
    viewer, candidates = world["viewers"][role], world["candidates"]
    expected = expected_visible(role, viewer, candidates)
    checked = 0
    for candidate in candidates:
        if candidate.pk not in expected or not candidate_sees_as_employer(viewer, candidate):
            continue
        fetched = candidate_profile_for_viewer(viewer, candidate.pk)
        with translation.override("nl"):
            facts = {item.label: item.value
                     for section in employer_profile_view(fetched, viewer)
                     for item in section.items}
        assert "Klantnummer" not in facts and "Postcode" not in facts
        assert "Geboortedatum" not in facts and "Geslacht" not in facts
        assert not {"Praktijkroute", "BBL", "TOZO"} & set(facts)
        assert facts["In doelgroepregister"] in ("Ja", "Nee")
        assert ("E-mailadres" in facts) == candidate.directly_approachable
        assert ("Telefoonnummer" in facts) == candidate.directly_approachable
        checked += 1
    assert checked > 0


def test_account_manager_gets_the_full_dossier_only_in_own_municipality(world, db):
    manager, candidates = world["viewers"][Role.ACCOUNT_MANAGER], world["candidates"]
    visible = Candidate.objects.visible_to(manager).select_related("municipality")
    for candidate in visible:
        assert candidate_sees_as_employer(manager, candidate) == (
            candidate.municipality.slug != HOME)
    assert not candidate_sees_as_employer(world["viewers"][Role.COACH], candidates[0])


def test_a_deactivated_employer_organisation_sees_nobody(world, db):
    employer_user = world["viewers"][Role.EMPLOYER]
    assert Candidate.objects.visible_to(employer_user).exists()
    employer_user.employer.is_active = False
    employer_user.employer.deactivated_at = timezone.now()
    employer_user.employer.save()
    assert not Candidate.objects.visible_to(employer_user).exists()


def test_an_employer_of_another_region_sees_only_candidates_shared_with_all(world, db):
    utrecht = municipality("utrecht")
    viewer = UserFactory(employer_user=True, employer=EmployerFactory(municipality=utrecht),
                         municipality=utrecht)
    expected = {c.pk for c in world["candidates"] if employer_may_see(c, "Midden-Utrecht")}
    assert set(Candidate.objects.visible_to(viewer).values_list("pk", flat=True)) == expected


def test_deactivated_or_anonymous_viewers_see_nobody(world, db):
    from django.contrib.auth.models import AnonymousUser

    coach = world["viewers"][Role.COACH]
    coach.is_active = False
    assert not Candidate.objects.visible_to(coach).exists()
    assert not Candidate.objects.visible_to(AnonymousUser()).exists()
    assert not Candidate.objects.visible_to(None).exists()
