"""An invitation is accepted once, also when two accepts (or an accept and a withdrawal)
arrive at the same time (issue 13)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from hallowerk.accounts.invitations import (
    invitation_accept,
    invitation_by_token,
    invitation_create,
    invitation_withdraw,
)
from hallowerk.models import Invitation, User
from hallowerk.roles import Role
from privacy.models import AuditEvent, TermsAcceptance
from tests.factories import UserFactory

FIRST, SECOND = "Eerste-Wachtwoord-Lang-1", "Tweede-Wachtwoord-Lang-2"


def invite():
    coach = UserFactory(role=Role.COACH, with_totp_device=True)
    user, token = invitation_create(by=coach, email="racer@example.nl", role=Role.JOBSEEKER)
    return coach, user, token


@pytest.mark.django_db
def test_a_second_accept_that_read_the_invitation_before_the_first_wrote_fails():
    _coach, user, token = invite()
    # Both requests loaded the invitation while it was still open.
    first, second = invitation_by_token(token), invitation_by_token(token)
    invitation_accept(invitation=first, password=FIRST)
    with pytest.raises(ValidationError):
        invitation_accept(invitation=second, password=SECOND)
    user.refresh_from_db()
    assert user.check_password(FIRST) and not user.check_password(SECOND)
    assert AuditEvent.objects.filter(action="invitation_accepted").count() == 1


@pytest.mark.django_db
def test_an_accept_that_read_the_invitation_before_a_withdrawal_fails():
    coach, user, token = invite()
    loaded = invitation_by_token(token)
    invitation_withdraw(by=coach, user=user)
    with pytest.raises(ValidationError):
        invitation_accept(invitation=loaded, password=FIRST)
    user.refresh_from_db()
    assert not user.has_usable_password()
    assert not TermsAcceptance.objects.filter(user=user).exists()


@pytest.mark.django_db(transaction=True)
def test_two_accepts_racing_in_two_connections_let_exactly_one_win():
    from tests.browser.conftest import reseed_data_migrations

    reseed_data_migrations()  # the terms text comes from a data migration
    _coach, user, token = invite()
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def accept(password):
        try:
            invitation = invitation_by_token(token)
            start.wait(timeout=10)
            invitation_accept(invitation=invitation, password=password)
            outcomes[password] = "accepted"
        except ValidationError:
            outcomes[password] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(p,)) for p in (FIRST, SECOND)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes.values()) == ["accepted", "refused"], outcomes
    winner = next(p for p, outcome in outcomes.items() if outcome == "accepted")
    assert User.objects.get(pk=user.pk).check_password(winner)
    assert Invitation.objects.get(user=user).accepted_at is not None
    assert AuditEvent.objects.filter(action="invitation_accepted").count() == 1
