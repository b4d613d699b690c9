"""Record first, then queue (STYLE §14), for any Celery task whose loss matters.

The tips showed the way (privacy/tips/): the work is a database row written in the same
transaction as the change that asks for it; after the commit one message tries to do it at
once; a periodic sweep (hallowerk/schedule.py) does whatever is still due. A lost message, a
Redis restart without its file or a killed worker therefore only delays the work.

A failed run stays due with a doubling wait (the same wait as the tips), and gives up after
MAX_ATTEMPTS. Tasks run through here must be idempotent: the sweep may run a row whose
message is still on its way (the row lock and the status make the second one a no-op).
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from hallowerk.models import QueuedTask

logger = logging.getLogger(__name__)
Status = QueuedTask.Status

MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=15)
LONGEST_RETRY = timedelta(hours=24)


def retry_wait(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failure: 15 min, 30 min, 1 h, … at most 24 h."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


def outbox_add_many(task, args_list: Iterable[tuple], *, key_prefix: str) -> int:
    """Record one run of `task` per args tuple; each row is queued after the commit.
    A run whose key (prefix + args) is already due is not recorded twice. Returns how
    many runs are due for these keys."""
    from privacy.queue import enqueue

    from .tasks import queued_task_run

    now = timezone.now()
    rows = [QueuedTask(task=task.name, args=list(args), created_at=now, next_attempt_at=now,
                       key=f"{key_prefix}:{':'.join(map(str, args))}") for args in args_list]
    with transaction.atomic():
        # The partial unique index (one due row per key) drops a second request for work
        # that is still due; PostgreSQL returns no ids for such an insert, so read them.
        QueuedTask.objects.bulk_create(rows, ignore_conflicts=True)
        ids = list(QueuedTask.objects.filter(key__in=[row.key for row in rows], status=Status.DUE)
                   .values_list("pk", flat=True))
        transaction.on_commit(lambda: [enqueue(queued_task_run, pk) for pk in ids])
    return len(ids)


def outbox_add(task, *args, key_prefix: str) -> int:
    return outbox_add_many(task, [args], key_prefix=key_prefix)


def queued_task_execute(*, queued_task_id: int, now: datetime | None = None) -> bool:
    """Run one due row in-process. True when it ran; a failure is recorded and it stays due."""
    from hallowerk.celery import app

    now = now or timezone.now()
    with transaction.atomic():
        # SKIP LOCKED: a row that another worker is running right now is left to that one.
        row = (QueuedTask.objects.select_for_update(skip_locked=True)
               .filter(pk=queued_task_id, status=Status.DUE).first())
        if row is None:
            return False
        try:
            with transaction.atomic():  # the task's own changes go if it fails
                app.tasks[row.task](*row.args)
        except Exception as error:  # noqa: BLE001 - any failure of the task keeps it due
            row.attempts += 1
            row.last_error = type(error).__name__
            row.next_attempt_at = now + retry_wait(row.attempts)
            if row.attempts >= MAX_ATTEMPTS:
                row.status = Status.FAILED
            row.save(update_fields=["attempts", "last_error", "next_attempt_at", "status"])
            logger.warning("Queued task %s (%s) failed, attempt %s", row.pk, row.task,
                           row.attempts, exc_info=True)
            return False
        row.status = Status.DONE
        row.done_at = now
        row.attempts += 1
        row.last_error = ""
        row.save(update_fields=["status", "done_at", "attempts", "last_error"])
        return True


def outbox_run_due(*, now: datetime | None = None) -> int:
    """The sweep: run every due row whose time has come. Returns how many ran."""
    now = now or timezone.now()
    due = (QueuedTask.objects.filter(status=Status.DUE, next_attempt_at__lte=now)
           .order_by("next_attempt_at").values_list("pk", flat=True))
    return sum(queued_task_execute(queued_task_id=pk, now=now) for pk in list(due))
