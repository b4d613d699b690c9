"""Uploads leave private storage only after the database change that dropped them has
committed: a rolled-back destruction keeps its files, and a crash between commit and delete
leaves a PendingFileDeletion row that the next run finishes."""

import logging

from django.db import transaction

from candidates.models import Profile
from privacy.models import PendingFileDeletion

logger = logging.getLogger(__name__)


def uploads_schedule_deletion(names) -> int:
    """Call inside the transaction that deletes the records holding these file names."""
    rows = [PendingFileDeletion(name=name) for name in names if name]
    PendingFileDeletion.objects.bulk_create(rows)
    if rows:
        transaction.on_commit(pending_file_deletions_process)
    return len(rows)


def upload_storage():
    # The storage the upload fields were built with (photo and CV share the private one).
    return Profile._meta.get_field("cv").storage


def pending_file_deletions_process() -> int:
    """Delete the files of every pending row, then the row. Returns how many were done."""
    storage = upload_storage()
    done = 0
    for pending in PendingFileDeletion.objects.order_by("pk"):
        try:
            storage.delete(pending.name)  # no error when the file is already gone
        except OSError:
            logger.exception("Could not delete upload %s; will retry", pending.name)
            continue
        pending.delete()
        done += 1
    return done
