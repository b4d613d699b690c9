"""`Cache-Control: no-store` on every response of ours, for every role: the pages the crawl
visits (tests/crawl_paths.py, the same list as the browser crawl) and the links found on
them, on the demo data. Static files keep their caching."""

import io
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from hallowerk.demo.accounts import DEMO_ACCOUNTS
from hallowerk.models import User
from tests.backoffice.conftest import logged_in
from tests.crawl_paths import SKIP, route_of, urlconf_paths

pytestmark = pytest.mark.django_db

MAX_PAGES_PER_ROLE = 60
HREF = re.compile(r'href="([^"#]+)"')


def crawl(client) -> dict[str, str]:
    """Cache-Control per visited path; one page per URL pattern."""
    queue = deque(["/start/", *sorted(urlconf_paths())])
    seen_routes, headers = set(), {}
    while queue and len(headers) < MAX_PAGES_PER_ROLE:
        path = queue.popleft()
        route = route_of(path)
        if route in seen_routes or SKIP.search(urlsplit(path).path):
            continue
        seen_routes.add(route)
        response = client.get(path)
        headers[path] = response.get("Cache-Control", "")
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            for href in HREF.findall(response.content.decode()):
                target = urlsplit(urljoin(path, href.replace("&amp;", "&")))
                if not target.netloc:
                    queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return headers


def client_of(role) -> Client:
    if role == "anonymous":
        return Client()
    email = next(email for r, email, *_rest in DEMO_ACCOUNTS if r == role)
    return logged_in(User.objects.get(email=email))


def test_every_page_of_every_role_says_no_store():
    call_command("demo_data", "--candidates", "12", stdout=io.StringIO())
    missing, visited = {}, {}
    for role in [role for role, *_rest in DEMO_ACCOUNTS] + ["anonymous"]:
        headers = crawl(client_of(role))
        visited[role] = len(headers)
        missing |= {f"[{role}] {path}": value for path, value in headers.items()
                    if "no-store" not in value}
    assert all(count >= 5 for count in visited.values()), visited
    assert not missing, missing


def test_file_responses_keep_their_own_no_store():
    """Views that already said "private, no-store" (CVs, exports) keep exactly that."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from hallowerk.middleware import NoStoreMiddleware

    def view(request):
        response = HttpResponse(b"%PDF")
        response["Cache-Control"] = "private, no-store"
        return response

    def cached_view(request):
        response = HttpResponse(b"x")
        response["Cache-Control"] = "public, max-age=600"
        return response

    request = RequestFactory().get("/")
    assert NoStoreMiddleware(view)(request)["Cache-Control"] == "private, no-store"
    patched = NoStoreMiddleware(cached_view)(request)["Cache-Control"]
    assert "no-store" in patched and "public" not in patched


def test_static_files_keep_their_caching(settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/css/hallowerk.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
