"""Bulk intake from a CSV export of the municipality's client system (SPEC §9: no typing twice).

One row per person, a header row with the columns in IMPORT_COLUMNS (English names, or the
Dutch aliases people see in their export). Each row goes through the same service as the
intake form, in its own transaction: a row is created completely (dossier, profile,
account, invitation) or not at all, and every skipped row says why in Dutch. A whole file
that cannot be read is refused before any row is touched.

    rows = intake_csv_read(uploaded_bytes)          # raises ImportFileError
    results = intake_import(by=coach, rows=rows)    # one RowResult per row
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hallowerk.models import User
from hallowerk.roles import Role

from .models import Candidate, Gender, ServiceType
from .services import candidate_intake_create

MAX_FILE_BYTES = 1_000_000
MAX_ROWS = 500

# (column, Dutch aliases, required, what to write) — the documentation on the import page
# is built from this list.
IMPORT_COLUMNS: list[tuple[str, tuple[str, ...], bool, str]] = [
    ("client_number", ("klantnummer", "administratienummer"), True,
     gettext_lazy("Het klantnummer in uw klantsysteem. Nooit het BSN.")),
    ("first_name", ("voornaam",), True, gettext_lazy("Voornaam.")),
    ("last_name", ("achternaam",), True, gettext_lazy("Achternaam, met tussenvoegsel.")),
    ("email", ("e-mail", "e-mailadres", "email_adres"), True,
     gettext_lazy("E-mailadres. Hier komt de uitnodiging.")),
    ("gender", ("geslacht",), False,
     gettext_lazy("vrouw, man, anders of onbekend (leeg: onbekend).")),
    ("date_of_birth", ("geboortedatum",), False,
     gettext_lazy("dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 31-12-1990.")),
    ("postcode", (), False, gettext_lazy("Bijvoorbeeld 3511 AB.")),
    ("phone", ("telefoon", "telefoonnummer"), False, gettext_lazy("Bijvoorbeeld 06 12345678.")),
    ("service_type", ("dienstverlening", "soort_dienstverlening"), False,
     gettext_lazy("zelfservice, samen of voor (leeg: samen).")),
    ("directly_approachable", ("direct_benaderbaar",), False,
     gettext_lazy("ja of nee (leeg: nee).")),
    ("banenafspraak", ("tg_banenafspraak",), False, gettext_lazy("ja of nee (leeg: nee).")),
    ("praktijkroute", ("tg_praktijkroute",), False, gettext_lazy("ja of nee (leeg: nee).")),
    ("bbl", ("tg_bbl",), False, gettext_lazy("ja of nee (leeg: nee).")),
    ("tozo", ("tg_tozo",), False, gettext_lazy("ja of nee (leeg: nee).")),
]
_COLUMN_BY_NAME = {name: column for column, aliases, _req, _doc in IMPORT_COLUMNS
                   for name in (column, *aliases)}
REQUIRED_COLUMNS = [column for column, _aliases, required, _doc in IMPORT_COLUMNS if required]
_TICKS = {"directly_approachable": "directly_approachable", "banenafspraak": "tg_banenafspraak",
          "praktijkroute": "tg_praktijkroute", "bbl": "tg_bbl", "tozo": "tg_tozo"}

_TRUE = {"ja", "j", "yes", "y", "1", "true", "waar", "x"}
_FALSE = {"nee", "n", "no", "0", "false", "onwaar", ""}
_GENDERS = {"vrouw": Gender.FEMALE, "v": Gender.FEMALE, "man": Gender.MALE, "m": Gender.MALE,
            "anders": Gender.OTHER, "x": Gender.OTHER, "onbekend": Gender.UNKNOWN,
            "": Gender.UNKNOWN, **{value: value for value in Gender.values}}
_SERVICE_TYPES = {"zelfservice": ServiceType.SELF_SERVICE, "samen": ServiceType.TOGETHER,
                  "voor": ServiceType.DONE_FOR_YOU, "": ServiceType.TOGETHER,
                  **{value: value for value in ServiceType.values}}
_DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]


class ImportFileError(Exception):
    """The file as a whole cannot be imported; `user_message` says why, in Dutch."""

    def __init__(self, user_message: str):
        super().__init__(user_message)
        self.user_message = user_message


@dataclass
class ImportRow:
    line: int  # the line number people see in their spreadsheet (header = 1)
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)


@dataclass
class RowResult:
    line: int
    client_number: str
    name: str
    created: bool
    reasons: list[str] = field(default_factory=list)
    candidate_id: int | None = None


# --- reading the file -----------------------------------------------------------------

def _decode(data: bytes) -> str:
    if not data.strip():
        raise ImportFileError(_("Het bestand is leeg."))
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(_(
            "Het bestand is te groot (%(size)s kB). Het mag maximaal %(max)s kB zijn. Splits "
            "het bestand in delen.") % {"size": len(data) // 1000, "max": MAX_FILE_BYTES // 1000})
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError:
        raise ImportFileError(_(
            "Het bestand is niet opgeslagen als UTF-8. Kies in Excel bij 'Opslaan als' de "
            "soort 'CSV UTF-8 (door komma's gescheiden)'.")) from None
    if "\x00" in text:
        # PostgreSQL cannot store a NUL character; a file saved as "Unicode text" (UTF-16)
        # is full of them and still decodes as UTF-8.
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError(_(
            "Regel %(line)s van het bestand bevat een onzichtbaar nulteken. Zo'n teken kan niet "
            "in HalloWerk. Sla het bestand in Excel opnieuw op als 'CSV UTF-8 (door komma's "
            "gescheiden)' en probeer het nog een keer.") % {"line": line})
    return text


def _delimiter(header_line: str) -> str:
    return max([";", ",", "\t"], key=header_line.count)


def _columns(header: list[str]) -> list[str]:
    names = [re.sub(r"\s+", "_", (name or "").strip().lower()) for name in header]
    unknown = [raw for raw, name in zip(header, names, strict=True)
               if name not in _COLUMN_BY_NAME]
    if unknown:
        raise ImportFileError(_(
            "Deze kolommen kennen we niet: %(columns)s. Gebruik de kolomnamen uit de "
            "uitleg hieronder, of haal de kolom weg.") % {"columns": ", ".join(unknown)})
    columns = [_COLUMN_BY_NAME[name] for name in names]
    doubles = sorted({column for column in columns if columns.count(column) > 1})
    if doubles:
        raise ImportFileError(_("Deze kolommen staan er twee keer in: %(columns)s.")
                              % {"columns": ", ".join(doubles)})
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise ImportFileError(_("Deze verplichte kolommen ontbreken: %(columns)s.")
                              % {"columns": ", ".join(missing)})
    return columns


def intake_csv_read(data: bytes) -> list[ImportRow]:
    """The rows of the file, or ImportFileError when the file as a whole is unusable."""
    text = _decode(data)
    first_line = text.splitlines()[0] if text.splitlines() else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
        columns = _columns(header)
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue  # an empty line, often at the end of an export
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(_(
                    "Het bestand heeft meer dan %(max)s regels. Importeer maximaal %(max)s "
                    "personen per keer; splits het bestand in delen.") % {"max": MAX_ROWS})
            row = ImportRow(line=reader.line_num, values={
                column: value.strip() for column, value in zip(columns, values, strict=False)})
            if len(values) > len(columns):
                row.problems.append(_("Deze regel heeft meer kolommen dan de kopregel. Staat "
                                      "er een puntkomma of komma in een waarde?"))
            rows.append(row)
    except csv.Error as error:
        raise ImportFileError(_("Het bestand is geen geldig CSV-bestand (regel %(line)s).")
                              % {"line": reader.line_num}) from error
    if not rows:
        raise ImportFileError(_("Het bestand heeft een kopregel maar geen personen."))
    return rows


# --- turning a row into an intake -------------------------------------------------------

def _yes_no(row: ImportRow, column: str) -> bool:
    value = row.values.get(column, "").lower()
    if value in _TRUE:
        return True
    if value not in _FALSE:
        row.problems.append(_("Vul ja of nee in bij %(column)s (nu: '%(value)s').")
                            % {"column": column, "value": row.values[column]})
    return False


def _choice(row: ImportRow, column: str, table: dict, explanation: str) -> str:
    value = row.values.get(column, "").lower()
    if value in table:
        return table[value]
    row.problems.append(_("%(column)s '%(value)s' kennen we niet. Gebruik %(explanation)s")
                        % {"column": column, "value": row.values[column],
                           "explanation": explanation})
    return ""


def _date(row: ImportRow, column: str) -> date | None:
    value = row.values.get(column, "")
    if not value:
        return None
    for date_format in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, date_format).date()  # noqa: DTZ007 (a date)
        except ValueError:
            continue
        if parsed > timezone.localdate() or parsed.year < 1900:
            break
        return parsed
    row.problems.append(_("De geboortedatum '%(value)s' klopt niet. Schrijf dd-mm-jjjj, "
                          "bijvoorbeeld 31-12-1990.") % {"value": value})
    return None


def _intake_arguments(row: ImportRow) -> dict:
    values = row.values
    arguments = {
        "client_number": values.get("client_number", ""),
        "first_name": values.get("first_name", ""),
        "last_name": values.get("last_name", ""),
        "email": values.get("email", ""),
        "gender": _choice(row, "gender", _GENDERS, _("vrouw, man, anders of onbekend.")),
        "date_of_birth": _date(row, "date_of_birth"),
        "postcode": values.get("postcode", ""),
        "phone": values.get("phone", ""),
        "service_type": _choice(row, "service_type", _SERVICE_TYPES,
                                _("zelfservice, samen of voor.")),
    }
    for column, argument in _TICKS.items():
        arguments[argument] = _yes_no(row, column)
    return arguments


def _labelled(error: ValidationError) -> list[str]:
    """'Postcode: Vul een Nederlandse postcode in …' — which value is wrong, and why."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    reasons = []
    for name, messages in error.message_dict.items():
        try:
            label = str(Candidate._meta.get_field(name).verbose_name)
            label = label[:1].upper() + label[1:]
        except Exception:  # noqa: BLE001 (NON_FIELD_ERRORS and the like have no field)
            label = ""
        reasons.extend(f"{label}: {message}" if label else message for message in messages)
    return reasons


def _import_row(*, by: User, row: ImportRow, request=None) -> RowResult:
    values = row.values
    result = RowResult(line=row.line, client_number=values.get("client_number", ""),
                       name=f"{values.get('first_name', '')} {values.get('last_name', '')}".strip(),
                       created=False)
    arguments = _intake_arguments(row)
    if row.problems:
        result.reasons = list(row.problems)
        return result
    try:
        # Its own transaction (a savepoint inside a dry run): all of the row, or nothing.
        with transaction.atomic():
            candidate, _token = candidate_intake_create(by=by, request=request, **arguments)
    except ValidationError as error:
        result.reasons = _labelled(error)
        return result
    result.created = True
    result.candidate_id = candidate.pk
    return result


def intake_import(*, by: User, rows: list[ImportRow], dry_run: bool = False,
                  request=None) -> list[RowResult]:
    """Import every row on its own; a bad row never stops or half-imports another.

    With `dry_run` the very same work is done and then rolled back (no account, no e-mail,
    no audit event remains), so the preview shows exactly what the import will do —
    including duplicates within the file.
    """
    if by.role != Role.COACH:
        raise PermissionDenied("Only a coach imports intakes.")
    if not dry_run:
        return [_import_row(by=by, row=row, request=request) for row in rows]
    with transaction.atomic():
        results = [_import_row(by=by, row=row, request=request) for row in rows]
        transaction.set_rollback(True)
    for result in results:
        result.candidate_id = None
    return results
