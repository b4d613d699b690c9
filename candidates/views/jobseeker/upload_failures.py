"""A storage failure during an upload (disk full, read-only storage) answers with a clear
message on the upload step instead of a 500 (candidates/file_storage.py keeps the previous
file and leaves nothing behind)."""

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect

from candidates.file_storage import UploadNotStored


def storage_failure_shown(step_slug: str):
    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except UploadNotStored as error:
                messages.error(request, str(error))
                return redirect("candidates:jobseeker_step", slug=step_slug)
        return wrapped
    return decorate
