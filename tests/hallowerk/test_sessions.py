"""The session store reads its row with one fixed statement (hallowerk/sessions.py); it must
keep Django's meaning: the data of a live session, nothing of an expired or unknown one."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hallowerk.sessions import SessionStore

pytestmark = pytest.mark.django_db


def _saved_session(**data) -> str:
    store = SessionStore()
    store.update(data)
    store.create()
    return store.session_key


def test_a_live_session_loads_its_data_in_one_query():
    key = _saved_session(step="werkervaring", count=3)
    store = SessionStore(session_key=key)
    with CaptureQueriesContext(connection) as queries:
        assert store["step"] == "werkervaring"
        assert store["count"] == 3
    assert len(queries) == 1
    assert store.session_key == key


def test_an_expired_session_loads_nothing_and_drops_its_key():
    key = _saved_session(step="werkervaring")
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1))
    store = SessionStore(session_key=key)
    assert store.get("step") is None
    assert store.session_key is None


def test_an_unknown_or_malformed_key_loads_nothing_without_a_query():
    unknown = SessionStore(session_key="x" * 32)
    assert dict(unknown.items()) == {}
    assert unknown.session_key is None
    malformed = SessionStore(session_key="short")  # Django refuses keys under 8 characters
    with CaptureQueriesContext(connection) as queries:
        assert dict(malformed.items()) == {}
    assert len(queries) == 0


def test_a_signed_in_page_still_knows_its_user(client, user_factory):
    user = user_factory()
    client.force_login(user)
    response = client.get("/start/", follow=True)
    assert response.status_code == 200
    assert response.wsgi_request.user == user
