"""The one client address (hallowerk/client_address.py): X-Forwarded-For only from our
own proxies."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from hallowerk.client_address import client_ip


def request(peer, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **extra)


@pytest.fixture
def proxies(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1", "172.16.0.0/12"]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


@pytest.mark.usefixtures("proxies")
@pytest.mark.parametrize(("peer", "forwarded", "expected"), [
    ("10.0.0.1", "198.51.100.7", "198.51.100.7"),
    # The client wrote its own header; our proxy appended what it saw: that counts.
    ("10.0.0.1", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
    # Two of our proxies in a row (the second one's network is trusted too).
    ("10.0.0.1", "1.2.3.4, 198.51.100.7, 172.16.5.5", "198.51.100.7"),
    # A peer that is not our proxy: its header is whatever it wanted to send.
    ("203.0.113.9", "198.51.100.7", "203.0.113.9"),
    ("10.0.0.1", "", "10.0.0.1"),
    ("10.0.0.1", "not-an-address", "10.0.0.1"),
    ("10.0.0.1", "[2001:db8::7]:4711", "2001:db8::7"),
    ("10.0.0.1", "198.51.100.7:4711", "198.51.100.7"),
    ("::ffff:10.0.0.1", "198.51.100.7", "198.51.100.7"),
])
def test_forwarded_for_counts_only_from_our_proxies(peer, forwarded, expected):
    assert client_ip(request(peer, forwarded)) == expected


def test_no_request_no_address():
    assert client_ip(None) is None


def test_a_wrong_proxy_setting_is_refused_clearly(settings):
    settings.TRUSTED_PROXIES = ["proxy.example.nl"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        client_ip(request("10.0.0.1", "198.51.100.7"))


def test_the_system_check_names_a_wrong_proxy_setting(settings):
    from hallowerk.client_address import check_trusted_proxies

    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "proxy.example.nl"]
    assert [error.id for error in check_trusted_proxies()] == ["hallowerk.E001"]
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "2001:db8::/32"]
    assert check_trusted_proxies() == []
