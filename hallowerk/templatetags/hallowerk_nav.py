from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from hallowerk.navigation import NAVIGATION, NAVIGATION_COUNTS

register = template.Library()


def _count(name: str, user) -> int | None:
    counter = NAVIGATION_COUNTS.get(name)
    return import_string(counter)(user) if counter else None


@register.simple_tag(takes_context=True)
def navigation_items(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    if user.requires_two_factor and not user.is_verified():
        return []  # nothing else is reachable before the second factor
    items = []
    for name, label in NAVIGATION.get(user.role, []):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "current": request.path == url,
                      "count": _count(name, user)})
    return items
