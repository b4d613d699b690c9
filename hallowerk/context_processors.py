from django.conf import settings


def platform(request):
    user = getattr(request, "user", None)
    municipality = getattr(user, "municipality", None) if user and user.is_authenticated else None
    return {
        "current_municipality": municipality,
        "theme_class": f"hw-theme-{municipality.theme}" if municipality else "hw-theme-default",
        "site_url": settings.SITE_URL,
    }
