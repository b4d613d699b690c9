"""Failed logins counted per client address, so one address that tries one password on many
accounts (password spraying) is stopped, which the per-account lock-out never notices.

The privacy statement promises that no IP address of jobseekers and employers is kept, so the
address never reaches the database: the count lives in the cache (Redis) under a keyed hash of
the address, the key is random and lives a day, and a count lives no longer than the cool-off
time. An IPv6 address counts for its /64 network: one connection usually has a whole /64, so
single IPv6 addresses cost an attacker nothing.
"""

import hashlib
import hmac
import ipaddress
import secrets

from django.conf import settings
from django.core.cache import cache

from hallowerk.client_address import client_ip

SECRET_CACHE_KEY = "lockout:address-secret"
SECRET_SECONDS = 24 * 3600


def _secret() -> bytes:
    fresh = secrets.token_hex(32)
    cache.add(SECRET_CACHE_KEY, fresh, timeout=SECRET_SECONDS)
    return (cache.get(SECRET_CACHE_KEY) or fresh).encode()


def _counted_address(address: str) -> str:
    parsed = ipaddress.ip_address(address)
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _cache_key(request) -> str | None:
    address = client_ip(request)
    if address is None:
        return None
    digest = hmac.new(_secret(), _counted_address(address).encode(), hashlib.sha256)
    return f"lockout:address:{digest.hexdigest()}"


def _window_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def address_failures(request) -> int:
    key = _cache_key(request)
    return (cache.get(key) or 0) if key else 0


def address_is_locked(request) -> bool:
    return address_failures(request) >= settings.LOCKOUT_ADDRESS_FAILURE_LIMIT


def address_failure_add(request) -> int:
    """Count one failure; returns the address's count in the current window.

    The window starts at the first failure. Once the address is locked, every further try
    starts the window again, so an address that keeps trying stays locked."""
    key = _cache_key(request)
    if key is None:
        return 0
    cache.add(key, 0, timeout=_window_seconds())
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.add(key, 1, timeout=_window_seconds())
        count = 1
    if count >= settings.LOCKOUT_ADDRESS_FAILURE_LIMIT:
        cache.touch(key, timeout=_window_seconds())
    return count
