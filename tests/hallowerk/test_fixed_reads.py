"""The reads of every signed-in request (hallowerk/fixed_reads.py): the user with their
municipality, and the device that verified a staff session. Same answers as the querysets
they replace, including the forbidden paths: someone else's device, an unconfirmed one, one
that was removed."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from hallowerk.accounts.backend import AuthenticationBackend
from hallowerk.accounts.otp_middleware import device_by_persistent_id
from hallowerk.fixed_reads import instance_by_pk
from hallowerk.models import Municipality
from hallowerk.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def _field_values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_user_and_municipality_equal_the_querysets_in_one_query():
    user = UserFactory(role=Role.COACH)
    expected = User.objects.select_related("municipality").get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        read = instance_by_pk(User, str(user.pk), related_name="municipality")  # as in a session
        municipality = read.municipality
    assert len(queries) == 1
    assert _field_values(read) == _field_values(expected)
    assert _field_values(municipality) == _field_values(expected.municipality)
    assert not read._state.adding and read._state.db == "default"


def test_a_user_without_municipality_gets_none_without_a_query():
    user = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    read = instance_by_pk(User, user.pk, related_name="municipality")
    with CaptureQueriesContext(connection) as queries:
        assert read.municipality is None
    assert len(queries) == 0


def test_unknown_or_malformed_keys_read_nothing():
    assert instance_by_pk(User, 987654321) is None
    assert instance_by_pk(User, "not a number") is None
    assert instance_by_pk(Municipality, 987654321) is None


def test_the_backend_refuses_an_inactive_user():
    user = UserFactory(is_active=False)
    assert AuthenticationBackend().get_user(user.pk) is None
    assert AuthenticationBackend().get_user(987654321) is None


def test_a_device_is_read_by_its_persistent_id_like_django_otp_does():
    user = UserFactory(role=Role.COACH, with_totp_device=True)
    totp = TOTPDevice.objects.get(user=user)
    static = StaticDevice.objects.create(user=user, name="backup")
    assert _field_values(device_by_persistent_id(totp.persistent_id)) == _field_values(totp)
    assert device_by_persistent_id(static.persistent_id) == static
    for wrong in ["otp_totp.totpdevice/987654321", "otp_totp.totpdevice/x", "nope.model/1",
                  "hallowerk.user/1", "garbage"]:
        assert device_by_persistent_id(wrong) is None, wrong


def _staff_session(client, user, device):
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_a_staff_page_opens_with_the_own_confirmed_device(client):
    user = UserFactory(role=Role.COACH, with_totp_device=True)
    _staff_session(client, user, TOTPDevice.objects.get(user=user))
    response = client.get(reverse("candidates:coach_home"))
    assert response.status_code == 200
    assert response.wsgi_request.user.otp_device == TOTPDevice.objects.get(user=user)


@pytest.mark.parametrize("case", ["someone_else", "unconfirmed", "removed"])
def test_a_session_without_a_valid_device_of_its_own_does_not_get_in(client, case):
    user = UserFactory(role=Role.COACH, with_totp_device=True)
    device = TOTPDevice.objects.get(user=user)
    if case == "someone_else":
        device = TOTPDevice.objects.create(user=UserFactory(role=Role.COACH), name="other",
                                           confirmed=True)
    _staff_session(client, user, device)
    if case == "unconfirmed":
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=False)
    if case == "removed":
        device.delete()
    response = client.get(reverse("candidates:coach_home"))
    assert response.status_code == 302
    # Back to the code (someone else's device) or to setting up an app (none left of their own).
    assert response.url.split("?")[0] in {reverse("twofactor_verify"), reverse("twofactor_setup")}
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_the_statements_are_kept_per_database_not_per_thread():
    """Each thread has a connection object of its own (the development server starts a
    thread per request): a cache keyed by it would grow with every thread. The row need not
    exist (the other threads cannot see this test's transaction): the statement is the same."""
    import threading

    from django.db import connections

    from hallowerk import fixed_reads

    instance_by_pk(User, 987654321, related_name="municipality")
    kept = fixed_reads._statement.cache_info().currsize

    def read_in_a_new_thread():
        assert instance_by_pk(User, 987654321, related_name="municipality") is None
        connections.close_all()

    for _ in range(3):
        thread = threading.Thread(target=read_in_a_new_thread)
        thread.start()
        thread.join()
    assert fixed_reads._statement.cache_info().currsize == kept
