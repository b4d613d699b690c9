"""Hand work to Celery without letting a broken broker break the web app.

Everything queued from here is also done by a periodic job that reads the database (due
tips, retention notices), so a message that never reaches Redis only means the work
happens at the next run instead of now.

Celery's own publish path retries a lost broker connection without end by default (kombu's
max_retries=None), and redis-py waits for the operating system's TCP timeout: a web request
would hang. Here the connection gets one try with short timeouts.
"""

import logging

from django.db import transaction
from kombu.exceptions import KombuError, OperationalError

logger = logging.getLogger(__name__)
CONNECT_SECONDS = 2
SHORT_TIMEOUTS = {"socket_connect_timeout": CONNECT_SECONDS, "socket_timeout": CONNECT_SECONDS,
                  "max_retries": 0}


def enqueue(task, *args) -> bool:
    """Send the task now; False (and a log line) when the broker cannot be reached."""
    app = task.app
    try:
        if app.conf.task_always_eager:
            task.apply_async(args=args)
            return True
        with app.connection_for_write(transport_options=SHORT_TIMEOUTS) as connection:
            connection.ensure_connection(max_retries=0, timeout=CONNECT_SECONDS)
            task.apply_async(args=args, connection=connection, retry=False)
    except (OperationalError, KombuError, OSError):
        logger.warning("Could not queue %s; the periodic job will do it.", task.name,
                       exc_info=True)
        return False
    return True


def enqueue_on_commit(task, *args) -> None:
    transaction.on_commit(lambda: enqueue(task, *args))
