from functools import cache

from django import template
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.module_loading import import_string

from hallowerk.navigation import NAVIGATION, NAVIGATION_COUNTS

register = template.Library()


def _count(name: str, user) -> int | None:
    counter = NAVIGATION_COUNTS.get(name)
    return import_string(counter)(user) if counter else None


@cache
def _links(role: str, script_prefix: str) -> tuple[tuple[str, str, str], ...]:
    """(url name, address, label) of a role's menu: the addresses are the same on every page,
    so they are looked up once per process (and per script prefix, which reverse() uses)."""
    links = []
    for name, label in NAVIGATION.get(role, []):
        try:
            links.append((name, reverse(name), label))
        except NoReverseMatch:
            continue
    return tuple(links)


@register.simple_tag(takes_context=True)
def navigation_items(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    if user.requires_two_factor and not user.is_verified():
        return []  # nothing else is reachable before the second factor
    return [{"url": url, "label": label, "current": request.path == url,
             "count": _count(name, user)}
            for name, url, label in _links(user.role, get_script_prefix())]
