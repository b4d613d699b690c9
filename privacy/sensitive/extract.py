"""Text out of an uploaded CV (PDF, DOCX or plain text), never raising on a bad file.

A file we cannot read gives `ok=False`, so the portal can say "we could not check this file"
instead of pretending it is clean (and holds it for the coach, issue 14). A PDF without any
text (a scan) counts as unreadable too.

PDF and Word documents are read in a child process with a memory and a CPU limit and a
deadline (hallowerk/bounded_child.py, issue 14): a decompression bomb, a billion-laughs
document or a parser that loops ends that process, not the web worker, and the file counts
as unreadable. The child runs this very file as a script (the file on stdin, JSON on
stdout), so its top level needs only pypdf and python-docx, not Django.
"""

import io
import json
import logging
import sys
import zipfile
from typing import IO, NamedTuple

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader, apply_configuration

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
# A CV is a few pages; beyond these limits we check what we read and report ok=False.
MAX_PDF_PAGES = 30
MAX_PDF_STREAM_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
# Guards against zip bombs: python-docx would inflate the XML parts in memory.
MAX_DOCX_UNZIPPED_BYTES = 50 * 1024 * 1024
# The XML of a CV is well under a megabyte; 10 MB of it is more text than MAX_TEXT_CHARS.
MAX_DOCX_XML_BYTES = 10 * 1024 * 1024

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
    # pypdf's own limit per stream is 75 MB; a CV's page is a few hundred kB of drawing
    # instructions, so a stream that inflates beyond this is refused sooner.
    with apply_configuration(**{f"{kind}_maximum_output_length": MAX_PDF_STREAM_BYTES
                                for kind in ("zlib", "lzw", "run_length", "brotli")}):
        reader = PdfReader(io.BytesIO(data))
        pages = reader.pages
        texts = [page.extract_text() or "" for page in pages[:MAX_PDF_PAGES]]
    text = "\n".join(texts)
    return Extraction(text, ok=len(pages) <= MAX_PDF_PAGES and bool(text.strip()))


def _docx_text(data: bytes) -> Extraction:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > MAX_DOCX_UNZIPPED_BYTES:
            raise _TooLarge
        xml_parts = [info for info in infos if info.filename.endswith(".xml")]
        if sum(info.file_size for info in xml_parts) > MAX_DOCX_XML_BYTES:
            raise _TooLarge  # more text than a CV has (and more than we check)
        # Word never writes a DTD; one with entities is built to expand ("billion laughs").
        # python-docx leaves entities unexpanded, so the text would only look checked.
        if any(b"<!DOCTYPE" in archive.read(info) for info in xml_parts):
            return Extraction("", ok=False)
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


def extract_text(data: bytes, kind: str) -> Extraction:
    """In this process, without limits of its own: for the child (and plain text)."""
    try:
        if kind == "pdf":
            extraction = _pdf_text(data)
        elif kind == "docx":
            extraction = _docx_text(data)
        else:
            extraction = Extraction(data.decode("utf-8", errors="replace"), ok=True)
    except _TooLarge:
        return Extraction("", ok=False)
    except Exception:  # a broken or hostile file must never break the upload page
        logger.warning("Could not extract text from a %s upload", kind, exc_info=True)
        return Extraction("", ok=False)
    if len(extraction.text) > MAX_TEXT_CHARS:
        return Extraction(extraction.text[:MAX_TEXT_CHARS], ok=False)
    return extraction


def _extract_in_child(data: bytes, kind: str) -> Extraction:
    from hallowerk.bounded_child import ChildFailed, run_bounded

    try:
        payload = json.loads(run_bounded(__file__, [kind], data))
        return Extraction(str(payload["text"]), ok=bool(payload["ok"]))
    except ChildFailed as failure:
        logger.warning("Reading a %s upload failed (%s): it counts as unreadable", kind,
                       failure.reason)
    except (ValueError, KeyError, TypeError):
        logger.warning("The reader of a %s upload answered nonsense", kind, exc_info=True)
    return Extraction("", ok=False)


def extract_upload_text(file_obj: IO[bytes], content_type_or_name: str) -> Extraction:
    """The text of an uploaded file, cut at MAX_TEXT_CHARS; ok=False if not (fully) read.
    Bounded in size, memory and time, whatever the file holds."""
    kind = _kind(content_type_or_name)
    if kind is None:
        return Extraction("", ok=False)
    try:
        data = _read_bytes(file_obj)
    except _TooLarge:
        return Extraction("", ok=False)
    if kind == "text":
        return extract_text(data, kind)
    return _extract_in_child(data, kind)


if __name__ == "__main__":  # the child: within hallowerk.bounded_child's limits
    found = extract_text(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), sys.argv[1])
    sys.stdout.write(json.dumps({"text": found.text, "ok": found.ok}))
