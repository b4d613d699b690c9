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


def logged_in(user):
    """A separate, logged-in client with the second factor passed (verified_client shares
    one client per test; some tests need two people at once)."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories import TOTP_KEY_HEX

    client = Client()
    client.force_login(user)
    if user.requires_two_factor:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or \
            TOTPDevice.objects.create(user=user, name="t", key=TOTP_KEY_HEX)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client
