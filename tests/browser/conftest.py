"""Browser tests: real Debian chromium driven by Playwright against the live server."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import current_totp
from tests.factories import TEST_PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests
# themselves are ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath) or "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"],
    }


OUR_APPS = {"hallowerk", "candidates", "employers", "matching", "privacy"}


def reseed_data_migrations():
    """A transactional test database is flushed between tests, which also wipes what our data
    migrations put there (municipalities, legal texts, reference lists): run them again."""
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    graph = MigrationLoader(connection).graph
    seen = []
    for leaf in graph.leaf_nodes():
        for key in graph.forwards_plan(leaf):
            if key[0] in OUR_APPS and key not in seen:
                seen.append(key)
    for key in seen:
        for operation in graph.nodes[key].operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)


@pytest.fixture
def site(live_server, transactional_db):
    """The base URL of the live server (with a database the server thread can see)."""
    reseed_data_migrations()
    return live_server.url


_axe = Axe()


def assert_accessible(page):
    """Zero WCAG 2.1 A/AA violations by axe-core on the current page.

    Waits for the page to finish loading first: right after a form submit the URL can already
    be the new one while the new document is not there yet, and axe then fails on a null
    document (this made CI fail once)."""
    page.wait_for_load_state("load")
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    details = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert not violations, f"{page.url}: {details}"


def log_in(page, site, user, password=TEST_PASSWORD, second_factor=True):
    page.goto(f"{site}/account/login/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if second_factor and user.requires_two_factor:
        page.get_by_label("Code").fill(current_totp())
        page.get_by_role("button", name="Inloggen").click()


def log_out(page):
    """Log out and wait until the page shows it: logging in again on the same page while
    the logout request is still on its way lets the logout end the new session."""
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
