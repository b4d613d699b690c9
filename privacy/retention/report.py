"""The retention report for administrators and the data protection officer: what is due
soon, what was destroyed in a period, what is on hold — on screen, as CSV and as PDF."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import Candidate, EndReason
from privacy.models import DestructionRecord, LegalHold, RetentionRule

from .rules import Rules, period_text
from .selectors import destruction_records, due_soon, holds_active


@dataclass
class RetentionReport:
    scope: str
    today: date
    start: date
    end: date
    due: list[Candidate]
    destroyed: list[DestructionRecord]
    holds: list[LegalHold]
    rules: Rules

    @property
    def dossiers_destroyed(self) -> int:
        return sum(1 for r in self.destroyed if r.kind == DestructionRecord.Kind.DOSSIER)

    @property
    def records_destroyed(self) -> int:
        return sum(r.total for r in self.destroyed)


def retention_report(*, viewer, start: date, end: date, today: date | None = None,
                     due_days: int | None = None) -> RetentionReport:
    today = today or timezone.localdate()
    rules = Rules.load()
    due_kwargs = {"days": due_days} if due_days is not None else {}
    due = [c for c in due_soon(viewer=viewer, rules=rules, today=today, **due_kwargs)
           if not c.on_hold]
    scope = viewer.municipality.name if viewer.municipality_id else _("alle gemeenten")
    return RetentionReport(
        scope=scope, today=today, start=start, end=end, due=due,
        destroyed=list(destruction_records(viewer, start=start, end=end)),
        holds=list(holds_active(viewer)), rules=rules)


def rule_label(kind: str) -> str:
    return str(RetentionRule.Kind(kind).label) if kind in RetentionRule.Kind.values else kind


def outcome_label(outcome: str) -> str:
    return str(EndReason(outcome).label) if outcome in EndReason.values else ""


def _cell(value) -> str:
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


def report_csv(report: RetentionReport) -> str:
    """Semicolon-separated with a BOM, so Dutch Excel opens it as it is."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Onderdeel"), _("Gemeente"), _("Kenmerk"), _("Uitkomst dossier"),
                     _("Bewaartermijn"), _("Termijn"), _("Vervaldatum"), _("Datum"),
                     _("Aantal"), _("Toelichting")])
    for row in _rows(report):
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def report_pdf(report: RetentionReport, *, base_url: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string("privacy/retention/report_pdf.html", {
        "report": report, "generated_at": timezone.localtime(),
        "destroyed_by_kind": _by_kind(report.destroyed),
        "rule_lines": [(rule_label(kind), period_text(months))
                       for kind, months in report.rules.months.items()]})
    return HTML(string=html, base_url=base_url).write_pdf()


def _by_kind(records: list[DestructionRecord]) -> list[tuple[str, int, int]]:
    """(kind label, number of records, number of rows removed) per kind."""
    totals: dict[str, list[int]] = {}
    for r in records:
        entry = totals.setdefault(r.get_kind_display(), [0, 0])
        entry[0] += 1
        entry[1] += r.total
    return [(label, n, rows) for label, (n, rows) in totals.items()]

