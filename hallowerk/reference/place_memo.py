"""Answers about places, kept per process until a place changes (issue 12).

Places are reference data: migration 0004 loads them and only a migration changes them. Yet
the employer's search with a place resolved the typed name and then looked up the places
within the radius on every search (about 1.3 and 1.6 ms of CPU, plus two statements), and a
jobseeker's "where do you live" step resolves the name on every save. The answers depend on
the place table only, so each process keeps them in an lru_cache (the most recent
MAX_ENTRIES questions: anyone can type any name) and forgets them all when a place is saved
or deleted, at once and again after the commit, as the occupation suggestions do
(hallowerk/forms/occupations.py). A migration, and a test database's flush (which empties
the table without signals), send post_migrate: that forgets them too, so a place read
before is never handed out with an id that is gone. A change that is rolled back leaves the
answers until the process ends; places change by migration, which restarts the processes.
"""

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from hallowerk.models import Place

F = TypeVar("F", bound=Callable)

MAX_ENTRIES = 2048
_kept: list = []  # the lru_cache-wrapped functions, to forget them together


def place_memo(function: F) -> F:
    """lru_cache(MAX_ENTRIES) for a function of the place table only. Its answers are
    shared: a function that returns a Place is wrapped by a caller that copies it."""
    kept = lru_cache(maxsize=MAX_ENTRIES)(function)
    _kept.append(kept)
    return kept  # type: ignore[return-value]


def place_memo_forget() -> None:
    for kept in _kept:
        kept.cache_clear()


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
