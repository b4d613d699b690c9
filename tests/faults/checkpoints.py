"""Counts at the moments of a fault test, for scripts/fault_counts.py (issue 12).

A fault test calls fault_checkpoint("before the fault"), ("after the fault"), ("after the
sweep") and so on. Normally that does nothing. When scripts/fault_counts.py runs the test
(FAULT_COUNTS_OUT set), it appends the rows and files that matter at that moment, read in
the test's own transaction, so the closing note shows what each fault kept and what its
sweep set right. The test's assertions still decide whether it passed.
"""

import json
import os
from pathlib import Path


def _files_under(location: str, *, part: str = "") -> int:
    root = Path(location)
    if not root.exists():
        return 0
    return sum(1 for path in root.rglob("*") if path.is_file() and part in str(path))


def fault_counts() -> dict[str, int]:
    from django.contrib.sessions.models import Session
    from django.core import mail

    from candidates.file_storage import STAGING_DIR
    from candidates.models import Candidate, Message, Thread
    from hallowerk.models import QueuedTask
    from privacy.models import AuditEvent, DestructionRecord, PendingFileDeletion
    from privacy.retention.files import upload_storage

    location = upload_storage().location
    return {
        "sessions": Session.objects.count(),
        "dossiers": Candidate.objects.count(),
        "threads": Thread.objects.count(),
        "messages": Message.objects.count(),
        "destruction records": DestructionRecord.objects.count(),
        "files waiting for deletion": PendingFileDeletion.objects.count(),
        "queued work due": QueuedTask.objects.filter(status="due").count(),
        "queued work done": QueuedTask.objects.filter(status="done").count(),
        "mails sent": len(getattr(mail, "outbox", [])),
        "audit events": AuditEvent.objects.count(),
        "private files": _files_under(location),
        "staged files": _files_under(location, part=f"/{STAGING_DIR}/"),
    }


def fault_checkpoint(moment: str, **facts) -> None:
    """Record the counts at this moment of the running test (and any `facts` the test
    adds, such as a field's value), when scripts/fault_counts.py asked for them."""
    out = os.environ.get("FAULT_COUNTS_OUT")
    if not out:
        return
    test = os.environ.get("PYTEST_CURRENT_TEST", "?").rsplit(" (", 1)[0]
    with Path(out).open("a") as stream:
        stream.write(json.dumps({"test": test, "moment": moment, "counts": fault_counts(),
                                 "facts": facts}) + "\n")
