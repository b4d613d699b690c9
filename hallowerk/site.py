"""Absolute links to the platform (mails, PDFs, alerts, invitations) all start at SITE_URL.

A request's own host is not used: mails are sent by Celery without a request, and a link must
look the same whichever way it was made. `make run` sets SITE_URL from its PORT.
"""

from django.conf import settings


def absolute_url(path: str = "/") -> str:
    return settings.SITE_URL.rstrip("/") + path
