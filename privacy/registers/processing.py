"""The register of processing activities (GDPR art. 30), from the field catalogue and the
retention rules: one activity per purpose, with the categories of persons and data, the
recipients (roles), the periods and the security measures.

Versioned with the code: the version is a digest of the register's content, so it changes
exactly when a declaration, a purpose or a period changes.
"""

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hallowerk.roles import Role
from privacy.catalogue import CATALOGUE, Category, FieldSpec
from privacy.retention.report import csv_cell
from privacy.retention.rules import Rules
from privacy.statement import retention_text

# Whom the records of each model are about.
JOBSEEKERS, USERS, CONTACTS, PROFESSIONALS = "jobseekers", "users", "contacts", "professionals"
PERSONS_OF_MODEL = {
    "employers.Employer": CONTACTS,
    "hallowerk.User": USERS,
    "privacy.AuditEvent": USERS,
    "privacy.InactivityNotice": USERS,
    "privacy.AccessSignal": PROFESSIONALS,
    "privacy.TipPreference": JOBSEEKERS,
}


def _persons_label(key: str) -> str:
    return {
        JOBSEEKERS: _("werkzoekenden die zijn uitgenodigd"),
        USERS: _("iedereen met een account: werkzoekenden, medewerkers van de gemeente en "
                 "werkgevers"),
        CONTACTS: _("contactpersonen van werkgevers"),
        PROFESSIONALS: _("medewerkers van de gemeente en gebruikers bij werkgevers"),
    }[key]


def _category_label(category: Category) -> str:
    return {
        Category.IDENTITY: _("identificatie"),
        Category.CONTACT: _("contactgegevens"),
        Category.PROFILE: _("profiel"),
        Category.WORK: _("werk en opleiding"),
        Category.HEALTH_RELATED: _("lichamelijke mogelijkheden (ja/nee, geen diagnose)"),
        Category.TARGET_GROUP: _("doelgroep (zoals het doelgroepregister)"),
        Category.USAGE: _("gebruik van het platform"),
    }[category]


def security_measures() -> list[str]:
    """What the code enforces; each line names where (for the reader who checks)."""
    return [
        _("Tweestapsverificatie verplicht voor medewerkers en werkgevers "
          "(hallowerk/roles.py, TWO_FACTOR_REQUIRED_ROLES)."),
        _("Blokkeren na te veel mislukte inlogpogingen (django-axes)."),
        _("Zichtbaarheid per rol en gemeente op één plek vastgelegd en getest "
          "(candidates/models/querysets.py)."),
        _("Logboek van wie wat bekeek, zocht, exporteerde of veranderde; de database weigert "
          "wijzigen en wissen (privacy/migrations/0002_audit_append_only.py)."),
        _("Dagelijkse signalen van ongewone toegang voor de beheerder (privacy/oversight/)."),
        _("Bewaartermijnen automatisch uitgevoerd, met vernietigingsverklaringen "
          "(privacy/retention/)."),
        _("Waarschuwing bij gevoelige gegevens in vrije tekst en bestanden, met controle door "
          "de werkmatcher (privacy/sensitive/)."),
        _("Versleutelde verbindingen, beveiligde cookies en een Content Security Policy "
          "(hallowerk/settings/)."),
        _("Ongebruikte accounts worden gemeld en daarna uitgeschakeld "
          "(privacy/oversight/inactivity.py)."),
    ]


@dataclass
class Activity:
    purpose: str
    persons: list[str]
    categories: list[str]
    fields: list[str]
    recipients: list[str]
    retention: list[str]


@dataclass
class ProcessingRegister:
    controller: str
    legal_basis: str
    transfers: str
    activities: list[Activity]
    security: list[str]
    version: str = ""
    generated_at: object = None

    def as_data(self) -> dict:
        data = asdict(self)
        data["generated_at"] = self.generated_at.isoformat() if self.generated_at else None
        return data


def _recipients(spec: FieldSpec) -> list[str]:
    return [str(label) for role, label in Role.choices if role in spec.visible_to]


def _add(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)


def processing_register(language: str | None = None) -> ProcessingRegister:
    with translation.override(language or translation.get_language()):
        language = translation.get_language()
        rules = Rules.load_for_display()
        by_purpose: dict[str, Activity] = {}
        for spec in CATALOGUE:
            purpose = spec.purpose(language)
            activity = by_purpose.setdefault(purpose, Activity(purpose, [], [], [], [], []))
            _add(activity.persons, _persons_label(PERSONS_OF_MODEL.get(spec.model, JOBSEEKERS)))
            _add(activity.categories, _category_label(spec.category))
            _add(activity.fields, spec.label(language))
            for recipient in _recipients(spec):
                _add(activity.recipients, recipient)
            _add(activity.retention, retention_text(spec, rules))
        register = ProcessingRegister(
            controller=_("Het college van burgemeester en wethouders van elke deelnemende "
                         "gemeente, elk voor de eigen inwoners en werkgevers."),
            legal_basis=_("Participatiewet (artikel 7) en Wet SUWI: de wettelijke taak om "
                          "mensen met een bijstandsuitkering naar werk te helpen (AVG artikel "
                          "6 lid 1 onder e). Meedoen is vrijwillig en gaat op uitnodiging."),
            transfers=_("Geen doorgifte naar landen buiten de Europese Economische Ruimte."),
            activities=list(by_purpose.values()), security=security_measures())
        content = json.dumps(register.as_data(), sort_keys=True, ensure_ascii=False)
        register.version = hashlib.sha256(content.encode()).hexdigest()[:12]
        register.generated_at = timezone.localtime()
        return register


CSV_COLUMNS = ("purpose", "persons", "categories", "fields", "recipients", "retention")


def register_csv(register: ProcessingRegister) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Doel"), _("Betrokkenen"), _("Soorten gegevens"), _("Gegevens"),
                     _("Ontvangers (rollen)"), _("Bewaartermijn")])
    for activity in register.activities:
        writer.writerow([csv_cell(" | ".join(value) if isinstance(value, list) else value)
                         for value in (getattr(activity, name) for name in CSV_COLUMNS)])
    writer.writerow([])
    writer.writerow([_("Verwerkingsverantwoordelijke"), csv_cell(register.controller)])
    writer.writerow([_("Grondslag"), csv_cell(register.legal_basis)])
    writer.writerow([_("Doorgifte"), csv_cell(register.transfers)])
    writer.writerow([_("Beveiliging"), csv_cell(" | ".join(register.security))])
    writer.writerow([_("Versie"), register.version])
    return out.getvalue()


def register_pdf(register: ProcessingRegister, *, base_url: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string("privacy/registers/processing_pdf.html", {"register": register})
    return HTML(string=html, base_url=base_url).write_pdf()
