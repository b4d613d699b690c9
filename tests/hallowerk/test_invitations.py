from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from hallowerk.accounts.invitations import invitation_create, invitation_resend
from hallowerk.models import Invitation
from hallowerk.roles import Role
from privacy.models import AuditEvent, TermsAcceptance
from tests.factories import EmployerFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db(transaction=False)


def accept_form(password="Lang-Genoeg-Wachtwoord-7", **extra):
    return {"password1": password, "password2": password, "accept_terms": "on", **extra}


@pytest.fixture
def coach(db):
    return UserFactory(role=Role.COACH, with_totp_device=True)


def test_coach_invites_jobseeker_and_mail_says_voluntary(coach, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user, token = invitation_create(by=coach, email="Nieuw@Example.nl", role=Role.JOBSEEKER)
    assert user.email == "nieuw@example.nl"
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "vrijwillig" in body and "geen gevolgen voor uw uitkering" in body
    assert token in body
    assert AuditEvent.objects.filter(action="invitation_sent", actor=coach).exists()
    # Only a digest is stored.
    assert not Invitation.objects.filter(token_hash=token).exists()


@pytest.mark.parametrize(("inviter", "role"), [
    (Role.COACH, Role.EMPLOYER), (Role.COACH, Role.COACH),
    (Role.ACCOUNT_MANAGER, Role.JOBSEEKER), (Role.JOBSEEKER, Role.JOBSEEKER),
    (Role.TEAM_LEAD, Role.COACH),
])
def test_roles_cannot_invite_outside_their_remit(db, inviter, role):
    by = UserFactory(role=inviter)
    with pytest.raises(PermissionDenied):
        invitation_create(by=by, email="x@example.nl", role=role)


def test_account_manager_invites_employer_user_of_own_municipality_only(db):
    manager = UserFactory(role=Role.ACCOUNT_MANAGER)
    own = EmployerFactory()
    user, _ = invitation_create(by=manager, email="baas@bedrijf.nl", role=Role.EMPLOYER,
                                employer=own)
    assert user.employer == own and user.municipality == own.municipality
    foreign = EmployerFactory(municipality=municipality("rotterdam"))
    with pytest.raises(PermissionDenied):
        invitation_create(by=manager, email="baas2@bedrijf.nl", role=Role.EMPLOYER,
                          employer=foreign)


def test_existing_email_cannot_be_invited_twice(coach):
    invitation_create(by=coach, email="a@example.nl", role=Role.JOBSEEKER)
    with pytest.raises(ValidationError):
        invitation_create(by=coach, email="A@example.nl", role=Role.JOBSEEKER)


def test_accepting_sets_own_password_accepts_terms_and_logs_in(client, coach):
    user, token = invitation_create(by=coach, email="js@example.nl", role=Role.JOBSEEKER)
    url = reverse("invitation_accept", args=[token])
    page = client.get(url)
    assert page.status_code == 200
    assert "Meedoen is vrijwillig" in page.content.decode()
    response = client.post(url, accept_form())
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Lang-Genoeg-Wachtwoord-7")
    assert TermsAcceptance.objects.filter(user=user).exists()
    assert client.get(reverse("start")).url == reverse("candidates:jobseeker_home")
    # One-time: the link does not work again.
    assert client.get(url).status_code == 410


def test_accepting_requires_terms_and_matching_passwords(client, coach):
    user, token = invitation_create(by=coach, email="js@example.nl", role=Role.JOBSEEKER)
    url = reverse("invitation_accept", args=[token])
    response = client.post(url, accept_form(accept_terms=""))
    assert response.status_code == 200
    assert "akkoord gaat met de gebruiksvoorwaarden" in response.content.decode()
    response = client.post(url, {"password1": "Lang-Genoeg-Wachtwoord-7",
                                 "password2": "Anders-Wachtwoord-77", "accept_terms": "on"})
    assert "niet hetzelfde" in response.content.decode()
    response = client.post(url, accept_form(password="kort"))
    assert response.status_code == 200
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_expired_and_resent_links_do_not_work(client, coach):
    user, token = invitation_create(by=coach, email="js@example.nl", role=Role.JOBSEEKER)
    past = timezone.now() - timedelta(days=15)
    Invitation.objects.filter(user=user).update(created_at=past,
                                                expires_at=past + timedelta(days=14))
    assert client.get(reverse("invitation_accept", args=[token])).status_code == 410
    new_token = invitation_resend(by=coach, user=user)
    assert client.get(reverse("invitation_accept", args=[token])).status_code == 410
    assert client.get(reverse("invitation_accept", args=[new_token])).status_code == 200


def test_default_validity_is_fourteen_days(coach):
    user, _ = invitation_create(by=coach, email="js@example.nl", role=Role.JOBSEEKER)
    invitation = user.invitations.get()
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_unknown_token_is_404(client, db):
    assert client.get(reverse("invitation_accept", args=["nope"])).status_code == 404


def test_signup_url_offers_no_account(client, db):
    response = client.get("/account/signup/")
    assert response.status_code == 403
    assert "alleen met een uitnodiging" in response.content.decode()
    client.post("/account/signup/", {"email": "x@example.nl", "password1": "Abcdefgh-123!"})
    from hallowerk.models import User

    assert not User.objects.filter(email="x@example.nl").exists()
