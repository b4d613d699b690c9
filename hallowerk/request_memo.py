"""Facts computed once per request instead of once per query (issue 12).

An employer's profile page reads candidates three times through visible_to() (the profile,
the conversation, the contact request), and each read rebuilt the employer's region as
nested subqueries: about 2.5 ms of Python per read to build and compile, and a subplan for
PostgreSQL each time. The region is now looked up once per request, as plain ids, and kept
here for the rest of that request.

Only inside a request (RequestIdMiddleware opens the scope): outside one (tests, Celery
tasks, management commands) nothing is kept, so a change made a moment ago is always seen.
Within one request a fact is as old as the request: the same as reading it in one
transaction.
"""

import contextvars
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar("request_memo",
                                                                  default=None)


@contextmanager
def request_memo_scope() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def request_memoized(key: Hashable, compute: Callable[[], T]) -> T:
    """compute() once per request for this key; every time outside a request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
