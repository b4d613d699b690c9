"""Shared helpers for the back-office tests: staff of a municipality, candidates with a profile."""

import pytest

from hallowerk.roles import Role
from tests.factories import CandidateFactory, ProfileFactory, UserFactory, municipality


def staff(role=Role.COACH, slug="utrecht", **kwargs):
    return UserFactory(role=role, municipality=municipality(slug), **kwargs)


def candidate_in(slug="utrecht", **kwargs):
    """A candidate with an (almost empty) profile, as the intake creates them."""
    profile_fields = kwargs.pop("profile", {})
    candidate = CandidateFactory(municipality=municipality(slug), **kwargs)
    ProfileFactory(candidate=candidate, **profile_fields)
    return candidate


@pytest.fixture
def coach(db):
    return staff(Role.COACH)


@pytest.fixture
def coach_client(coach, verified_client):
    return verified_client(coach)
