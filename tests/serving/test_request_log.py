"""One log line per request, with a request id and without personal data (issue 12)."""

import logging

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _request_lines(caplog):
    return [r for r in caplog.records if r.name == "hallowerk.requests"]


def test_request_line_has_id_and_pattern_but_no_personal_data(client, caplog):
    user = UserFactory(email="jan.jansen@example.nl", first_name="Jan", last_name="Jansen")
    client.force_login(user)
    with caplog.at_level(logging.INFO, logger="hallowerk.requests"):
        response = client.get("/uitnodiging/geheim-token-123/?email=jan.jansen@example.nl")
    [line] = _request_lines(caplog)
    text = line.getMessage()
    assert line.request_id == response["X-Request-ID"]
    assert "/uitnodiging/<str:token>/" in text and str(response.status_code) in text
    for personal in ("jan.jansen", "Jansen", "geheim-token-123", "?"):
        assert personal not in text


def test_request_id_from_a_proxy_is_kept_when_valid_and_replaced_when_not(client):
    kept = client.get("/", headers={"X-Request-ID": "proxy-abc-12345"})
    assert kept["X-Request-ID"] == "proxy-abc-12345"
    replaced = client.get("/", headers={"X-Request-ID": "bad id\nwith a line break"})
    assert replaced["X-Request-ID"] != "bad id\nwith a line break"
    assert len(replaced["X-Request-ID"]) == 16


def test_every_log_line_in_a_request_carries_its_id(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/bestaat-niet/")
    lines = [r for r in caplog.records if r.name in ("django.request", "hallowerk.requests")]
    assert lines and {r.request_id for r in lines} == {response["X-Request-ID"]}
