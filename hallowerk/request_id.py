"""A short id per request, on every log line written while the request runs and on the error
page, so that "it went wrong at 10:04" can be found in the log without personal data."""

import contextvars
import logging
import re
import uuid

_current = contextvars.ContextVar("request_id", default="")
# An id from a proxy in front of us is kept when it looks like one; anything else is replaced,
# so a header cannot write arbitrary text into the log.
_VALID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def new_request_id(incoming: str | None = None) -> str:
    return incoming if incoming and _VALID.fullmatch(incoming) else uuid.uuid4().hex[:16]


def current_request_id() -> str:
    return _current.get()


def request_id_set(value: str) -> contextvars.Token:
    return _current.set(value)


def request_id_reset(token: contextvars.Token) -> None:
    _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every log record (a dash outside a request)."""

    def filter(self, record):
        record.request_id = _current.get() or "-"
        return True
