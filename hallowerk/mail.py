"""Notices by e-mail after a change has been saved.

A notice says only that there is something new and where (never the content). It is sent
after the commit, so a mail server that is down must not turn the page that saved the
change into a server error: the failure is logged and the change stands. What must not be
lost goes through the outbox (hallowerk/outbox.py) instead.
"""

import logging

from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def notice_send(subject: str, body: str, recipients: list[str]) -> bool:
    """Send one notice; False (and a log line) when the mail server refused it."""
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # noqa: BLE001 - any failure of the mail server
        logger.exception("Notice mail %r to %s recipient(s) failed", subject, len(recipients))
        return False
    return True
