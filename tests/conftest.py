import pytest
from django_otp.oath import totp

from tests.factories import TOTP_KEY_HEX, UserFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache holds rate limits and the lock-out count per client address; every test
    client comes from 127.0.0.1, so counts left by one test must not lock out the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _dutch_to_start():
    """A request in English leaves English active in the test process (LocaleMiddleware does
    not switch back), so a later test in the same worker read English messages; every test
    starts in Dutch, as the site does."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_occupation_suggestions():
    """The picker's suggestions are kept per process; a test that added an occupation and
    was rolled back must not leave it in the next test's list."""
    from hallowerk.forms.occupations import occupation_suggestions_forget

    occupation_suggestions_forget()


def current_totp() -> str:
    return f"{totp(bytes.fromhex(TOTP_KEY_HEX)):06d}"


@pytest.fixture
def verified_client(client):
    """A logged-in client that passed the second factor, for a given user."""

    def login(user):
        client.force_login(user)
        if user.requires_two_factor:
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="t", key=TOTP_KEY_HEX)
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client

    return login


@pytest.fixture
def redis_down():
    """Celery as in production (not eager), pointed at a Redis that does not answer."""
    from hallowerk.celery import app as celery_app

    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager = False
    conf.broker_url = "redis://127.0.0.1:9/0"
    celery_app._pool = None
    yield
    conf.task_always_eager, conf.broker_url = saved
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def user_factory(db):
    return UserFactory
