"""The pages and forms a logged-in role can reach, found with Django's test client (no
browser): the URL conf's pages without parameters, then every link and form on those pages,
one address per URL pattern (as the browser crawl in tests/browser/test_crawl.py does)."""

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from tests.crawl_paths import route_of, urlconf_paths

# Not pages: files, the logout, the Django admin. Unlike the browser crawl
# (tests/crawl_paths.py), the language switch /taal/ is fuzzed too.
SKIP = re.compile(r"(\.(csv|pdf|zip|json)$|/bestand/|/export|/download|/cv\b|/account/logout"
                  r"|^/admin/|^/django-admin/|/static/|/media/|/i18n/)")


@dataclass
class Form:
    method: str
    action: str
    # name → the value the page fills in (or the first option), as a browser would send it
    fields: dict[str, str] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)

    def key(self) -> tuple:
        return (self.method, route_of(self.action), tuple(sorted(self.fields)))


@dataclass
class Page:
    path: str
    links: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            action = urljoin(self.base, attrs.get("action") or self.base)
            self._form = Form(attrs.get("method", "get").lower(), action)
            self.forms.append(self._form)
        elif self._form is None or not attrs.get("name"):
            return
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind == "file":
                self._form.files.add(attrs["name"])
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs or attrs["name"] not in self._form.fields:
                    self._form.fields[attrs["name"]] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "reset", "image"):
                self._form.fields[attrs["name"]] = attrs.get("value", "")
        elif tag == "select":
            self._select = attrs["name"]
            self._form.fields.setdefault(self._select, "")
        elif tag == "option" and self._select:
            if "selected" in attrs or not self._form.fields[self._select]:
                self._form.fields[self._select] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._form.fields[self._textarea] = ""
        elif tag == "button" and attrs.get("value"):
            self._form.fields.setdefault(attrs["name"], attrs["value"])

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def local(url: str) -> str | None:
    """The path (and query) of a link to our own site, or None."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or parts.scheme not in ("", "http", "https"):
        return None
    if SKIP.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, start: str, max_pages: int) -> list[Page]:
    """Every HTML page (status 200) reachable from `start` and the URL conf, one per route."""
    queue = deque([start, *sorted(urlconf_paths(SKIP))])
    seen_routes, pages = set(), []
    while queue and len(pages) < max_pages:
        path = queue.popleft()
        route = route_of(path)
        if route in seen_routes:
            continue
        seen_routes.add(route)
        response = client.get(path)
        assert response.status_code < 500, f"GET {path}: {response.status_code}"
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _PageParser(f"http://testserver{path}")
        parser.feed(response.content.decode())
        page = Page(path, [link for link in map(local, (urljoin(f"http://testserver{path}", h)
                                                         for h in parser.links)) if link],
                    parser.forms)
        pages.append(page)
        queue.extend(page.links)
        queue.extend(p for p in (local(form.action) for form in parser.forms
                                 if form.method == "get") if p)
    return pages


def query_names(page: Page) -> set[str]:
    """The query parameters this page's own links and GET forms use."""
    names = set()
    own = urlsplit(page.path).path
    for link in page.links:
        parts = urlsplit(link)
        if parts.path == own:
            names.update(name for name, _value in parse_qsl(parts.query))
    for form in page.forms:
        if form.method == "get" and urlsplit(form.action).path == own:
            names.update(form.fields)
    return names
