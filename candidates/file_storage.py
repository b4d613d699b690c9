"""Writing uploads so that a storage failure loses nothing and leaves nothing (issue 12).

A new photo or CV is first written under a temporary name in STAGING_DIR; the profile row
gets the final name in the same transaction; only after the commit is the file moved into
place (a rename, which needs no free space). So:
- disk full, read-only storage, an I/O error while writing: the partial file is removed,
  the transaction rolls back, the previous file and row stay as they were, and the person
  gets UploadNotStored's message in their language;
- a crash while writing or before the commit leaves only a staged file nobody refers to;
  a crash between the commit and the move leaves a staged file the row refers to. The
  hourly sweep (staged_uploads_sweep) deletes the first kind and finishes the second.
"""

import logging
import os
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

STAGING_DIR = "staging"
# Longer than any upload request takes, so the sweep never takes a file still being written.
LEFTOVER_AFTER = timedelta(hours=1)


class UploadNotStored(Exception):
    """Storage refused the file. The message is for the person who uploaded it."""

    def __init__(self):
        super().__init__(_("Het opslaan van uw bestand is niet gelukt door een storing bij "
                           "ons. Uw vorige bestand is bewaard. Probeer het later nog eens."))


def _staged_name(final_name: str) -> str:
    return f"{STAGING_DIR}/{final_name.replace('/', '__')}.part"


def _final_name(staged_name: str) -> str:
    return staged_name.removeprefix(f"{STAGING_DIR}/").removesuffix(".part").replace("__", "/")


def file_save_or_refuse(storage, name: str, content) -> str:
    """storage.save(), but a failure removes what was half written and raises
    UploadNotStored. Returns the stored name."""
    try:
        return storage.save(name, content)
    except OSError as error:
        logger.error("Upload not stored (%s): %s", type(error).__name__, error.strerror)
        try:
            storage.delete(name)  # Django leaves a partly written file behind
        except OSError:
            logger.exception("Could not remove the partial upload; the sweep will.")
        raise UploadNotStored from error


def upload_stage(*, instance, field: str, content) -> None:
    """Give `instance.<field>` a new name and write `content` under a temporary one; the
    file moves to the new name when the current transaction commits. Call inside the
    transaction that saves `instance`."""
    file_field = getattr(instance, field)
    storage = file_field.storage
    final_name = file_field.field.generate_filename(instance, content.name)
    staged_name = file_save_or_refuse(storage, _staged_name(final_name), content)
    setattr(instance, field, final_name)
    transaction.on_commit(lambda: _move_into_place(storage, staged_name, final_name))


def _move_into_place(storage, staged_name: str, final_name: str) -> bool:
    try:
        target = storage.path(final_name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(storage.path(staged_name), target)
    except OSError:
        logger.exception("Upload not moved into place; the sweep will finish it.")
        return False
    return True


def _referenced(final_name: str) -> bool:
    from candidates.models import Profile

    return Profile.objects.filter(Q(photo=final_name) | Q(cv=final_name)).exists()


def staged_uploads_sweep(*, now: datetime | None = None) -> int:
    """Finish or remove staged files older than LEFTOVER_AFTER. Returns how many it handled."""
    from privacy.retention.files import upload_storage

    now = now or timezone.now()
    storage = upload_storage()
    if not storage.exists(STAGING_DIR):
        return 0
    handled = 0
    for filename in storage.listdir(STAGING_DIR)[1]:
        staged_name = f"{STAGING_DIR}/{filename}"
        if now - storage.get_modified_time(staged_name) < LEFTOVER_AFTER:
            continue
        final_name = _final_name(staged_name)
        if _referenced(final_name) and not storage.exists(final_name):
            handled += _move_into_place(storage, staged_name, final_name)
        else:
            storage.delete(staged_name)
            handled += 1
    return handled
