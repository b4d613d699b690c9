"""The retention periods (data an administrator can see and change) and what they mean.

A period is a number of months in a RetentionRule row. What it counts from, and why it is
this long, is written here, once, for the administrator's page and the privacy statement.
Due dates are computed in SQL (AddMonths) so a daily job can select what is due among
hundreds of thousands of dossiers without loading them.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case, DateField, F, Q, Value, When
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from candidates.models import EndReason
from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction, RetentionRule

Kind = RetentionRule.Kind

# Staff always get this many days between the notice and the destruction.
NOTICE_DAYS = 30
MIN_MONTHS, MAX_MONTHS = 1, 1200

# The periods a fresh installation starts with (privacy/migrations/0007 seeds the same).
DEFAULT_MONTHS: dict[str, int] = {
    Kind.DOSSIER_BROKEN_OFF: 12, Kind.DOSSIER_REFUSED: 60, Kind.DOSSIER_ENDED: 120,
    Kind.DOSSIER_ESF: 120, Kind.MESSAGES: 12, Kind.CONTACT_REQUESTS: 12, Kind.AUDIT: 24,
    Kind.INVITATIONS: 6, Kind.EMPLOYER_CONTACTS: 12,
}

OUTCOME_RULES: dict[str, str] = {
    EndReason.BROKEN_OFF: Kind.DOSSIER_BROKEN_OFF,
    EndReason.REFUSED: Kind.DOSSIER_REFUSED,
    EndReason.ENDED: Kind.DOSSIER_ENDED,
}
DOSSIER_RULES = (*OUTCOME_RULES.values(), Kind.DOSSIER_ESF)


@dataclass(frozen=True)
class Explanation:
    counts_from: str
    why: str


# Shown to administrators next to each period (Dutch msgids, English in the .po file).
EXPLANATIONS: dict[str, Explanation] = {
    Kind.DOSSIER_BROKEN_OFF: Explanation(
        gettext_lazy("de einddatum van het dossier"),
        gettext_lazy("VNG-selectielijst: een afgebroken aanvraag wordt 1 jaar bewaard.")),
    Kind.DOSSIER_REFUSED: Explanation(
        gettext_lazy("de einddatum van het dossier"),
        gettext_lazy("VNG-selectielijst: een geweigerde aanvraag wordt 5 jaar bewaard.")),
    Kind.DOSSIER_ENDED: Explanation(
        gettext_lazy("de einddatum van het dossier"),
        gettext_lazy("VNG-selectielijst: een beëindigd dossier wordt 10 jaar bewaard. Dit "
                     "geldt voor de HalloWerk-dossiers.")),
    Kind.DOSSIER_ESF: Explanation(
        gettext_lazy("de einddatum van het ESF-programma"),
        gettext_lazy("Nodig om ESF-subsidie te verantwoorden. Geldt alleen als de werkmatcher "
                     "een ESF-einddatum heeft ingevuld; de langste termijn telt.")),
    Kind.MESSAGES: Explanation(
        gettext_lazy("het laatste bericht in het gesprek"),
        gettext_lazy("Berichten zijn nodig zolang mensen contact hebben. Een jaar na het "
                     "laatste bericht is een gesprek afgelopen. Het hele gesprek wordt dan "
                     "gewist, en anders met het dossier.")),
    Kind.CONTACT_REQUESTS: Explanation(
        gettext_lazy("het contactverzoek of de reactie op een vacature"),
        gettext_lazy("Na een jaar is een verzoek of reactie afgehandeld en niet meer nodig. "
                     "Een gesprek dat eruit volgde, heeft zijn eigen termijn.")),
    Kind.AUDIT: Explanation(
        gettext_lazy("het moment dat de regel is geschreven"),
        gettext_lazy("Het logboek laat zien wie wat bekeek of veranderde. Het is nodig om "
                     "misbruik te ontdekken en om mensen te vertellen wie hun profiel bekeek. "
                     "Twee jaar is lang genoeg voor een klacht, een onderzoek naar een datalek "
                     "of een controle door de FG, en kort genoeg om niet meer te bewaren dan "
                     "nodig. De regels bevatten alleen nummers, nooit de gegevens zelf. Ze "
                     "blijven staan als een dossier eerder wordt vernietigd.")),
    Kind.INVITATIONS: Explanation(
        gettext_lazy("het verlopen of intrekken van de uitnodiging"),
        gettext_lazy("Een uitnodiging die niet is gebruikt, is niet meer nodig. Een account "
                     "dat daardoor nooit is gebruikt, wordt ook gewist (behalve het dossier "
                     "van een werkzoekende: dat volgt zijn eigen termijn).")),
    Kind.EMPLOYER_CONTACTS: Explanation(
        gettext_lazy("het moment dat de werkgever stopte met HalloWerk"),
        gettext_lazy("De naam, het e-mailadres en het telefoonnummer van de contactpersoon "
                     "zijn nodig zolang de werkgever meedoet. Een jaar daarna is er geen "
                     "contact meer nodig; de bedrijfsgegevens blijven.")),
}


def add_months(day: date, months: int) -> date:
    """Like PostgreSQL's date + interval: 31 January + 1 month is 28 (or 29) February."""
    return day + relativedelta(months=months)


def latest_start_due_by(day: date, months: int) -> date:
    """The last date from which a period of `months` ends on or before `day`. Adding months
    never goes back in time, so every earlier date qualifies too; the steps cover the days a
    short month cuts off (31 January + 1 month is 28 February, like 28 January)."""
    start = day - relativedelta(months=months)
    while add_months(start + timedelta(days=1), months) <= day:
        start += timedelta(days=1)
    return start


class AddMonths(models.Func):
    """SQL: CAST(date + make_interval(months => n) AS date)."""

    output_field = DateField()

    def __init__(self, day, months: int):
        super().__init__(day, Value(int(months)))

    def as_sql(self, compiler, connection, **extra):
        day_sql, day_params = compiler.compile(self.source_expressions[0])
        months_sql, months_params = compiler.compile(self.source_expressions[1])
        sql = f"CAST(({day_sql}) + make_interval(months => CAST({months_sql} AS integer)) AS date)"
        return sql, [*day_params, *months_params]


@dataclass(frozen=True)
class Rules:
    """The periods as they were read at the start of a job, so one run uses one set."""

    months: dict[str, int]

    @classmethod
    def load(cls) -> "Rules":
        return cls(dict(RetentionRule.objects.values_list("kind", "months")))

    @classmethod
    def load_for_display(cls) -> "Rules":
        """For texts only: a missing row shows its default. Jobs use load(), where a missing
        rule means that nothing of that kind is removed."""
        return cls({**DEFAULT_MONTHS, **cls.load().months})

    def get(self, kind: str) -> int | None:
        return self.months.get(kind)

    @property
    def complete_for_dossiers(self) -> bool:
        # A missing rule must never mean "destroy now": without all four, no dossier goes.
        return all(kind in self.months for kind in DOSSIER_RULES)

    def dossier_due_on(self) -> models.Expression:
        """SQL for the date a candidate's dossier is due (NULL while the dossier is open):
        the end date plus the outcome's period, or the ESF end plus the ESF period when that
        is later (PostgreSQL's GREATEST ignores a NULL ESF date)."""
        by_outcome = Case(
            *(When(end_reason=reason, then=AddMonths(F("dossier_ended_on"), self.months[kind]))
              for reason, kind in OUTCOME_RULES.items()),
            default=None, output_field=DateField())
        esf = Case(When(esf_programme_end__isnull=False,
                        then=AddMonths(F("esf_programme_end"), self.months[Kind.DOSSIER_ESF])),
                   default=None, output_field=DateField())
        return Case(When(dossier_ended_on__isnull=True, then=None),
                    default=Greatest(by_outcome, esf), output_field=DateField())

    def dossier_due_by(self, day: date) -> Q:
        """The dossiers due on or before `day`: the same rows as dossier_due_on() <= day,
        written as a range on the end date per outcome (and on the ESF end), so the index
        candidate_dossier_due finds them and the cost follows how many are due, not how
        many dossiers have ended."""
        by_outcome = Q()
        for reason, kind in OUTCOME_RULES.items():
            by_outcome |= Q(end_reason=reason, dossier_ended_on__lte=latest_start_due_by(
                day, self.months[kind]))
        esf = Q(esf_programme_end__isnull=True) | Q(esf_programme_end__lte=latest_start_due_by(
            day, self.months[Kind.DOSSIER_ESF]))
        return by_outcome & esf

    def dossier_due_on_for(self, *, ended_on: date | None, end_reason: str,
                           esf_programme_end: date | None) -> date | None:
        """The same in Python, for one dossier (tests prove both agree)."""
        if ended_on is None:
            return None
        due = add_months(ended_on, self.months[OUTCOME_RULES[end_reason]])
        if esf_programme_end is not None:
            due = max(due, add_months(esf_programme_end, self.months[Kind.DOSSIER_ESF]))
        return due


def period_text(months: int) -> str:
    """'1 jaar', '10 jaar', '18 maanden' (plain words for people, not '120 months')."""
    if months % 12 == 0:
        years = months // 12
        return ngettext("%(n)s jaar", "%(n)s jaar", years) % {"n": years}
    return ngettext("%(n)s maand", "%(n)s maanden", months) % {"n": months}


def may_change_rules(user) -> bool:
    # The periods hold for every municipality on the installation, so only a platform
    # administrator (one without a municipality) changes them; all administrators see them.
    return user.role == Role.ADMINISTRATOR and user.municipality_id is None


def retention_rule_change(*, by, rule: RetentionRule, months: int, reason: str,
                          request=None) -> RetentionRule:
    """Change one period. The old and new value and the reason go into the audit log."""
    if not may_change_rules(by):
        raise PermissionDenied("Only a platform administrator changes retention periods.")
    reason = (reason or "").strip()
    errors = {}
    if not isinstance(months, int) or not MIN_MONTHS <= months <= MAX_MONTHS:
        errors["months"] = _("Kies een termijn van %(min)s tot %(max)s maanden.") % {
            "min": MIN_MONTHS, "max": MAX_MONTHS}
    if not reason:
        errors["reason"] = _("Schrijf op waarom de termijn verandert. Dit komt in het logboek.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        rule = RetentionRule.objects.select_for_update().get(pk=rule.pk)
        old = rule.months
        if old == months:
            return rule
        rule.months = months
        rule.changed_at = timezone.now()
        rule.save(update_fields=["months", "changed_at"])
        audit_record(action=AuditAction.RETENTION_RULE_CHANGED, actor=by, request=request,
                     target=rule, data={"rule": rule.kind, "old_months": old,
                                        "new_months": months, "reason": reason})
        # Due dates moved: tell the coaches now rather than at tonight's run.
        from privacy.queue import enqueue_on_commit
        from privacy.tasks import retention_notices_task

        enqueue_on_commit(retention_notices_task)
    return rule
