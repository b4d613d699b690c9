"""No hostile value gets a server error: for every role, every page the role can reach (found
with the test client, tests/security/pages.py), every query parameter its links and forms use
and every form on it get huge, negative, NUL, overlong, unicode and wrongly typed values,
missing fields, and huge ids in the address. Any status of 500 or more fails (issue 14)."""

import io
import re
import time
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from hallowerk.demo.accounts import DEMO_ACCOUNTS
from hallowerk.models import User
from hallowerk.stats import figures_refresh

from .pages import Form, Page, crawl, local, query_names, route_of

pytestmark = pytest.mark.django_db

MAX_PAGES_PER_ROLE = 70
HUGE = "100000000000000000000"
NUL = "a\x00b"
HOSTILE = {
    "huge": HUGE,
    "negative": "-99999999999999999999",
    "zero": "0",
    "nul": NUL,
    "overlong": "x" * 5_000,
    "unicode": "\u202eΩ𝕳é\ufffd'\"<script>;--",
    "wrong type": "1.5e308",
    "empty": "",
}
# Sent one field at a time, the others as the page filled them in: these get past a form's
# cleaning of the other fields to whatever the view does with a value it accepted.
ONE_AT_A_TIME = ("huge", "nul", "overlong")
# Query parameters a view may read without any link on the page naming them.
COMMON_PARAMETERS = {"page", "pagina", "next", "q", "id", "sort"}
# Pages every role shares (the account pages, 2FA, public texts): fuzzed for one role only,
# the one that reaches them all, to keep the test fast.
SHARED_ROUTES = re.compile(r"^(account/|2fa/|algoritmeregister/|privacyverklaring/|voorwaarden/"
                           r"|toegankelijkheid/|$)")
SHARED_ROUTES_ROLE = "coach"
# Forms that end the session or leave the platform would end the crawl, not test it.
SKIP_ACTIONS = re.compile(r"/account/logout|/i18n/|/verwijder|/stoppen|/wissen")


class Fuzzer:
    def __init__(self, role: str, client: Client, log_in):
        self.role, self.client, self.log_in = role, client, log_in
        self.problems: list[str] = []
        self.requests = 0

    def send(self, method: str, path: str, data=None) -> None:
        self.requests += 1
        # A database error aborts the test's transaction: roll back to before the request,
        # so the next one starts clean.
        savepoint = transaction.savepoint()
        response = getattr(self.client, method)(path, data or {})
        if response.status_code >= 500:
            transaction.savepoint_rollback(savepoint)
        else:
            transaction.savepoint_commit(savepoint)
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            reason = f"{error[0].__name__}: {str(error[1])[:120]}" if error else ""
            shown = {k: (v[:20] + "…" if len(v) > 20 else v) for k, v in (data or {}).items()}
            self.problems.append(f"[{self.role}] {method.upper()} {path[:120]} {shown}: "
                                 f"{response.status_code} {reason}")
        if response.status_code == 302 and "/account/login/" in response.get("Location", ""):
            self.log_in()  # a form that ended the session: carry on as the same person

    def query_parameters(self, page: Page) -> None:
        path = urlsplit(page.path).path
        names = sorted(query_names(page) | COMMON_PARAMETERS)
        for value in HOSTILE.values():
            self.send("get", f"{path}?{urlencode(dict.fromkeys(names, value))}")
        for name in query_names(page):
            for kind in ONE_AT_A_TIME:
                self.send("get", f"{path}?{urlencode({name: HOSTILE[kind]})}")

    def ids_in_address(self, page: Page) -> None:
        path = urlsplit(page.path).path
        for match in re.finditer(r"/(\d+)(?=/)", path):
            for value in (HUGE, "0"):
                self.send("get", path[:match.start(1)] + value + path[match.end(1):])

    def form(self, form: Form) -> None:
        path = local(form.action)
        if path is None or SKIP_ACTIONS.search(path):
            return
        method = "post" if form.method == "post" else "get"
        if not form.fields:
            return
        for value in HOSTILE.values():
            self.send(method, path, dict.fromkeys(form.fields, value))
        for name in form.fields:
            for kind in ONE_AT_A_TIME:
                self.send(method, path, {**form.fields, name: HOSTILE[kind]})
        self.send(method, path, {})  # every field missing


def _client_for(user: User | None):
    client = Client(raise_request_exception=False)

    def log_in():
        if user is None:
            return  # the visitor who is not logged in
        client.force_login(user)
        if user.requires_two_factor:
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()

    log_in()
    return client, log_in


@pytest.fixture
def demo(db):
    call_command("demo_data", "--candidates", "30", stdout=io.StringIO())
    figures_refresh()


ACCOUNTS = [*DEMO_ACCOUNTS, ("anonymous", None)]


@pytest.mark.parametrize("account", ACCOUNTS, ids=[str(a[0]) for a in ACCOUNTS])
def test_no_hostile_value_gives_a_server_error(demo, account):
    role, email, *_names = account
    user = User.objects.get(email=email) if email else None
    client, log_in = _client_for(user)
    started = time.monotonic()
    pages = crawl(client, client.get("/", follow=True).request["PATH_INFO"],
                  MAX_PAGES_PER_ROLE)
    assert len(pages) >= 5, [page.path for page in pages]
    fuzzer = Fuzzer(role, client, log_in)
    forms: dict[tuple, Form] = {}
    shared_here = role in (SHARED_ROUTES_ROLE, "anonymous")  # logged out, they differ
    if not shared_here:
        pages = [page for page in pages if not SHARED_ROUTES.match(route_of(page.path))]
    for page in pages:
        fuzzer.query_parameters(page)
        fuzzer.ids_in_address(page)
        for form in page.forms:
            forms.setdefault(form.key(), form)
    for form in forms.values():
        if shared_here or not SHARED_ROUTES.match(route_of(form.action)):
            fuzzer.form(form)
    print(f"\n{role}: {len(pages)} pages, {len(forms)} forms, {fuzzer.requests} requests, "
          f"{time.monotonic() - started:.1f}s")
    assert not fuzzer.problems, "\n".join(fuzzer.problems)
