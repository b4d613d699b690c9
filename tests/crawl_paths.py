"""Which addresses a crawl visits: the URL conf's pages without parameters, minus files,
logout, language switch and the Django admin. Shared by the browser crawl
(tests/browser/test_crawl.py) and the Cache-Control crawl (tests/security/test_no_store.py)."""

import re
from urllib.parse import urlsplit

from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse

# Not pages: files, the logout, the language switch. Not for users of the platform: the
# Django admin, the operator's tool (no role reaches it; tests/hallowerk/test_django_admin.py
# checks that and its accessibility).
SKIP = re.compile(r"(\.(csv|pdf|zip|json)$|/bestand/|/export|/download|/cv\b|/account/logout"
                  r"|^/admin/|^/django-admin/|/static/|/media/|/taal/|/i18n/)")


def urlconf_paths(skip: re.Pattern = SKIP) -> set[str]:
    """Every named URL without parameters, less those `skip` matches."""
    paths = set()

    def walk(resolver, namespace):
        for name in list(resolver.reverse_dict):
            if isinstance(name, str):
                try:
                    paths.add(reverse(f"{namespace}{name}"))
                except NoReverseMatch:
                    pass
        for key, (_prefix, sub) in resolver.namespace_dict.items():
            walk(sub, f"{namespace}{key}:")

    walk(get_resolver(), "")
    return {path for path in paths if not skip.search(path)}


def route_of(path: str) -> str:
    try:
        return resolve(urlsplit(path).path).route
    except Resolver404:
        return urlsplit(path).path
