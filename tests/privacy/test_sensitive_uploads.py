"""Sensitive-data detection in uploaded CVs: PDF and DOCX made here, broken files survive."""

import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from privacy.sensitive import extract_upload_text, scan_upload
from privacy.sensitive.extract import DOCX_TYPE

CV_HTML = """<html><body><h1>Curriculum vitae</h1>
<p>Werkervaring: magazijnmedewerker bij PostNL.</p>
<p>BSN 123456782. Ik heb een hernia gehad.</p></body></html>"""


def pdf_bytes(html: str) -> bytes:
    return HTML(string=html).write_pdf()


def docx_bytes() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jan Jansen, lid van de vakbond"
    document.add_paragraph("Ik spreek Turks en Nederlands.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Gezondheid"
    table.cell(0, 1).text = "Ik heb diabetes."
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_pdf_text_is_extracted_and_scanned():
    findings, ok = scan_upload(io.BytesIO(pdf_bytes(CV_HTML)), "application/pdf")
    assert ok
    assert {f.category.value for f in findings} == {"bsn", "health"}
    assert {f.matched_text for f in findings} == {"123456782", "hernia"}


def test_docx_paragraphs_tables_and_headers_are_scanned():
    upload = SimpleUploadedFile("cv.docx", docx_bytes(), content_type=DOCX_TYPE)
    findings, ok = scan_upload(upload, upload.name)
    assert ok
    assert sorted(f.category.value for f in findings) == ["health", "union"]
    assert upload.tell() == 0  # the file can still be stored afterwards


def test_content_type_or_name_both_work():
    data = docx_bytes()
    assert scan_upload(io.BytesIO(data), DOCX_TYPE).extracted_ok
    assert scan_upload(io.BytesIO(data), "Mijn CV.DOCX").extracted_ok


def test_broken_files_give_no_findings_and_a_flag():
    for data, kind in [
        (b"%PDF-1.7 this is not really a pdf", "application/pdf"),
        (b"PK\x03\x04 not a zip", "cv.docx"),
        (b"", "cv.pdf"),
    ]:
        assert scan_upload(io.BytesIO(data), kind) == ([], False)


def test_unknown_types_are_not_checked():
    assert scan_upload(io.BytesIO(b"\xd0\xcf\x11\xe0"), "cv.doc") == ([], False)
    assert scan_upload(io.BytesIO(b"x"), "image/png") == ([], False)


def test_a_pdf_without_text_counts_as_not_checked():
    assert scan_upload(io.BytesIO(pdf_bytes("<html><body></body></html>")), "cv.pdf") == (
        [],
        False,
    )


def test_plain_text_upload_and_extracted_text_for_highlighting():
    upload = io.BytesIO(b"Ik ben moslim.")
    assert [f.category.value for f in scan_upload(upload, "text/plain").findings] == ["religion"]
    extraction = extract_upload_text(io.BytesIO(pdf_bytes(CV_HTML)), "cv.pdf")
    assert extraction.ok and "hernia" in extraction.text
