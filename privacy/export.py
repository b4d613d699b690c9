"""Data access request (AVG art. 15): everything the catalogue names about a candidate, their
messages and the access log, as machine-readable JSON and as a readable PDF.

The jobseeker downloads it themself; a coach of their municipality can produce it on
request. Both are audited (audit_export). The records are collected per catalogue model, so
a new personal-data model must say here how its rows are found (a test checks).
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.models import Candidate, Message
from candidates.models.querysets import may_act_on
from hallowerk.models import Invitation, User
from hallowerk.roles import Role
from matching.models import SuggestionFeedback
from privacy.access_log import access_log
from privacy.audit import audit_export
from privacy.catalogue import specs_for
from privacy.models import (
    InactivityNotice,
    LegalHold,
    RetentionNotice,
    TermsAcceptance,
    TipPreference,
    TipSend,
)

FORMAT_VERSION = 1


def _one(obj) -> list:
    return [obj] if obj is not None else []


def _profile(candidate: Candidate):
    # A missing profile raises RelatedObjectDoesNotExist, an AttributeError.
    return getattr(candidate, "profile", None)


def _entries(related: str) -> Callable[[Candidate], Iterable]:
    def rows(candidate):
        profile = _profile(candidate)
        return getattr(profile, related).all() if profile else []
    return rows


# How each catalogue model's rows about one candidate are found, in the order of the export.
RECORDS: dict[str, Callable[[Candidate], Iterable[models.Model]]] = {
    "candidates.Candidate": lambda c: [c],
    "candidates.Profile": lambda c: _one(_profile(c)),
    "candidates.WorkExperience": _entries("work_experiences"),
    "candidates.Education": _entries("educations"),
    "candidates.Course": _entries("courses"),
    "candidates.LanguageSkill": _entries("language_skills"),
    "candidates.SensitiveReview": lambda c: c.sensitive_reviews.select_related("resolved_by"),
    "candidates.Thread": lambda c: c.threads.select_related("counterpart", "employer"),
    "candidates.Message": lambda c: Message.objects.filter(thread__candidate=c)
    .select_related("sender").order_by("thread_id", "created_at"),
    "candidates.ContactRequest": lambda c: c.contact_requests.select_related(
        "employer", "vacancy", "requested_by", "handled_by"),
    "candidates.VacancyResponse": lambda c: c.vacancy_responses.select_related("vacancy"),
    "hallowerk.User": lambda c: _one(c.user),
    "privacy.TipPreference": lambda c: TipPreference.objects.filter(user_id=c.user_id),
    "privacy.TipSend": lambda c: TipSend.objects.filter(user_id=c.user_id),
    "hallowerk.Invitation": lambda c: Invitation.objects.filter(user_id=c.user_id),
    "privacy.TermsAcceptance": lambda c: TermsAcceptance.objects.filter(user_id=c.user_id)
    .select_related("terms"),
    "privacy.LegalHold": lambda c: LegalHold.objects.filter(candidate=c),
    "privacy.RetentionNotice": lambda c: RetentionNotice.objects.filter(candidate=c),
    "employers.ShortlistEntry": lambda c: c.shortlist_entries.all(),
    "matching.SuggestionFeedback": lambda c: SuggestionFeedback.objects.filter(
        candidate=c).select_related("vacancy"),
    "privacy.InactivityNotice": lambda c: InactivityNotice.objects.filter(user_id=c.user_id),
}
TITLES = {
    "candidates.Candidate": gettext_lazy("Uw dossier bij de gemeente"),
    "candidates.Profile": gettext_lazy("Uw profiel"),
    "candidates.WorkExperience": gettext_lazy("Werkervaring"),
    "candidates.Education": gettext_lazy("Opleidingen"),
    "candidates.Course": gettext_lazy("Cursussen en trainingen"),
    "candidates.LanguageSkill": gettext_lazy("Talen"),
    "candidates.SensitiveReview": gettext_lazy("Controle op gevoelige gegevens"),
    "candidates.Thread": gettext_lazy("Gesprekken"),
    "candidates.Message": gettext_lazy("Berichten"),
    "candidates.ContactRequest": gettext_lazy("Contactverzoeken van werkgevers"),
    "candidates.VacancyResponse": gettext_lazy("Uw reacties op vacatures"),
    "hallowerk.User": gettext_lazy("Uw account"),
    "privacy.TipPreference": gettext_lazy("Tips per e-mail: uw keuze"),
    "privacy.TipSend": gettext_lazy("Tips die HalloWerk u stuurde"),
    "hallowerk.Invitation": gettext_lazy("Uw uitnodiging"),
    "privacy.TermsAcceptance": gettext_lazy("Voorwaarden die u accepteerde"),
    "privacy.LegalHold": gettext_lazy("Bewaarplicht"),
    "privacy.RetentionNotice": gettext_lazy("Vernietiging van uw dossier"),
    "employers.ShortlistEntry": gettext_lazy("Op een lijst van een werkgever"),
    "matching.SuggestionFeedback": gettext_lazy("Uw antwoorden op suggesties voor passend werk"),
    "privacy.InactivityNotice": gettext_lazy("Herinnering aan uw werkmatcher omdat u lang niet "
                                             "inlogde"),
}
# Catalogue models that are not part of a candidate's export, and why.
NOT_EXPORTED = {
    "employers.Employer": "data about an employer's contact person, not about the candidate",
    "privacy.AuditEvent": "exported as the access log (privacy/access_log.py)",
    "employers.Shortlist": "the employer's own list; the candidate's place on it is exported",
    "employers.SavedSearch": "an employer's saved search, not about one candidate",
    **{label: "a secret or a short-lived technical record of logging in; exporting it "
              "would weaken the account, and it says nothing the account section does not"
       for label in ("otp_totp.TOTPDevice", "otp_static.StaticDevice",
                     "otp_static.StaticToken", "account.EmailConfirmation",
                     "sessions.Session", "axes.AccessAttempt",
                     "axes.AccessAttemptExpiration", "hallowerk.TwoFactorEnrolmentLink")},
    "account.EmailAddress": "the login address, exported with the account",
    "admin.LogEntry": "what administrators changed in the technical admin, not about one "
                      "candidate",
    "privacy.PendingFileDeletion": "a file that is being deleted; the file itself is gone",
    **{label: "calculated from the profile, which is exported itself"
       for label in ("candidates.SearchDocument", "matching.CandidateRanking",
                     "matching.VacancyRanking", "matching.MatchingChange",
                     "matching.PoolEntry")},
    **{label: "about members of staff, not about the candidate"
       for label in ("hallowerk.Municipality", "employers.Vacancy", "matching.MatchingWeights",
                     "matching.WeightsChange")},
    "privacy.AccessSignal": "about staff and employer users' access, never about a candidate",
}
# Never shown, not even to the person themself.
HIDDEN_VALUES = {("hallowerk.User", "password"),
                 # Which employee put them on the list is the employer's internal business;
                 # the organisation shows in "who viewed my profile".
                 ("employers.ShortlistEntry", "added_by")}


@dataclass
class Item:
    key: str
    label: str
    value: object  # JSON-ready
    display: str


@dataclass
class Section:
    model: str
    title: str
    records: list[list[Item]] = field(default_factory=list)


@dataclass
class CandidateExport:
    generated_at: datetime
    language: str
    sections: list[Section]
    log: list

    def as_json(self) -> dict:
        return {
            "export": {"format": "hallowerk-personal-data", "version": FORMAT_VERSION,
                       "generated_at": self.generated_at, "language": self.language},
            "sections": [{"model": s.model, "title": s.title,
                          "labels": {i.key: i.label for r in s.records[:1] for i in r},
                          "records": [{i.key: i.value for i in r} for r in s.records]}
                         for s in self.sections],
            "access_log": [{"at": line.at, "action": line.action, "what": line.what,
                            "who": line.who, "details": line.details} for line in self.log],
        }


def _display(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Ja") if value else _("Nee")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, list):
        return ", ".join(_display(v) for v in value)
    return str(value)


def _person(user: User | None, candidate: Candidate) -> str | None:
    if user is None:
        return None
    if user.pk == candidate.user_id:
        return _("u zelf")
    if user.role == Role.EMPLOYER and user.employer_id:
        return f"{user.get_full_name()} ({user.employer.name})"
    return f"{user.get_full_name()} ({Role(user.role).label})"


def _value(obj: models.Model, name: str, candidate: Candidate) -> tuple[object, str]:
    """(JSON value, readable text) of one field."""
    model_field = obj._meta.get_field(name)
    if (obj._meta.label, name) in HIDDEN_VALUES:
        text = _("versleuteld opgeslagen; niet te tonen")
        return text, text
    if model_field.many_to_many:
        labels = [str(o) for o in getattr(obj, name).all()]
        return labels, _display(labels)
    if isinstance(model_field, models.FileField):
        upload = getattr(obj, name)
        if not upload:
            return None, _display(None)
        try:
            size = upload.size
        except OSError:
            size = None
        info = {"file_type": upload.name.rsplit(".", 1)[-1].lower(), "size_bytes": size}
        text = _("bestand (%(type)s), apart te downloaden") % {"type": info["file_type"]}
        return info, text
    if model_field.is_relation:
        related = getattr(obj, name)
        if related is None:
            return None, _display(None)
        if isinstance(related, User):
            text = _person(related, candidate)
        elif isinstance(related, Candidate):
            text = _("u zelf") if related.pk == candidate.pk else str(related.pk)
        else:
            text = str(related)
        return text, text
    raw = getattr(obj, name)
    choices = dict(model_field.flatchoices) if model_field.choices else None
    base = getattr(model_field, "base_field", None)
    if choices and raw in choices:
        return raw, str(choices[raw])
    if base is not None and base.choices and isinstance(raw, list):
        labels = dict(base.flatchoices)
        return raw, _display([str(labels.get(v, v)) for v in raw])
    return raw, _display(raw)


def candidate_export_build(candidate: Candidate, language: str | None = None) -> CandidateExport:
    with translation.override(language or translation.get_language()):
        language = translation.get_language()
        sections = []
        for label, rows in RECORDS.items():
            specs = specs_for(label)
            section = Section(model=label, title=str(TITLES[label]))
            for obj in rows(candidate):
                section.records.append([
                    Item(spec.field, spec.label(language), *_value(obj, spec.field, candidate))
                    for spec in specs])
            sections.append(section)
        return CandidateExport(generated_at=timezone.now(), language=language,
                               sections=sections, log=access_log(candidate))


def export_allowed(by: User, candidate: Candidate) -> bool:
    """The person themself, or a coach of their own municipality (on their request)."""
    if by.role == Role.JOBSEEKER:
        return candidate.user_id == by.pk
    return may_act_on(by, candidate)


def candidate_export(*, by: User, candidate: Candidate, kind: str, base_url: str = "",
                     request=None) -> tuple[bytes, str, str]:
    """(content, file name, content type) of the export in `kind` ("json" or "pdf")."""
    if not export_allowed(by, candidate):
        raise PermissionDenied("Only the person themself or their coach exports this.")
    if kind not in ("json", "pdf"):
        raise ValueError(kind)
    export = candidate_export_build(candidate)
    stamp = timezone.localdate().isoformat()
    if kind == "json":
        content = json.dumps(export.as_json(), cls=DjangoJSONEncoder, ensure_ascii=False,
                             indent=2).encode()
        result = (content, f"hallowerk-gegevens-{stamp}.json", "application/json")
    else:
        from weasyprint import HTML

        html = render_to_string("privacy/export/pdf.html", {
            "export": export, "candidate": candidate, "by_staff": by.pk != candidate.user_id})
        result = (HTML(string=html, base_url=base_url).write_pdf(),
                  f"hallowerk-gegevens-{stamp}.pdf", "application/pdf")
    audit_export(actor=by, kind=f"data_access_{kind}", target=candidate, request=request)
    return result
