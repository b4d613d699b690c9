"""Issue 12: with Redis stopped, login, logout and the pages keep working, and the rate
limits still count (hallowerk/cache.py). Redis is really away: the cache points at a port
where nothing listens and at a Unix socket that does not exist."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from hallowerk.roles import Role
from tests.factories import TEST_PASSWORD, CandidateFactory, UserFactory
from tests.faults.checkpoints import fault_checkpoint

pytestmark = pytest.mark.django_db

NOTHING_LISTENS = ["redis://127.0.0.1:9/0", "unix:///nonexistent/redis.sock"]


def _cache_at(settings, location: str, backend: str = "hallowerk.cache.RedisWithLocalFallbackCache"):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": location}}


def _login(client, email, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.parametrize("location", NOTHING_LISTENS)
def test_login_pages_and_logout_work_while_redis_is_down(client, settings, location):
    _cache_at(settings, location)
    user = CandidateFactory().user
    assert client.get(reverse("account_login")).status_code == 200
    response = _login(client, user.email)
    assert response.status_code == 302, "logged in without Redis"
    for name in ("start", "home"):
        assert client.get(reverse(name), follow=True).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_staff_login_with_second_factor_works_while_redis_is_down(client, settings):
    from tests.conftest import current_totp

    _cache_at(settings, NOTHING_LISTENS[0])
    coach = UserFactory(role=Role.COACH, with_totp_device=True)
    fault_checkpoint("Redis away, before logging in")
    assert _login(client, coach.email).status_code == 302
    response = client.post(reverse("twofactor_verify"), {"token": current_totp()})
    assert response.status_code == 302
    assert client.get(reverse("candidates:coach_home")).status_code == 200
    fault_checkpoint("logged in, page shown")


@pytest.mark.parametrize(("role", "pages"), [
    (Role.JOBSEEKER, ["candidates:jobseeker_home", "candidates:jobseeker_profile"]),
    (Role.EMPLOYER, ["employers:employer_home", "employers:search"]),
    (Role.COACH, ["candidates:coach_home"]),
    (Role.ACCOUNT_MANAGER, ["employers:account_manager_home", "employers:am_employers"]),
])
def test_each_role_s_pages_work_while_redis_is_down(verified_client, settings, role, pages):
    _cache_at(settings, NOTHING_LISTENS[0])
    if role == Role.JOBSEEKER:
        user = CandidateFactory().user
    elif role == Role.EMPLOYER:
        user = UserFactory(employer_user=True, with_totp_device=True)
    else:
        user = UserFactory(role=role, with_totp_device=True)
    client = verified_client(user)
    for name in pages:
        assert client.get(reverse(name)).status_code == 200, name


def test_rate_limits_still_count_while_redis_is_down(client, settings):
    _cache_at(settings, NOTHING_LISTENS[0])
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": None, "login": "3/m/ip"}
    user = CandidateFactory().user
    for _ in range(3):
        assert _login(client, user.email, "wrong password").status_code == 200
    assert _login(client, user.email).status_code == 429, "the limit is enforced locally"


def test_the_local_stand_in_is_used_only_while_redis_is_away(settings):
    _cache_at(settings, NOTHING_LISTENS[0])
    cache.set("k", 1)
    assert cache.get("k") == 1, "kept in the process's memory"
    assert cache.add("k", 2) is False


def test_a_plain_redis_cache_would_fail_the_login(client, settings):
    """What issue 12 found: the rate limiter's cache call raises and login answers 500."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    _cache_at(settings, NOTHING_LISTENS[0], "django.core.cache.backends.redis.RedisCache")
    user = CandidateFactory().user
    client.raise_request_exception = True
    with pytest.raises(RedisConnectionError):
        _login(client, user.email)
