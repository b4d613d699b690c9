"""Candidate.invitation_open_until follows the account's invitations, whoever writes them
(triggers, candidates migration 0020), and the coach's "pending" and "expired" filters on it
give what the invitations themselves say, also when a link expires by the clock alone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from candidates.models import Candidate
from candidates.selectors_coach import coach_candidate_list
from hallowerk.accounts.invitations import invitation_resend, invitation_withdraw
from hallowerk.models import Invitation

from .conftest import staff
from .test_coach_list import LIST, invited

pytestmark = pytest.mark.django_db


def _kept(candidate) -> object:
    return Candidate.objects.values_list("invitation_open_until", flat=True).get(pk=candidate.pk)


def _open_link_end(candidate) -> object:
    links = Invitation.objects.filter(user=candidate.user, accepted_at__isnull=True,
                                      withdrawn_at__isnull=True)
    return max((link.expires_at for link in links), default=None)


def test_the_dossier_follows_its_accounts_invitations():
    person = invited(last_name="Volgt")
    assert _kept(person) is not None and _kept(person) == _open_link_end(person)

    with freeze_time(timezone.now() + timedelta(days=1)):
        invitation_resend(by=staff(), user=person.user)  # the old link withdrawn, a new one
    assert Invitation.objects.filter(user=person.user).count() == 2
    assert _kept(person) == _open_link_end(person) > person.user.invitations.earliest(
        "created_at").expires_at

    invitation_withdraw(by=staff(), user=person.user)
    assert _kept(person) is None

    invitation_resend(by=staff(), user=person.user)
    assert _kept(person) == _open_link_end(person) is not None
    Invitation.objects.filter(user=person.user).update(accepted_at=timezone.now())
    assert _kept(person) is None

    Invitation.objects.create(user=person.user, role=person.user.role, token_hash="c" * 64,
                              expires_at=timezone.now() + timedelta(days=3))
    assert _kept(person) == _open_link_end(person) is not None
    Invitation.objects.filter(user=person.user).delete()
    assert _kept(person) is None


def test_a_save_with_a_stale_value_in_memory_does_not_overwrite_it():
    person = invited(last_name="Oud")
    stale = Candidate.objects.get(pk=person.pk)
    invitation_withdraw(by=staff(), user=person.user)
    stale.first_name = "Nieuw"
    stale.save()
    assert _kept(person) is None
    # Nor a write that names the column itself.
    Candidate.objects.filter(pk=person.pk).update(invitation_open_until=timezone.now())
    assert _kept(person) is None


def test_pending_and_expired_give_what_the_invitations_say(coach, coach_client):
    people = [invited(last_name=f"Persoon{index}") for index in range(6)]
    for person, days in zip(people, [-3, -1, 1, 5, 10, 20], strict=True):
        Invitation.objects.filter(user=person.user).update(
            created_at=timezone.now() - timedelta(days=30),
            expires_at=timezone.now() + timedelta(days=days))
    invitation_withdraw(by=staff(), user=people[5].user)

    def listed(status: str) -> set[str]:
        # The selector the page calls (a frozen clock days ahead would end the session).
        return set(coach_candidate_list(viewer=coach, filters={"invitation": status})
                   .values_list("last_name", flat=True))

    def by_invitations(expired: bool, now) -> set[str]:
        return {person.last_name for person in people
                if (end := _open_link_end(person)) is not None and (end <= now) == expired}

    page = coach_client.get(LIST, {"invitation": "expired"}).context["page"]
    assert {row.candidate.last_name for row in page.object_list} == {"Persoon0", "Persoon1"}
    assert listed("expired") == by_invitations(True, timezone.now()) == {"Persoon0", "Persoon1"}
    assert listed("pending") == by_invitations(False, timezone.now())
    later = timezone.now() + timedelta(days=6)  # two links expire by the clock alone
    with freeze_time(later):
        assert listed("expired") == by_invitations(True, later)
        assert {"Persoon2", "Persoon3"} <= listed("expired")
