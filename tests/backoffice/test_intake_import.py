"""CSV import of intakes: reading the file, a result per row, nothing half-imported."""

from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.intake_import import (
    MAX_ROWS,
    ImportFileError,
    intake_csv_read,
    intake_import,
)
from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.models import AuditEvent

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db
HEADER = ("client_number;first_name;last_name;email;gender;date_of_birth;postcode;phone;"
          "service_type;directly_approachable;banenafspraak;praktijkroute;bbl;tozo")
GOOD_ROW = "K-1;Fatima;Yilmaz;fatima@example.nl;vrouw;01-05-1990;3511 AB;0612345678;samen;ja;ja;nee;;"


def csv_bytes(*lines, bom=False, delimiter=";") -> bytes:
    text = "\r\n".join(line.replace(";", delimiter) for line in lines) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def read_error(data: bytes) -> str:
    with pytest.raises(ImportFileError) as error:
        intake_csv_read(data)
    return error.value.user_message


def test_reads_semicolons_commas_bom_and_dutch_column_names():
    rows = intake_csv_read(csv_bytes(HEADER, GOOD_ROW, bom=True))
    assert rows[0].values["last_name"] == "Yilmaz" and rows[0].line == 2
    rows = intake_csv_read(csv_bytes(HEADER, GOOD_ROW, delimiter=","))
    assert rows[0].values["postcode"] == "3511 AB"
    rows = intake_csv_read(csv_bytes("Klantnummer;Voornaam;Achternaam;E-mail", "K-9;Jan;Smit;j@x.nl",
                                     "", ";;;"))
    assert len(rows) == 1 and rows[0].values == {
        "client_number": "K-9", "first_name": "Jan", "last_name": "Smit", "email": "j@x.nl"}


def test_file_level_errors_are_explained():
    assert "leeg" in read_error(b"")
    assert "UTF-8" in read_error("klantnummer;voornaam\n".encode("utf-16"))
    assert "UTF-8" in read_error("client_number;first_name;last_name;email\nK;Zoë;B;c@d.nl\n"
                                 .encode("latin-1"))
    assert "bsn" in read_error(csv_bytes(HEADER + ";bsn", GOOD_ROW + ";123456782"))
    assert "email" in read_error(csv_bytes("client_number;first_name;last_name", "K;A;B"))
    assert "twee keer" in read_error(csv_bytes("client_number;klantnummer;first_name;last_name;"
                                               "email", "K;K;A;B;c@d.nl"))
    assert "geen personen" in read_error(csv_bytes(HEADER))
    too_many = [HEADER] + [GOOD_ROW] * (MAX_ROWS + 1)
    assert str(MAX_ROWS) in read_error(csv_bytes(*too_many))
    assert "te groot" in read_error(b"client_number;first_name;last_name;email\n" + b"x" * 1_000_001)


def test_one_result_per_row_and_a_bad_row_never_half_imports(coach,
                                                             django_capture_on_commit_callbacks):
    candidate_in(client_number="K-BESTAAT")
    rows = intake_csv_read(csv_bytes(
        HEADER, GOOD_ROW,
        "K-2;Piet;Post;piet@example.nl;;1990-12-31;0000 AA;;;;;;;",       # bad postcode
        "K-3;Kees;Kok;geen-email;;;;;;;;;;",                              # bad e-mail
        "K-1;Dubbel;Dubbel;dubbel@example.nl;;;;;;;;;;",                  # twice in the file
        "K-BESTAAT;Al;Bekend;bekend@example.nl;;;;;;;;;;",                # already known
        "K-4;Sara;Smit;fatima@example.nl;;;;;;;;;;",                      # e-mail in use
        "K-5;Ali;Aksoy;ali@example.nl;robot;32-01-1990;;;elke dag;misschien;;;;",
        "K-6;Eva;Ek;eva@example.nl;;;;;;;;;;;extra",                      # extra column
        ";Zonder;Nummer;zonder@example.nl;;;;;;;;;;",
        "K-7;Goed;Ook;ook@example.nl;m;;;;voor;nee;nee;ja;ja;ja",
    ))
    with django_capture_on_commit_callbacks(execute=True):
        results = intake_import(by=coach, rows=rows)
    outcome = {r.line: (r.created, " ".join(r.reasons)) for r in results}
    assert outcome[2][0] and outcome[11][0]
    assert "Postcode: Vul een Nederlandse postcode in" in outcome[3][1]
    assert "E-mailadres" in outcome[4][1]
    assert "klantnummer" in outcome[5][1] and "klantnummer" in outcome[6][1]
    assert "al een account" in outcome[7][1]
    assert "robot" in outcome[8][1] and "32-01-1990" in outcome[8][1]
    assert "elke dag" in outcome[8][1] and "misschien" in outcome[8][1]
    assert "meer kolommen" in outcome[9][1]
    assert "Klantnummer" in outcome[10][1]
    assert sum(r.created for r in results) == 2
    assert set(Candidate.objects.values_list("client_number", flat=True)) == {
        "K-BESTAAT", "K-1", "K-7"}
    # Nothing of the skipped rows exists: no account, no half dossier.
    assert not User.objects.filter(email__in=["piet@example.nl", "ali@example.nl",
                                              "zonder@example.nl", "dubbel@example.nl"]).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["fatima@example.nl", "ook@example.nl"]
    seven = Candidate.objects.get(client_number="K-7")
    assert (seven.gender, seven.service_type) == ("male", "done_for_you")
    assert seven.tg_praktijkroute and seven.tg_bbl and seven.tg_tozo and not seven.tg_banenafspraak
    one = Candidate.objects.get(client_number="K-1")
    assert one.date_of_birth == date(1990, 5, 1) and one.directly_approachable
    assert one.responsible_coach == coach


def test_dry_run_leaves_nothing_behind(coach, django_capture_on_commit_callbacks):
    rows = intake_csv_read(csv_bytes(HEADER, GOOD_ROW, "K-1;Dubbel;D;d@example.nl;;;;;;;;;;"))
    events = AuditEvent.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        results = intake_import(by=coach, rows=rows, dry_run=True)
    assert [r.created for r in results] == [True, False]
    assert "klantnummer" in results[1].reasons[0]
    assert not Candidate.objects.exists() and not User.objects.filter(role=Role.JOBSEEKER).exists()
    assert not mail.outbox and AuditEvent.objects.count() == events


def test_preview_then_import_through_the_pages(coach_client, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("export.csv", csv_bytes(HEADER, GOOD_ROW, "K-2;B;C;fout;;;;;;;;;;"))
    response = coach_client.post(reverse("candidates:coach_import"), {"file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wordt ingeschreven" in page and "Wordt overgeslagen" in page
    assert not Candidate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(reverse("candidates:coach_import_confirm"))
    assert response.status_code == 200 and "Ingeschreven" in response.content.decode()
    assert list(Candidate.objects.values_list("client_number", flat=True)) == ["K-1"]
    assert len(mail.outbox) == 1
    # The stored file is gone: confirming twice imports nothing more.
    response = coach_client.post(reverse("candidates:coach_import_confirm"), follow=True)
    assert "geen bestand klaar" in response.content.decode()
    assert Candidate.objects.count() == 1


def test_upload_errors_on_the_page(coach_client):
    response = coach_client.post(reverse("candidates:coach_import"), {})
    assert "Kies een CSV-bestand" in response.content.decode()
    upload = SimpleUploadedFile("export.csv", b"naam;adres\nA;B\n")
    response = coach_client.post(reverse("candidates:coach_import"), {"file": upload})
    assert "kennen we niet" in " ".join(response.context["form"].errors["file"])


def test_only_coaches_import(db):
    account_manager = staff(Role.ACCOUNT_MANAGER)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        intake_import(by=account_manager, rows=intake_csv_read(csv_bytes(HEADER, GOOD_ROW)))
