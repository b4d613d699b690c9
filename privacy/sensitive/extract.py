"""Text out of an uploaded CV (PDF, DOCX or plain text), never raising on a bad file.

A file we cannot read gives `ok=False`, so the portal can say "we could not check this file"
instead of pretending it is clean. A PDF without any text (a scan) counts as unreadable too.
"""

import io
import logging
import zipfile
from typing import IO, NamedTuple

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
# A CV is a few pages; beyond these limits we check what we read and report ok=False.
MAX_PDF_PAGES = 30
MAX_TEXT_CHARS = 200_000
# Guards against zip bombs: python-docx would inflate the XML parts in memory.
MAX_DOCX_UNZIPPED_BYTES = 50 * 1024 * 1024

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Extraction(NamedTuple):
    text: str
    ok: bool


class _TooLarge(Exception):
    pass


def _kind(content_type_or_name: str) -> str | None:
    value = (content_type_or_name or "").lower().split(";")[0].strip()
    if value == "application/pdf" or value.endswith(".pdf"):
        return "pdf"
    if value == DOCX_TYPE or value.endswith(".docx"):
        return "docx"
    if value == "text/plain" or value.endswith(".txt"):
        return "text"
    return None


def _read_bytes(file_obj: IO[bytes]) -> bytes:
    if hasattr(file_obj, "seek"):
        file_obj.seek(0)
    data = file_obj.read(MAX_FILE_BYTES + 1)
    if hasattr(file_obj, "seek"):
        file_obj.seek(0)  # the caller still wants to store the file
    if len(data) > MAX_FILE_BYTES:
        raise _TooLarge
    return data


def _pdf_text(data: bytes) -> Extraction:
    reader = PdfReader(io.BytesIO(data))
    pages = reader.pages
    texts = [page.extract_text() or "" for page in pages[:MAX_PDF_PAGES]]
    text = "\n".join(texts)
    return Extraction(text, ok=len(pages) <= MAX_PDF_PAGES and bool(text.strip()))


def _docx_text(data: bytes) -> Extraction:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNZIPPED_BYTES:
            raise _TooLarge
    document = docx.Document(io.BytesIO(data))
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    # Every paragraph, also those inside tables and text boxes, in document order.
    paragraphs = [
        "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
        for part in parts
        for paragraph in part.iter(qn("w:p"))
    ]
    return Extraction("\n".join(paragraphs), ok=True)


def extract_upload_text(file_obj: IO[bytes], content_type_or_name: str) -> Extraction:
    """The text of an uploaded file, cut at MAX_TEXT_CHARS; ok=False if not (fully) read."""
    kind = _kind(content_type_or_name)
    if kind is None:
        return Extraction("", ok=False)
    try:
        data = _read_bytes(file_obj)
        if kind == "pdf":
            extraction = _pdf_text(data)
        elif kind == "docx":
            extraction = _docx_text(data)
        else:
            extraction = Extraction(data.decode("utf-8", errors="replace"), ok=True)
    except Exception:  # a broken or hostile file must never break the upload page
        logger.warning("Could not extract text from a %s upload", kind, exc_info=True)
        return Extraction("", ok=False)
    if len(extraction.text) > MAX_TEXT_CHARS:
        return Extraction(extraction.text[:MAX_TEXT_CHARS], ok=False)
    return extraction
