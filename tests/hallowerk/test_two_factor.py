import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.conftest import current_totp
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

STAFF_AND_EMPLOYER = [Role.COACH, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD, Role.ADMINISTRATOR,
                      Role.EMPLOYER]


def make_user(role, **kwargs):
    if role == Role.EMPLOYER:
        return UserFactory(employer_user=True, **kwargs)
    return UserFactory(role=role, **kwargs)


def login(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})


@pytest.mark.parametrize("role", STAFF_AND_EMPLOYER)
def test_without_device_every_page_leads_to_enrolment(client, role):
    user = make_user(role)
    login(client, user)
    for url in [reverse("start"), reverse("candidates:coach_home"), "/django-admin/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == reverse("twofactor_setup")


@pytest.mark.parametrize("role", STAFF_AND_EMPLOYER)
def test_with_device_every_page_leads_to_verification(client, role):
    user = make_user(role, with_totp_device=True)
    login(client, user)
    response = client.get(reverse("start"))
    assert response.url.startswith(reverse("twofactor_verify"))


def test_enrolment_confirms_device_and_shows_backup_codes(client):
    user = make_user(Role.COACH)
    login(client, user)
    client.get(reverse("twofactor_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    from django_otp.oath import totp

    code = f"{totp(device.bin_key):06d}"
    response = client.post(reverse("twofactor_setup"), {"token": code})
    assert response.status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("start")).url == reverse("candidates:coach_home")
    assert AuditEvent.objects.filter(actor=user, action="2fa_enrolled").exists()


def test_verification_with_totp_and_with_backup_code(client):
    user = make_user(Role.ACCOUNT_MANAGER, with_totp_device=True)
    login(client, user)
    response = client.post(reverse("twofactor_verify"), {"token": "000000"})
    assert "klopt niet" in response.content.decode()
    response = client.post(reverse("twofactor_verify"), {"token": current_totp()})
    assert response.url == reverse("start")
    assert client.get(reverse("employers:account_manager_home")).status_code == 200
    assert AuditEvent.objects.filter(actor=user, action="2fa_failed").exists()
    assert AuditEvent.objects.filter(actor=user, action="2fa_verified").exists()


def test_wrong_codes_lock_out_like_wrong_passwords(client, settings):
    user = make_user(Role.COACH, with_totp_device=True)
    login(client, user)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("twofactor_verify"), {"token": "000000"})
    assert response.status_code == 429
    assert "te vaak" in response.content.decode()
    # Logged out: the start page asks to log in again.
    assert reverse("account_login") in client.get(reverse("start")).url


def test_jobseeker_is_not_forced_but_may_switch_it_on(client):
    user = make_user(Role.JOBSEEKER)
    login(client, user)
    assert client.get(reverse("start")).url == reverse("candidates:jobseeker_home")
    TOTPDevice.objects.create(user=user, name="eigen", confirmed=True)
    client.logout()
    login(client, user)
    assert client.get(reverse("start")).url.startswith(reverse("twofactor_verify"))


def test_login_and_failed_login_are_audited(client):
    user = make_user(Role.JOBSEEKER)
    client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    login(client, user)
    assert AuditEvent.objects.filter(action="login_failed").exists()
    event = AuditEvent.objects.get(action="login", actor=user)
    assert event.ip_address is None  # a jobseeker's address is not stored


def test_staff_login_stores_ip_and_gets_shorter_session(client, settings):
    user = make_user(Role.COACH, with_totp_device=True)
    login(client, user)
    assert AuditEvent.objects.get(action="login", actor=user).ip_address == "127.0.0.1"
    client.get(reverse("twofactor_verify"))
    assert client.session.get_expiry_age() == settings.STAFF_SESSION_SECONDS


def test_jobseeker_switches_two_factor_on_from_my_data_page(client):
    from tests.factories import CandidateFactory

    candidate = CandidateFactory()
    login(client, candidate.user)
    page = client.get(reverse("privacy:my_data")).content.decode()
    assert reverse("twofactor_setup") in page and "niet verplicht" in page
    assert client.get(reverse("twofactor_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=candidate.user, confirmed=False)
    from django_otp.oath import totp

    response = client.post(reverse("twofactor_setup"), {"token": f"{totp(device.bin_key):06d}"})
    assert "Tweestapsverificatie staat aan" in response.content.decode()
    assert "Tweestapsverificatie staat aan" in client.get(reverse("privacy:my_data")).content.decode()


# --- request.user without lazy wrappers (hallowerk/accounts/otp_middleware.py) -------------

def _request_user_of(client, url):
    """The request.user a view got, read in the view's own request."""
    from django.test.signals import template_rendered

    seen = []

    def keep(sender, context, **kwargs):
        if "request" in context and not seen:
            seen.append(context["request"].user)

    template_rendered.connect(keep)
    try:
        response = client.get(url)
    finally:
        template_rendered.disconnect(keep)
    assert response.status_code == 200
    return seen[0]


def test_a_verified_user_is_the_user_itself_with_the_device_that_verified_them():
    from django.utils.functional import LazyObject

    from tests.backoffice.conftest import logged_in, staff

    coach = staff(Role.COACH)
    user = _request_user_of(logged_in(coach), reverse("candidates:coach_home"))
    assert not isinstance(user, LazyObject)
    assert user.pk == coach.pk and user.is_verified()
    assert user.otp_device.user_id == coach.pk


def test_without_the_second_factor_the_user_is_not_verified(client):
    from django.utils.functional import LazyObject

    coach = make_user(Role.COACH, with_totp_device=True)
    login(client, coach)
    user = _request_user_of(client, reverse("twofactor_verify"))
    assert not isinstance(user, LazyObject)
    assert user.pk == coach.pk and not user.is_verified() and user.otp_device is None


def test_anonymous_visitors_are_not_verified(client):
    user = _request_user_of(client, reverse("account_login"))
    assert not user.is_authenticated and not user.is_verified()
