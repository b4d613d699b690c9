"""Shared set-up for the jobseeker portal tests."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from candidates.models import Profile
from hallowerk.models import Occupation, Place, Sector
from hallowerk.roles import Role
from tests.factories import CandidateFactory, EmployerFactory, UserFactory, VacancyFactory


def jobseeker(**candidate_fields):
    """A jobseeker with a dossier and an empty profile (as the intake leaves it)."""
    candidate = CandidateFactory(**candidate_fields)
    Profile.objects.get_or_create(candidate=candidate)
    return candidate


def occupation(code="9412", nl="Keukenhulp", en="Kitchen helper"):
    return Occupation.objects.get_or_create(isco_code=code,
                                            defaults={"label_nl": nl, "label_en": en})[0]


def sector(code="horeca"):
    return Sector.objects.get(code=code)


def place(name="Utrecht"):
    return Place.objects.filter(name=name).order_by("-population").first()


def published_vacancy(municipality, **fields):
    employer = EmployerFactory(municipality=municipality)
    fields.setdefault("status", "published")
    fields.setdefault("published_at", timezone.now())
    return VacancyFactory(employer=employer, municipality=municipality, **fields)


def coach_of(candidate):
    return UserFactory(role=Role.COACH, municipality=candidate.municipality,
                       with_totp_device=True)


def jpeg_bytes(size=(40, 30), exif=None, color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    if exif is not None:
        image.save(buffer, format="JPEG", exif=exif)
    else:
        image.save(buffer, format="JPEG")
    return buffer.getvalue()


def png_bytes(size=(20, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (0, 120, 200, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


def gps_exif():
    """EXIF with a GPS position (52.09 N, 5.12 E) and a camera make."""
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    gps = {1: "N", 2: (52.0, 5.0, 24.0), 3: "E", 4: (5.0, 7.0, 12.0)}
    exif[0x8825] = gps  # GPSInfo IFD
    return exif


def pdf_bytes(text="Jan Jansen - magazijnmedewerker") -> bytes:
    """A minimal, valid one-page PDF with `text` on it (pypdf can read it back)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
              "%%EOF\n".encode())
    return out.getvalue()


def docx_bytes(text="Ervaren kok") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


TODAY = datetime.date.today()
