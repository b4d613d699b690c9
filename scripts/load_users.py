"""The simulated users of scripts/bench_load.py (a locust file; bench_load.py starts locust).

Each simulated person has an account of their own (bench_load.py prepares them in the
benchmark database and hands them over in LOAD_ACCOUNTS), logs in for real through the login
form, and the staff and employers pass the second factor with a real TOTP code:

- jobseekers open their pages and save a profile step: the form is read from the page and
  sent back (a full form round trip, CSRF token included);
- employers search with a job word (now and then near a place) and open candidates from the
  results;
- coaches list their candidates, page through and open one.

LOAD_THINK_SECONDS="1-5" is the pause between a person's actions; "0" makes the stress run.
"""

import itertools
import json
import os
import random
import re
import time
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlencode

import gevent
from django_otp.oath import totp
from geventhttpclient.connectionpool import ConnectionPool
from locust import FastHttpUser, between, constant, events, task

ACCOUNTS = json.loads(open(os.environ["LOAD_ACCOUNTS"]).read())  # noqa: SIM115
SEARCH_WORDS = ["schoonmaak", "magazijn", "heftruck", "kassa", "kok", "zorg", "klantcontact",
                "chauffeur", "beveilig", "timmer"]
PROFILE_STEPS = ["over-mij", "werk-dat-past", "beschikbaarheid", "woonplaats-en-reizen"]
_low, _, _high = os.environ.get("LOAD_THINK_SECONDS", "1-5").partition("-")
THINK = constant(0) if float(_low) == 0 else between(float(_low), float(_high or _low))


class FormReader(HTMLParser):
    """The inputs and text areas of the page's forms as a browser would send them (the
    selected options of select boxes are added by post_form)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "method": a.get("method", "get"),
                               "fields": []})
        elif not self.forms:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.forms[-1]["fields"].append((a["name"], a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
            self.forms[-1]["fields"].append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


_SELECT = re.compile(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', re.S)
_SELECTED = re.compile(r'<option[^>]*value="([^"]*)"[^>]*selected')


def post_form(html: str, path: str) -> list[tuple[str, str]] | None:
    """The fields of the POST form that submits to `path` (or to the page itself)."""
    reader = FormReader()
    reader.feed(html)
    for form in reader.forms:
        if form["method"].lower() == "post" and form["action"] in ("", path):
            fields = [tuple(f) for f in form["fields"]]
            for name, options in _SELECT.findall(html):
                fields += [(name, value) for value in _SELECTED.findall(options)]
            return fields
    return None


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return found.group(1) if found else ""


FORMS = {"login", "2fa", "/mijn/profiel/<step>/ (save)"}
STATUSES: Counter = Counter()
LOGIN_MS: list[float] = []  # kept apart: the measured figures start once everyone is in
# The measured figures start when the last of LOAD_USERS people has logged in (locust's own
# --reset-stats fires when the last one is *started*, while a few logins are still running
# and the queue they built is still being served).
EVERYONE_IN = {"people": 0, "at": None}


@events.request.add_listener
def _status_count(name, response=None, exception=None, **kwargs):
    """Every answer by status, so the report can count non-2xx ones (a form accepted with a
    redirect is marked apart: that redirect is the right answer)."""
    if exception is not None:  # kept with its reason: locust's own table restarts at login
        STATUSES[f"error {name}: {str(exception)[:80]}"] += 1
        return
    status = getattr(response, "status_code", 0)
    STATUSES[f"{status} form" if status == 302 and name in FORMS else str(status)] += 1
    if name == "login":
        LOGIN_MS.append(kwargs.get("response_time", 0))


def _logged_in(environment) -> None:
    EVERYONE_IN["people"] += 1
    if EVERYONE_IN["people"] == int(os.environ.get("LOAD_USERS") or 0):
        environment.runner.stats.reset_all()
        EVERYONE_IN["at"] = time.time()


@events.quitting.add_listener
def _status_write(**kwargs):
    if os.environ.get("LOAD_STATUS_FILE"):
        with open(os.environ["LOAD_STATUS_FILE"], "w") as out:
            json.dump({"statuses": STATUSES, "login_ms": LOGIN_MS,
                       "measured_from": EVERYONE_IN["at"], "ended_at": time.time()}, out)


# Each person's connections come from a loopback address of their own (127.0.x.y all reach
# 127.0.0.1). Locust's fast client (geventhttpclient) has no setting for it, so its socket
# factory binds the socket to the address of the person whose greenlet opens it.
ADDRESS_OF_GREENLET: dict = {}
_create_tcp_socket = ConnectionPool._create_tcp_socket


def _bound_socket(pool, family, socktype, protocol):
    sock = _create_tcp_socket(pool, family, socktype, protocol)
    address = ADDRESS_OF_GREENLET.get(gevent.getcurrent())
    if address:
        sock.bind((address, 0))
    return sock


ConnectionPool._create_tcp_socket = _bound_socket


_addresses = itertools.count()


def own_address() -> str:
    """Each person comes from an address of their own, as people do: from one address, the
    login form's rate limit (30 a minute per address) would refuse most of 200 logins."""
    n = next(_addresses)
    return f"127.0.{n // 250 + 1}.{n % 250 + 1}"


class Person(FastHttpUser):
    """Locust's fast client: about a third of the CPU per request of its requests-based
    one, on the same two cores as the platform (the load generator's share is reported)."""

    abstract = True
    wait_time = THINK
    role = ""

    def on_start(self):
        ADDRESS_OF_GREENLET[gevent.getcurrent()] = own_address()
        self.account = ACCOUNTS[self.role].pop()
        page = self.client.get("/account/login/", name="login page")
        self.post_expecting_redirect("/account/login/", "login", {
            "csrfmiddlewaretoken": csrf_token(page.text), "login": self.account["email"],
            "password": self.account["password"]})
        if self.account.get("totp_key"):
            verify = self.client.get("/2fa/controleren/", name="2fa page")
            code = f"{totp(bytes.fromhex(self.account['totp_key'])):06d}"
            self.post_expecting_redirect("/2fa/controleren/", "2fa", {
                "csrfmiddlewaretoken": csrf_token(verify.text), "token": code})
        self.prepare()
        _logged_in(self.environment)

    def prepare(self) -> None:
        """What a person does once, before the measured part (nothing by default)."""

    def post_expecting_redirect(self, path: str, name: str, data) -> None:
        """A form that was accepted answers with a redirect; the form again (200) means it
        was refused, which counts as a failure."""
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        with self.client.post(path, data=urlencode(list(data.items() if isinstance(data, dict)
                                                        else data)),
                              headers=form, name=name, allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"form not accepted ({response.status_code})")


class Jobseeker(Person):
    weight = 6
    role = "jobseeker"

    @task(3)
    def save_profile_step(self):
        path = f"/mijn/profiel/{random.choice(PROFILE_STEPS)}/"
        page = self.client.get(path, name="/mijn/profiel/<step>/")
        fields = post_form(page.text, path)
        if fields is None:
            return
        self.post_expecting_redirect(path, "/mijn/profiel/<step>/ (save)", fields)

    @task(2)
    def home(self):
        self.client.get("/mijn/", name="/mijn/")

    @task(1)
    def vacancies(self):
        self.client.get("/mijn/vacatures/", name="/mijn/vacatures/")


class Employer(Person):
    weight = 3
    role = "employer"

    @task
    def search_and_open(self):
        params = {"q": random.choice(SEARCH_WORDS)}
        if random.random() < 0.3:
            params.update(place="Rotterdam", radius="25")
        results = self.client.get(f"/werkgever/zoeken/?{urlencode(params)}",
                                  name="/werkgever/zoeken/?q=")
        found = re.findall(r'href="(/werkgever/kandidaten/\d+/)"', results.text)
        for path in random.sample(found, min(2, len(found))):
            self.client.get(path, name="/werkgever/kandidaten/<pk>/")


class Coach(Person):
    weight = 1
    role = "coach"

    @task
    def list_and_open(self):
        first = self.client.get("/werkmatcher/kandidaten/", name="/werkmatcher/kandidaten/")
        self.client.get("/werkmatcher/kandidaten/?pagina=2",
                        name="/werkmatcher/kandidaten/?pagina=")
        found = re.findall(r'href="(/werkmatcher/kandidaten/\d+/)"', first.text)
        if found:
            self.client.get(random.choice(found), name="/werkmatcher/kandidaten/<pk>/")


class ProfileReader(Person):
    """An employer opening candidate profiles one after another (the profile page target)."""

    weight = 1  # run alone (bench_load.py names the classes of each run)
    role = "profile_reader"

    def prepare(self):
        results = self.client.get("/werkgever/zoeken/?q=magazijn", name="/werkgever/zoeken/?q=")
        self.profiles = re.findall(r'href="(/werkgever/kandidaten/\d+/)"', results.text)

    @task
    def open_profile(self):
        if self.profiles:
            self.client.get(random.choice(self.profiles), name="/werkgever/kandidaten/<pk>/")
