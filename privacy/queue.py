"""Hand work to Celery without letting a broken broker break the web app.

Everything queued from here is also done by a periodic job that reads the database (due
tips, retention notices), so a message that never reaches Redis only means the work
happens at the next run instead of now.
"""

import logging

from django.db import transaction
from kombu.exceptions import KombuError, OperationalError

logger = logging.getLogger(__name__)


def enqueue(task, *args) -> bool:
    """Send the task now; False (and a log line) when the broker cannot be reached."""
    try:
        # retry=False: fail at once instead of keeping a web request waiting for Redis.
        task.apply_async(args=args, retry=False)
    except (OperationalError, KombuError, OSError):
        logger.warning("Could not queue %s; the periodic job will do it.", task.name,
                       exc_info=True)
        return False
    return True


def enqueue_on_commit(task, *args) -> None:
    transaction.on_commit(lambda: enqueue(task, *args))
