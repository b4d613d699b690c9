from django import template
from django.urls import NoReverseMatch, reverse

from hallowerk.navigation import NAVIGATION

register = template.Library()


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
        items.append({"url": url, "label": label, "current": request.path == url})
    return items
