"""Answers about places, kept per process until a place changes (issue 12).

Places are reference data: migration 0004 loads them and only a migration changes them. Yet
the employer's search with a place resolved the typed name and then looked up the places
within the radius on every search (about 1.3 and 1.6 ms of CPU, plus two statements), and a
jobseeker's "where do you live" step resolves the name on every save. The answers depend on
the place table only, so each process keeps them (the most recent MAX_ENTRIES questions:
anyone can type any name) and forgets them all when a place is saved or deleted, at once
and again after the commit, as the occupation suggestions do (hallowerk/forms/occupations.py).
A change that is rolled back leaves the answers until the process ends; places change by
migration, which restarts the processes anyway. A migration (and a test database's flush,
which empties the table without signals) sends post_migrate: that forgets them too, so a
place read before is never handed out with an id that is gone.
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import TypeVar

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from hallowerk.models import Place

T = TypeVar("T")

MAX_ENTRIES = 2048
_answers: OrderedDict[Hashable, object] = OrderedDict()
_lock = Lock()  # gunicorn's threads share the module


_MISSING = object()


def place_memo(kind: str, key: Hashable, compute: Callable[[], T]) -> T:
    """compute()'s answer for (kind, key), computed once per process until a place changes.
    The answer is shared: callers copy what they hand out (a Place instance)."""
    with _lock:
        answer = _answers.get((kind, key), _MISSING)
        if answer is not _MISSING:
            _answers.move_to_end((kind, key))
            return answer  # type: ignore[return-value]
    answer = compute()
    with _lock:
        _answers[(kind, key)] = answer
        if len(_answers) > MAX_ENTRIES:
            _answers.popitem(last=False)
    return answer


def place_memo_forget() -> None:
    with _lock:
        _answers.clear()


@receiver([post_save, post_delete], sender=Place)
def _places_changed(**kwargs) -> None:
    # Now, and again after the commit: an answer computed in between by another request
    # must not keep the places from before the change.
    place_memo_forget()
    transaction.on_commit(place_memo_forget)


@receiver(post_migrate)
def _places_migrated(**kwargs) -> None:
    # Data migrations load places with bulk_create (no post_save), and a flush removes
    # them with TRUNCATE: this process must not keep ids from before either.
    place_memo_forget()
