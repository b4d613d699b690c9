"""The daily retention job: notices, destruction, purges, file clean-up — once at a time.

Safe to start twice: a PostgreSQL advisory lock lets one run work while a second one
returns at once; and should two ever overlap anyway (a lock released by a crash mid-run),
the batches lock their rows with SKIP LOCKED and every step only acts on what is still due.
"""

import hashlib
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.utils import timezone

from hallowerk.accounts.lockout import login_attempts_purge
from privacy.audit import audit_record
from privacy.models import AuditAction

from .destroy import dossiers_destroy_due
from .files import pending_file_deletions_process
from .notices import retention_notices_send
from .progress import retention_run_begin, retention_run_finish, retention_run_stale
from .purge import (
    audit_purge,
    contact_requests_purge,
    employer_contacts_purge,
    invitations_purge,
    messages_purge,
)
from .rules import Rules

logger = logging.getLogger(__name__)
LOCK_KEY = int.from_bytes(hashlib.sha256(b"hallowerk.privacy.retention").digest()[:8], "big",
                          signed=True)


@contextmanager
def advisory_lock(key: int = LOCK_KEY):
    """Yield True when this session got the lock (and release it after), else False."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@dataclass
class RunResult:
    skipped: bool = False
    notices: int = 0
    dossiers: int = 0
    purged: dict[str, int] = field(default_factory=dict)
    files: int = 0

    def as_data(self) -> dict:
        return {"notices": self.notices, "dossiers": self.dossiers, "purged": self.purged,
                "files": self.files}


def retention_run(*, today: date | None = None) -> RunResult:
    today = today or timezone.localdate()
    now = timezone.now()
    with advisory_lock() as acquired:
        if not acquired:
            logger.info("Retention run skipped: another run holds the lock.")
            return RunResult(skipped=True)
        run = retention_run_begin(now)
        rules = Rules.load()
        if not rules.complete_for_dossiers:
            logger.error("Retention rules for dossiers are missing; no dossier is destroyed.")
        result = RunResult()
        # Files first: what a crashed run dropped from the database leaves storage now.
        result.files = pending_file_deletions_process()
        result.notices = retention_notices_send(rules=rules, today=today)
        result.dossiers = dossiers_destroy_due(rules=rules, today=today)
        for purge in (messages_purge, contact_requests_purge, audit_purge, invitations_purge,
                      employer_contacts_purge):
            record = purge(rules=rules, now=now)
            if record is not None:
                result.purged[record.kind] = record.total
        if attempts := login_attempts_purge(now=now):
            result.purged["login_attempts"] = attempts
        result.files += pending_file_deletions_process()
        if result.notices or result.dossiers or result.purged or result.files:
            audit_record(action=AuditAction.RETENTION_RUN, data=result.as_data())
        retention_run_finish(run, result.as_data())
        return result


def retention_resume_stale() -> RunResult | None:
    """The sweep: run again when a run stopped beating without finishing (a killed worker).
    Every step acts only on what is still due, so running again resumes it."""
    if retention_run_stale() is None:
        return None
    logger.warning("Retention run stopped without finishing; resuming it.")
    return retention_run()
