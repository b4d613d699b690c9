"""Checks for the jobseeker's photo and CV: judged by their content, never by the file name.

A photo is opened and re-encoded by Pillow, so whatever else the file carried (EXIF with GPS
position, camera serial, comments, trailing bytes) never reaches storage. A CV must look like
a PDF or a Word (DOCX) document from the inside; a PDF is stored without active content
(JavaScript, launch actions, embedded files: candidates/pdf_clean.py). Every refusal is a
ValidationError with a plain Dutch message for the form.
"""

import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from .pdf_clean import PdfNotCleaned, pdf_clean

if TYPE_CHECKING:
    from privacy.sensitive import Extraction

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_CV_BYTES = 5 * 1024 * 1024
# Larger photos are refused before decoding (decompression bombs); accepted ones are scaled
# down to what a profile page shows, which also keeps storage small.
MAX_PHOTO_PIXELS = 40_000_000
MAX_PHOTO_SIDE = 8000
STORED_PHOTO_SIDE = 1200
PHOTO_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CV_TYPES = {"pdf": PDF_TYPE, "docx": DOCX_TYPE}
# A Word document unpacks to a few MB at most; far more means a zip bomb.
MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    content: ContentFile  # named "photo.jpg", "cv.pdf", …: storage keeps only the extension
    content_type: str
    # Kinds of active content taken out of a PDF (pdf_clean.ACTIVE_KEYS' values), to tell
    # the jobseeker; and the text the sensitive-data check read (forms/uploads.py).
    removed_active_content: tuple[str, ...] = ()
    extraction: "Extraction | None" = None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _check_size(upload, limit: int) -> None:
    if upload.size > limit:
        raise ValidationError(
            _("Dit bestand is te groot (%(size)s MB). Het mag maximaal %(max)s MB zijn.")
            % {"size": _megabytes(upload.size), "max": limit // (1024 * 1024)},
            code="too_large")
    if upload.size == 0:
        raise ValidationError(_("Dit bestand is leeg. Kies een ander bestand."), code="empty")


def _read(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def photo_check(upload) -> CheckedFile:
    """A JPEG or PNG photo, re-encoded without any metadata, at most STORED_PHOTO_SIDE wide."""
    _check_size(upload, MAX_PHOTO_BYTES)
    not_a_photo = ValidationError(
        _("Dit bestand is geen foto die we kunnen gebruiken. Kies een foto in JPG- of "
          "PNG-formaat."), code="not_a_photo")
    try:
        with Image.open(io.BytesIO(_read(upload))) as image:
            if image.format not in PHOTO_FORMATS:
                raise not_a_photo
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS or max(width, height) > MAX_PHOTO_SIDE:
                raise ValidationError(
                    _("Deze foto is te groot (%(width)s bij %(height)s pixels). Kies een foto "
                      "van maximaal %(max)s pixels breed en hoog.")
                    % {"width": width, "height": height, "max": MAX_PHOTO_SIDE},
                    code="too_many_pixels")
            image_format = image.format
            image.load()
            # Turn the photo upright as the camera meant it; the orientation tag goes with
            # the rest of the EXIF data.
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as error:
        raise not_a_photo from error
    content_type, extension = PHOTO_FORMATS[image_format]
    upright.thumbnail((STORED_PHOTO_SIDE, STORED_PHOTO_SIDE))
    buffer = io.BytesIO()
    if image_format == "JPEG":
        upright.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    else:
        if upright.mode not in ("RGB", "RGBA", "L", "LA"):
            upright = upright.convert("RGBA")
        # A fresh PNG without pnginfo: text chunks (and any EXIF chunk) are not written.
        upright.save(buffer, format="PNG", optimize=True)
    return CheckedFile(ContentFile(buffer.getvalue(), name=f"photo.{extension}"), content_type)


def _looks_like_pdf(data: bytes) -> bool:
    # Readers accept the header within the first KB; the end-of-file marker within the last.
    return b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:]


def _looks_like_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    # Macro-enabled documents (word/vbaProject.bin) are refused: we never pass on code.
    return ("word/document.xml" in names and "[Content_Types].xml" in names
            and "word/vbaProject.bin" not in names and unpacked <= MAX_DOCX_UNPACKED_BYTES)


def cv_kind(data: bytes) -> str | None:
    """'pdf', 'docx' or None, from the bytes alone."""
    if _looks_like_pdf(data):
        return "pdf"
    if data[:4] == b"PK\x03\x04" and _looks_like_docx(data):
        return "docx"
    return None


PDF_REFUSALS = {
    "locked": _lazy("Deze PDF is beveiligd met een wachtwoord. Sla uw cv op zonder wachtwoord "
                    "en probeer het opnieuw."),
    "unreadable": _lazy("We kunnen deze PDF niet goed openen, en dus ook niet nagaan of hij "
                        "veilig is. Maak de PDF opnieuw, bijvoorbeeld met 'Opslaan als PDF' of "
                        "'Afdrukken naar PDF', en probeer het nog een keer."),
}


def cv_check(upload) -> CheckedFile:
    """A PDF or DOCX document as the jobseeker made it (they decide what is on it); a PDF
    without its active content."""
    _check_size(upload, MAX_CV_BYTES)
    data = _read(upload)
    kind = cv_kind(data)
    if kind is None:
        raise ValidationError(
            _("Dit bestand is geen PDF- of Word-document (DOCX). Sla uw cv op als PDF of DOCX "
              "en probeer het opnieuw."), code="not_a_cv")
    removed: list[str] = []
    if kind == "pdf":
        try:
            data, removed = pdf_clean(data)
        except PdfNotCleaned as refusal:
            raise ValidationError(PDF_REFUSALS[refusal.reason], code=f"pdf_{refusal.reason}") \
                from refusal
    return CheckedFile(ContentFile(data, name=f"cv.{kind}"), CV_TYPES[kind], tuple(removed))


def content_type_for(name: str) -> str:
    """The content type to serve a stored upload with; names come from our own storage."""
    extension = name.rsplit(".", 1)[-1].lower()
    return {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
            "pdf": PDF_TYPE, "docx": DOCX_TYPE}.get(extension, "application/octet-stream")


# A CV with a sensitive-data warning waits here until the jobseeker confirms or drops it.
# One folder per candidate, so erasure can remove what was left behind.
PENDING_DIR = "pending"


def pending_dir(candidate_id: int) -> str:
    return f"{PENDING_DIR}/{candidate_id}"
