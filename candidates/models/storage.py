"""Uploads with personal data live outside MEDIA_ROOT; a view that checks visibility serves them."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    # A callable, so migrations do not freeze a path and tests can move PRIVATE_MEDIA_ROOT.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def _random_name(folder: str, filename: str) -> str:
    # The original name may carry the person's name; only the extension is kept.
    return f"{folder}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:10]}"


def photo_upload_to(instance, filename: str) -> str:
    return _random_name("photos", filename)


def cv_upload_to(instance, filename: str) -> str:
    return _random_name("cv", filename)
