"""The address of the person at the other end: one answer for the lock-out, allauth's rate
limits and the audit log.

Behind a reverse proxy every request comes from the proxy's address; the person's own is in
X-Forwarded-For, which anyone can also send themselves. So the header counts only when the
direct peer (REMOTE_ADDR) is one of the proxies we run (settings.TRUSTED_PROXIES, addresses
or networks). Its entries are read from the right (each proxy appends the address it saw),
past our own proxies, and the first address that is not one of ours is the client's. Without
trusted proxies, or from any other peer, the header is ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(entry.strip(), strict=False)
                     for entry in entries if entry.strip())
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error


def trusted_proxies() -> tuple[Network, ...]:
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


@checks.register(checks.Tags.security)
def check_trusted_proxies(app_configs=None, **kwargs) -> list[checks.Error]:
    """A mistyped proxy address stops the start-up (`manage.py check --deploy`, migrate,
    runserver), not every request later."""
    try:
        trusted_proxies()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), hint="Addresses or networks, e.g. 10.0.0.2,10.1.0.0/16",
                             id="hallowerk.E001")]
    return []


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted(address, proxies: tuple[Network, ...]) -> bool:
    return any(address in network for network in proxies)


def client_ip(request) -> str | None:
    """The client's address as far as we can trust it; None without a request."""
    if request is None:
        return None
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return None
    proxies = trusted_proxies()
    if not _is_trusted(peer, proxies):
        return str(peer)
    client = peer
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        hop = _address(entry)
        if hop is None:
            break  # our proxy wrote every entry to the right of here; this one is not usable
        client = hop
        if not _is_trusted(hop, proxies):
            break
    return str(client)
