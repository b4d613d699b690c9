"""The retention report for administrators and the data protection officer: what is due
soon, what was destroyed in a period, what is on hold — on screen, as CSV and as PDF."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from candidates.models import EndReason
from privacy.models import DestructionRecord, RetentionRule

from .rules import Rules, period_text
from .selectors import destruction_records, destruction_totals, due_soon, holds_active

# Rows per part (due, destroyed, held) on the page and in the downloads alike, and the
# highest exact count; beyond it the report says "meer dan 1.000". A page costs what it shows:
# reading and rendering a row takes about 0.3 ms of CPU here, so 50 rows a part (150 at most)
# keep the page under 100 ms on a busy machine. A shorter period shows every destruction.
REPORT_ROWS = 50
COUNT_CAP = 1000
DOSSIER_FIELDS = ("client_number", "end_reason", "dossier_ended_on", "esf_programme_end")


@dataclass(frozen=True)
class Bounded:
    """The first REPORT_ROWS rows of a part and how many there are (exact up to COUNT_CAP)."""

    rows: list
    count: int

    @classmethod
    def of(cls, queryset) -> "Bounded":
        rows = list(queryset[:REPORT_ROWS])
        if len(rows) < REPORT_ROWS:
            return cls(rows, len(rows))
        return cls(rows, queryset.order_by()[:COUNT_CAP + 1].count())

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def truncated(self) -> bool:
        return self.count > len(self.rows)

    @property
    def count_text(self) -> str:
        if self.count > COUNT_CAP:
            return _("meer dan %(n)s") % {"n": number_format(COUNT_CAP, force_grouping=True)}
        return number_format(self.count, force_grouping=True)

    @property
    def truncated_text(self) -> str:
        return _("U ziet de eerste %(shown)s van %(total)s.") % {
            "shown": len(self.rows), "total": self.count_text}


@dataclass
class RetentionReport:
    scope: str
    today: date
    start: date
    end: date
    due: Bounded  # of Candidate, not held
    destroyed: Bounded  # of DestructionRecord, newest first
    destroyed_by_kind: list[tuple[str, int, int]]  # (kind, records, rows) in the whole period
    holds: Bounded  # of LegalHold
    rules: Rules

    @property
    def dossiers_destroyed(self) -> int:
        return sum(n for kind, n, _rows in self.destroyed_by_kind
                   if kind == DestructionRecord.Kind.DOSSIER)

    @property
    def records_destroyed(self) -> int:
        return sum(rows for _kind, _n, rows in self.destroyed_by_kind)


def retention_report(*, viewer, start: date, end: date, today: date | None = None,
                     due_days: int | None = None) -> RetentionReport:
    today = today or timezone.localdate()
    rules = Rules.load()
    due_kwargs = {"days": due_days} if due_days is not None else {}
    # Only what the report shows: a client number, outcome and dates, never the profile.
    due = (due_soon(viewer=viewer, rules=rules, today=today, **due_kwargs)
           .filter(on_hold=False).select_related(None).select_related("municipality",
                                                                      "retention_notice")
           .only(*DOSSIER_FIELDS, "municipality__name", "retention_notice__destroy_on"))
    holds = (holds_active(viewer)
             .only("reason", "placed_at", "placed_by__first_name", "placed_by__last_name",
                   "placed_by__email", "candidate__municipality__name",
                   *(f"candidate__{name}" for name in DOSSIER_FIELDS)))
    scope = viewer.municipality.name if viewer.municipality_id else _("alle gemeenten")
    return RetentionReport(
        scope=scope, today=today, start=start, end=end, due=Bounded.of(due),
        destroyed=Bounded.of(destruction_records(viewer, start=start, end=end)),
        destroyed_by_kind=destruction_totals(viewer, start=start, end=end),
        holds=Bounded.of(holds), rules=rules)


def rule_label(kind: str) -> str:
    return str(RetentionRule.Kind(kind).label) if kind in RetentionRule.Kind.values else kind


def outcome_label(outcome: str) -> str:
    return str(EndReason(outcome).label) if outcome in EndReason.values else ""


def csv_cell(value) -> str:
    """No spreadsheet formulas from data (CSV injection): a leading = + - @ is quoted."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _rows(report: RetentionReport):
    for c in report.due:
        notice = getattr(c, "retention_notice", None)
        yield [_("Binnenkort vernietigd"), c.municipality.name, c.client_number,
               outcome_label(c.end_reason), "", "", c.retention_due_on.isoformat(),
               notice.destroy_on.isoformat() if notice else "", 1,
               "" if notice else _("Nog niet gemeld")]
    for r in report.destroyed:
        yield [_("Vernietigd"), r.municipality.name if r.municipality else _("platform"),
               r.opaque_id, outcome_label(r.outcome), rule_label(r.rule),
               period_text(r.rule_months), r.due_on.isoformat() if r.due_on else "",
               timezone.localtime(r.destroyed_at).date().isoformat(), r.total,
               ", ".join(f"{label}: {n}" for label, n in r.counts.items())]
    for h in report.holds:
        yield [_("Bewaarplicht"), h.candidate.municipality.name, h.candidate.client_number,
               outcome_label(h.candidate.end_reason), "", "", "",
               timezone.localtime(h.placed_at).date().isoformat(), 1, h.reason]
    # Like the page: a part with more rows than the report holds says so.
    for part, label in ((report.due, _("Binnenkort vernietigd")),
                        (report.destroyed, _("Vernietigd")), (report.holds, _("Bewaarplicht"))):
        if part.truncated:
            yield [label, "", "", "", "", "", "", "", part.count_text, part.truncated_text]


def report_csv(report: RetentionReport) -> str:
    """Semicolon-separated with a BOM, so Dutch Excel opens it as it is."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Onderdeel"), _("Gemeente"), _("Kenmerk"), _("Uitkomst dossier"),
                     _("Bewaartermijn"), _("Termijn"), _("Vervaldatum"), _("Datum"),
                     _("Aantal"), _("Toelichting")])
    for row in _rows(report):
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def report_pdf(report: RetentionReport, *, base_url: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string("privacy/retention/report_pdf.html", {
        "report": report, "generated_at": timezone.localtime(),
        "destroyed_by_kind": [(str(DestructionRecord.Kind(kind).label), n, rows)
                              for kind, n, rows in report.destroyed_by_kind],
        "rule_lines": [(rule_label(kind), period_text(months))
                       for kind, months in report.rules.months.items()]})
    return HTML(string=html, base_url=base_url).write_pdf()

