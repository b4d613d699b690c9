"""Every absolute link the platform hands out starts at SITE_URL; `make run` sets it from PORT."""

import os

import pytest
from django.core import mail
from django.test import override_settings

from candidates.services_messaging import notify_new_message
from hallowerk.accounts.invitations import invitation_url
from hallowerk.management.commands.run_platform import site_url_from_port
from hallowerk.site import absolute_url
from tests.factories import UserFactory

SITE = "https://werk.example.nl"


@override_settings(SITE_URL=SITE + "/")
def test_absolute_url_joins_site_url_and_path():
    assert absolute_url("/a/b/") == SITE + "/a/b/"
    assert invitation_url("abc").startswith(SITE + "/")


@pytest.mark.django_db
@override_settings(SITE_URL=SITE)
def test_message_mail_links_to_site_url_not_the_default_host():
    notify_new_message(UserFactory(email="a@example.nl"))
    assert SITE + "/" in mail.outbox[0].body
    assert "127.0.0.1" not in mail.outbox[0].body


def test_make_run_sets_site_url_from_port(monkeypatch, settings):
    monkeypatch.setenv("SITE_URL", "")  # so that monkeypatch restores the environment after
    monkeypatch.delenv("SITE_URL")
    site_url_from_port("8123")
    assert settings.SITE_URL == "http://127.0.0.1:8123"
    assert os.environ["SITE_URL"] == "http://127.0.0.1:8123"


def test_make_run_keeps_a_given_site_url(monkeypatch, settings):
    monkeypatch.setenv("SITE_URL", SITE)
    site_url_from_port("8123")
    assert settings.SITE_URL == SITE
