"""Hostile files, made in the test: PDFs with active content, a decompression bomb, a
billion-laughs Word document, a Word document with 45 MB of text."""

import io
import zipfile
import zlib

from tests.candidates.jobseeker_helpers import docx_bytes

CV_TEXT = b"Jan Jansen - magazijnmedewerker"
SAFE_LINK = b"https://www.werk.nl/"


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return (b"<< /Length " + str(len(data)).encode() + extra + b" >>\nstream\n" + data
            + b"\nendstream")


def raw_pdf(*, catalog: bytes = b"", page: bytes = b"", objects: tuple[bytes, ...] = (),
            content: bytes | None = None) -> bytes:
    """A one-page PDF with CV_TEXT on it; `catalog` and `page` go into those dictionaries,
    `objects` are numbered from 6 on."""
    content = _stream(b"BT /F1 12 Tf 72 720 Td (" + CV_TEXT + b") Tj ET") \
        if content is None else content
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page + b" >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *objects,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
              "%%EOF\n".encode())
    return out.getvalue()


def _link(action: bytes) -> bytes:
    return b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A " + action + b" >>"


SAFE_LINK_ANNOTATION = _link(b"<< /S /URI /URI (" + SAFE_LINK + b") >>")


def javascript_pdf() -> bytes:
    """JavaScript on opening, in the document's name tree, on the page and behind a link,
    next to an ordinary web link that must stay."""
    return raw_pdf(
        catalog=b"/OpenAction 6 0 R /Names << /JavaScript << /Names [(init) 7 0 R] >> >>",
        page=b"/AA << /O << /S /JavaScript /JS (app.alert('page')) >> >> /Annots [8 0 R 9 0 R]",
        objects=(b"<< /S /JavaScript /JS (app.alert('open')) >>",
                 b"<< /S /JavaScript /JS 10 0 R >>",
                 _link(b"<< /S /JavaScript /JS (app.alert('link')) >>"),
                 SAFE_LINK_ANNOTATION,
                 _stream(b"app.launchURL('https://aanvaller.example/');")))


def launch_pdf() -> bytes:
    """A program started on opening, behind a link, and hidden in the /Next of a web link."""
    launch = b"<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>"
    return raw_pdf(
        catalog=b"/OpenAction " + launch,
        page=b"/Annots [6 0 R 7 0 R]",
        objects=(_link(launch),
                 _link(b"<< /S /URI /URI (" + SAFE_LINK + b") /Next " + launch + b" >>")))


def embedded_file_pdf() -> bytes:
    """A file in the document's EmbeddedFiles and one as an attachment on the page."""
    return raw_pdf(
        catalog=b"/Names << /EmbeddedFiles << /Names [(factuur.exe) 6 0 R] >> >>",
        page=b"/Annots [8 0 R]",
        objects=(b"<< /Type /Filespec /F (factuur.exe) /EF << /F 7 0 R >> >>",
                 _stream(b"MZ\x90\x00 not really a program", b" /Type /EmbeddedFile"),
                 b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] /FS 6 0 R >>"))


def rich_media_pdf() -> bytes:
    return raw_pdf(page=b"/Annots [6 0 R]", objects=(
        b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 200 200] "
        b"/RichMediaContent << /Assets << /Names [] >> >> >>",))


# In a stored PDF none of these may remain (the cleaner writes every dictionary plainly).
ACTIVE_MARKERS = (b"/JavaScript", b"/JS", b"/Launch", b"/AA", b"/EmbeddedFile", b"/EF",
                  b"/FileAttachment", b"/RichMedia", b"app.alert", b"cmd.exe", b"MZ\x90")


def bomb_pdf(unpacked_mb: int = 40) -> bytes:
    """A page whose content stream inflates from about 40 kB to `unpacked_mb` MB."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(packer.compress(chunk) for _ in range(unpacked_mb)) + packer.flush()
    return raw_pdf(content=_stream(packed, b" /Filter /FlateDecode"))


def _with_document_xml(document_xml: bytes) -> bytes:
    """An ordinary DOCX with its word/document.xml replaced."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document_xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


_BODY = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         b"<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>")


def billion_laughs_docx() -> bytes:
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10)
        for level in range(1, 10))
    return _with_document_xml(b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities
                              + b"]>" + _BODY % b"&lol9;")


def text_docx(megabytes: int = 45) -> bytes:
    """A Word document of about 100 kB holding `megabytes` MB of text."""
    return _with_document_xml(b'<?xml version="1.0"?>'
                              + _BODY % (b"Ervaren kok. " * (megabytes * 1024 * 1024 // 13)))
