"""The text in a photo, read by OCR, so that a photo of an ID card or a letter with a BSN is
refused like a CV with one (issue 13: "a CV, photo or text with a valid BSN cannot be saved
where an employer can see it").

Uses Debian's `tesseract-ocr` with its Dutch and English data (together they misread fewer
digits than Dutch alone); `make run`, `make test` and the Dockerfile install them. OCR is
not perfect: a number it misreads is not found. Without tesseract the photo cannot be
read: that is logged as a
warning and the photo is checked as before (type, size, metadata stripped), because
refusing every photo would take the photo away from every jobseeker of an installation
that lacks the package. When tesseract is there but fails or takes too long on a photo,
nobody knows what the photo shows: PhotoUnreadable, and the photo is held for the coach
like a CV the check could not read (publication_hold.UNCHECKED_FILE, issue 14).
"""

import logging
import os
import shutil
import subprocess

logger = logging.getLogger(__name__)

TESSERACT = "tesseract"
TIMEOUT_S = 20


class PhotoUnreadable(Exception):
    """Tesseract is installed but could not read this photo (an error or a time-out)."""


def photo_text(content: bytes) -> str | None:
    """The text tesseract reads in the image, or None when tesseract is not installed.
    Raises PhotoUnreadable when it is installed but fails or times out."""
    if shutil.which(TESSERACT) is None:
        logger.warning("tesseract is not installed: photos are not checked for a BSN")
        return None
    try:
        result = subprocess.run(  # noqa: S603  (a fixed program; the image goes in on stdin)
            [TESSERACT, "-", "-", "-l", "nld+eng"], input=content, capture_output=True,
            timeout=TIMEOUT_S, check=True,
            # One thread: an upload must not take both cores from the other requests.
            env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except (subprocess.SubprocessError, OSError) as error:
        logger.warning("tesseract could not read an uploaded photo: it is held for the coach")
        raise PhotoUnreadable from error
    return result.stdout.decode("utf-8", errors="replace")
