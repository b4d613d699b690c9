"""The privacy statement, generated from the field catalogue and the retention rules.

Because the code reads the same catalogue to decide what an employer sees, what goes into
an export and what is destroyed, the statement cannot drift from what the platform does:
a field added to a model must be declared in the catalogue (a test fails otherwise), and
then it is in this statement too (another test checks every declared field is shown).
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from hallowerk.roles import Role
from privacy.catalogue import (
    CATALOGUE,
    RETENTION_DESCRIPTIONS,
    EmployerVisibility,
    FieldSpec,
    FilledBy,
    RetentionClass,
)
from privacy.catalogue_platform import DERIVED_MODELS, SECURITY_MODELS, STAFF_MODELS
from privacy.models import RetentionRule
from privacy.retention.rules import EXPLANATIONS, Rules, period_text

Kind = RetentionRule.Kind
E = EmployerVisibility

# Section key → the models in it, in the order a reader meets them.
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("dossier", ("candidates.Candidate",)),
    ("profile", ("candidates.Profile", "candidates.WorkExperience", "candidates.Education",
                 "candidates.Course", "candidates.LanguageSkill", "candidates.SensitiveReview",
                 "matching.SuggestionFeedback")),
    ("conversations", ("candidates.Thread", "candidates.Message", "candidates.ContactRequest",
                       "candidates.VacancyResponse")),
    ("account", ("hallowerk.User", "privacy.InactivityNotice")),
    ("tips", ("privacy.TipPreference", "privacy.TipSend")),
    ("retention", ("privacy.RetentionNotice", "privacy.LegalHold")),
    ("audit", ("privacy.AuditEvent", "privacy.AccessSignal")),
    ("employer", ("employers.Employer",)),
    ("employer_workspace", ("employers.Shortlist", "employers.ShortlistEntry",
                            "employers.SavedSearch")),
    ("derived", DERIVED_MODELS),
    ("security", SECURITY_MODELS),
    ("staff", STAFF_MODELS),
]
GROUP_OF = {model: key for key, models in GROUPS for model in models}


def _titles() -> dict[str, tuple[str, str]]:
    return {
        "dossier": (_("Wat de gemeente over u vastlegt"), _(
            "Uw werkmatcher vult dit in bij het eerste gesprek. U kunt het zien, maar niet "
            "veranderen. Klopt er iets niet? Vraag uw werkmatcher het te verbeteren.")),
        "profile": (_("Wat u zelf invult: uw profiel"), _(
            "U vult dit zelf in. U bepaalt zelf of werkgevers het zien. Alles wat u zelf invulde, "
            "kunt u op elk moment wissen.")),
        "conversations": (_("Berichten en contact"), _(
            "Berichten tussen u, werkgevers en uw werkmatcher, contactverzoeken van werkgevers en "
            "uw reacties op vacatures.")),
        "account": (_("Uw account"), _("Om in te loggen. Dit geldt voor iedereen die HalloWerk "
                                       "gebruikt, ook voor medewerkers en werkgevers.")),
        "tips": (_("E-mail met tips"), _(
            "HalloWerk stuurt u soms een tip om uw profiel te verbeteren. Nooit een besluit. U "
            "kunt zich altijd afmelden.")),
        "retention": (_("Bewaren en vernietigen"), _(
            "Wat HalloWerk bijhoudt om uw dossier op tijd te vernietigen, of langer te bewaren "
            "als dat moet.")),
        "audit": (_("Het logboek"), _(
            "HalloWerk schrijft op wie welke gegevens bekeek of veranderde, en wie zocht. Het "
            "logboek bevat nummers, nooit de gegevens zelf. Van medewerkers van de gemeente "
            "bewaren we ook het IP-adres; van werkzoekenden en werkgevers niet.")),
        "employer_workspace": (_("Lijsten en zoekopdrachten van werkgevers"), _(
            "Een werkgever kan kandidaten die hij interessant vindt op een lijst zetten, en een "
            "zoekopdracht bewaren. Als u uw profiel niet meer deelt, ziet de werkgever u niet "
            "meer op de lijst. Een e-mail over een zoekopdracht noemt alleen een aantal, nooit "
            "een naam.")),
        "derived": (_("Wat HalloWerk uit uw profiel berekent"), _(
            "Om u te laten vinden door werkgevers en om passend werk voor te stellen, rekent "
            "HalloWerk met uw profiel. Alleen met wat werkgevers mogen zien; nooit met uw "
            "geslacht, leeftijd, doelgroep, foto of naam.")),
        "security": (_("Inloggen en beveiliging"), _(
            "Uitnodigingen, inlogcodes, sessies en mislukte inlogpogingen. Van werkzoekenden "
            "en werkgevers bewaren we geen IP-adres en geen gegevens over uw browser.")),
        "staff": (_("Medewerkers van de gemeente"), _(
            "Welke medewerker een vacature maakte of de weging van passend werk veranderde, en "
            "wie het WerkgeversServicepunt (WSP) bereikbaar maakt.")),
        "employer": (_("Contactpersonen van werkgevers"), _(
            "De accountmanager (WSP) vult de gegevens van de werkgever in. De contactpersoon "
            "is een persoon; de rest zijn bedrijfsgegevens.")),
    }


def filled_by_text(spec: FieldSpec) -> str:
    return {
        FilledBy.JOBSEEKER: _("uzelf"),
        FilledBy.COACH: _("uw werkmatcher"),
        FilledBy.ACCOUNT_MANAGER: _("de accountmanager (WSP)"),
        FilledBy.ADMINISTRATOR: _("een beheerder van de gemeente"),
        FilledBy.EMPLOYER: _("de werkgever"),
        FilledBy.SYSTEM: _("HalloWerk zelf"),
    }[spec.filled_by]


def _employer_text(spec: FieldSpec, group: str) -> str:
    if group == "conversations":
        return _("de werkgever met wie u contact hebt")
    if group == "employer":
        return _("de werkgever zelf")
    if group == "staff":
        return _("werkgevers en werkzoekenden van de gemeente")
    if group == "employer_workspace":
        return _("de werkgever die de lijst of zoekopdracht maakte, en collega's van die "
                 "werkgever")
    return {
        E.SHOWN: _("werkgevers, alleen als u uw profiel met ze deelt"),
        E.WHEN_APPROACHABLE: _("werkgevers, alleen als u uw profiel deelt én direct benaderbaar "
                               "bent"),
        E.YES_NO: _("werkgevers zien alleen ja of nee, als u uw profiel deelt"),
    }[spec.employer]


def seen_by_text(spec: FieldSpec) -> str:
    """Which roles, in which municipalities (SPEC §4), in plain words."""
    group = GROUP_OF[spec.model]
    roles = spec.visible_to
    parts = []
    if Role.JOBSEEKER in roles or group in ("account", "security"):
        parts.append(_("uzelf"))
    if Role.COACH in roles:
        parts.append(_("werkmatchers van uw gemeente"))
    if Role.ACCOUNT_MANAGER in roles:
        if spec.employer != E.NEVER and group in ("dossier", "profile"):
            parts.append(_("accountmanagers (WSP) van uw gemeente; van andere gemeenten alleen "
                           "wat werkgevers zien"))
        else:
            parts.append(_("accountmanagers (WSP) van uw gemeente"))
    if Role.EMPLOYER in roles:
        parts.append(_employer_text(spec, group))
    if Role.ADMINISTRATOR in roles:
        parts.append(_("beheerders van uw gemeente"))
    if Role.TEAM_LEAD in roles:
        parts.append(_("teamleiders, alleen als totalen"))
    return "; ".join(parts)


def retention_text(spec: FieldSpec, rules: Rules) -> str:
    months = rules.months
    if spec.retention == RetentionClass.DOSSIER:
        return _("%(ended)s na het einde van de begeleiding (%(broken)s als de aanvraag is "
                 "afgebroken, %(refused)s als die is geweigerd). Nodig voor ESF-subsidie: "
                 "%(esf)s na het einde van dat ESF-programma. Daarna vernietigd.") % {
            "ended": period_text(months[Kind.DOSSIER_ENDED]),
            "broken": period_text(months[Kind.DOSSIER_BROKEN_OFF]),
            "refused": period_text(months[Kind.DOSSIER_REFUSED]),
            "esf": period_text(months[Kind.DOSSIER_ESF])}
    if spec.retention == RetentionClass.PROFILE:
        return _("Tot u het zelf wist of van HalloWerk weggaat, en uiterlijk tot uw dossier wordt "
                 "vernietigd.")
    if spec.retention == RetentionClass.MESSAGES:
        if spec.model in ("candidates.ContactRequest", "candidates.VacancyResponse"):
            return _("%(period)s na het verzoek of de reactie, en uiterlijk tot uw dossier wordt "
                     "vernietigd.") % {"period": period_text(months[Kind.CONTACT_REQUESTS])}
        return _("%(period)s na het laatste bericht in het gesprek, en uiterlijk tot uw dossier "
                 "wordt vernietigd.") % {"period": period_text(months[Kind.MESSAGES])}
    if spec.retention == RetentionClass.AUDIT:
        return _("%(period)s; daarna wordt het automatisch gewist.") % {
            "period": period_text(months[Kind.AUDIT])}
    if spec.retention in (RetentionClass.SECURITY, RetentionClass.DERIVED):
        nl, en = RETENTION_DESCRIPTIONS[spec.retention]
        return en if (translation.get_language() or "nl").startswith("en") else nl
    if spec.retention == RetentionClass.ACCOUNT:
        return _("Zolang uw account bestaat. Een werkzoekende: uiterlijk tot het dossier wordt "
                 "vernietigd. Een uitnodiging die niet is gebruikt: %(period)s na het "
                 "verlopen.") % {"period": period_text(months[Kind.INVITATIONS])}
    return _("Zolang de werkgever meedoet, en %(period)s daarna.") % {
        "period": period_text(months[Kind.EMPLOYER_CONTACTS])}


@dataclass
class Row:
    """Fields that share who fills them in, who sees them, why and how long: one line."""

    labels: list[str]
    filled_by: str
    seen_by: str
    purpose: str
    retention: str


@dataclass
class Section:
    key: str
    title: str
    intro: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class RuleLine:
    label: str
    period: str
    counts_from: str


@dataclass
class InactivityLine:
    municipality: str
    professional: str
    notice_days: int
    jobseeker: str


@dataclass
class Statement:
    sections: list[Section]
    rules: list[RuleLine]
    last_changed: object
    inactivity: list[InactivityLine] = field(default_factory=list)


def inactivity_lines() -> list[InactivityLine]:
    """Each municipality's own periods for unused accounts (privacy/oversight/)."""
    from hallowerk.models import Municipality
    from privacy.oversight.models import OversightSettings

    chosen = {s.municipality_id: s for s in OversightSettings.objects.all()}
    lines = []
    for municipality in Municipality.objects.order_by("name"):
        limits = chosen.get(municipality.pk) or OversightSettings()
        lines.append(InactivityLine(municipality.name,
                                    period_text(limits.professional_inactive_months),
                                    limits.deactivation_notice_days,
                                    period_text(limits.jobseeker_inactive_months)))
    return lines


def privacy_statement(language: str | None = None) -> Statement:
    """The statement in `language` (default: the active one)."""
    with translation.override(language or translation.get_language()):
        rules = Rules.load_for_display()
        language = translation.get_language()
        titles = _titles()
        sections = {key: Section(key, *titles[key]) for key, _models in GROUPS}
        for spec in CATALOGUE:
            section = sections[GROUP_OF[spec.model]]
            values = (filled_by_text(spec), seen_by_text(spec), spec.purpose(language),
                      retention_text(spec, rules))
            row = next((r for r in section.rows
                        if (r.filled_by, r.seen_by, r.purpose, r.retention) == values), None)
            if row is None:
                section.rows.append(Row([spec.label(language)], *values))
            elif spec.label(language) not in row.labels:
                row.labels.append(spec.label(language))
        rule_lines = [RuleLine(str(rule.get_kind_display()), period_text(rule.months),
                               str(EXPLANATIONS[rule.kind].counts_from))
                      for rule in RetentionRule.objects.order_by("id")]
        last = RetentionRule.objects.order_by("-changed_at").values_list("changed_at",
                                                                         flat=True).first()
        return Statement(sections=list(sections.values()), rules=rule_lines, last_changed=last,
                         inactivity=inactivity_lines())
