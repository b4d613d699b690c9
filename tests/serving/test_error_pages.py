"""Our own error pages, Dutch and English, in the site's layout, with DEBUG off (issue 12)."""

import logging

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.serving.urls")]

LAYOUT = 'class="hw-header"'
PAGES = [  # (path, method, status, Dutch title, English title)
    ("/test-fout/400/", "get", 400, "Dit verzoek klopt niet", "This request is not right"),
    ("/test-fout/403/", "get", 403, "Geen toegang", "No access"),
    ("/bestaat-niet/", "get", 404, "Pagina niet gevonden", "Page not found"),
    ("/test-fout/405/", "get", 405, "Dit kan zo niet", "This cannot be done this way"),
    ("/test-fout/500/", "get", 500, "Er ging iets mis", "Something went wrong"),
]


def _client(language: str) -> Client:
    client = Client(raise_request_exception=False)
    if language == "en":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("path", "method", "status", "dutch", "english"), PAGES)
def test_error_page_in_layout_and_language(path, method, status, dutch, english, language):
    assert settings.DEBUG is False
    response = getattr(_client(language), method)(path)
    assert response.status_code == status
    html = response.content.decode()
    assert LAYOUT in html
    assert (english if language == "en" else dutch) in html
    assert (dutch if language == "en" else english) not in html
    assert response["X-Request-ID"] in html  # the reference to quote to the helpdesk
    assert "Traceback" not in html and "urlpatterns" not in html


def test_405_page_keeps_the_allow_header():
    response = _client("nl").get("/test-fout/405/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(("language", "title"), [("nl", "Het formulier is verlopen"),
                                                  ("en", "The form has expired")])
def test_csrf_failure_has_its_own_page(language, title):
    client = Client(enforce_csrf_checks=True)
    if language == "en":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post("/account/login/", {"login": "a@example.nl", "password": "x"})
    assert response.status_code == 403
    assert title in response.content.decode()
    assert LAYOUT in response.content.decode()


def _database_down(execute, sql, params, many, context):
    raise OperationalError("the database is down (test)")


def test_500_page_renders_without_the_database_and_logs_one_traceback(user_factory, caplog):
    """A logged-in visitor whose session cannot be loaded: our 500 page, and one traceback
    (the real failure) instead of the misleading '_session_cache' AttributeError first."""
    client = Client(raise_request_exception=False)
    client.force_login(user_factory())
    with caplog.at_level(logging.INFO), connection.execute_wrapper(_database_down):
        response = client.get("/start/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert LAYOUT in response.content.decode()
    failures = [r for r in caplog.records if r.exc_info]
    assert len(failures) == 1
    error = failures[0].exc_info[1]
    assert isinstance(error, OperationalError)
    assert error.__context__ is None  # no "during handling of the above exception..."
    assert failures[0].request_id == response["X-Request-ID"]
