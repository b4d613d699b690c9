"""Uploads with personal data live outside MEDIA_ROOT; a view that checks visibility serves them."""

import os
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, with no URL: only an access-checked view serves them.

    The location is read from the settings each time, not when the model is loaded, so a
    changed PRIVATE_MEDIA_ROOT (per test, per deployment) is honoured.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage() -> FileSystemStorage:
    # A callable, so migrations do not freeze a path.
    return PrivateFileSystemStorage()


def _random_name(folder: str, filename: str) -> str:
    # The original name may carry the person's name; only the extension is kept.
    return f"{folder}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:10]}"


def photo_upload_to(instance, filename: str) -> str:
    return _random_name("photos", filename)


def cv_upload_to(instance, filename: str) -> str:
    return _random_name("cv", filename)
