"""The ESF report: ESF-funded dossiers of one municipality per quarter of a year — started,
ended, each outcome and placements — for the team lead and the administrator (issue 17).

It reads live dossiers plus the anonymised archive (privacy/archive_models.py), so the totals
do not drop when the retention job destroys a dossier: the archive row is written in the
destruction's own transaction. Both sides count by month (the archive keeps no finer date),
so a dossier lands in the same quarter before and after its destruction.

A dossier is ESF-funded when the coach entered an ESF programme end date; HalloWerk asks for
that date when the dossier ends, so open dossiers are not counted yet. A placement is what the
team lead's figures call one (hallowerk/stats.py): a dossier ended with the reason "ended".
Counts below SMALL_CELL are shown as "< 5", as in the other reports.

Cost: four grouped queries over the ESF dossiers of one municipality and one year (the
municipality's candidates, the archive's (municipality, month) index); nothing is stored.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count
from django.db.models.functions import ExtractQuarter
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.models import Candidate, EndReason
from hallowerk.models import Municipality
from hallowerk.stats import suppressed
from privacy.archive_models import AnonymisedDossier
from privacy.retention.report import csv_cell

QUARTERS = (1, 2, 3, 4)
# ESF dossiers are kept ten years after the programme ends; the report goes back as far.
YEARS_BACK = 10
# (figure, column label), in the order of the table and the CSV.
COLUMNS = (
    ("started", gettext_lazy("Gestart")),
    ("ended", gettext_lazy("Afgesloten")),
    (f"ended_{EndReason.BROKEN_OFF}", gettext_lazy("Afgebroken")),
    (f"ended_{EndReason.REFUSED}", gettext_lazy("Geweigerd")),
    (f"ended_{EndReason.ENDED}", gettext_lazy("Plaatsingen")),
)


def report_years(today: date | None = None) -> list[int]:
    """The years the report can show, newest first."""
    year = (today or timezone.localdate()).year
    return list(range(year, year - YEARS_BACK - 1, -1))


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _add(into: dict, rows, figure: str, split: str | None = None) -> None:
    for row in rows:
        into[row["quarter"]][figure] += row["n"]
        if split:
            into[row["quarter"]][f"{figure}_{row[split]}"] += row["n"]


def esf_count(*, municipality: Municipality, year: int) -> dict[int, dict[str, int]]:
    """{quarter: {figure: count}} for the ESF-funded dossiers of one municipality and year."""
    first, after = date(year, 1, 1), date(year + 1, 1, 1)
    counted: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    live = Candidate.objects.filter(municipality=municipality, esf_programme_end__isnull=False)
    archived = AnonymisedDossier.objects.filter(municipality=municipality, esf_funded=True)

    def grouped(queryset, moment: str, *fields: str):
        return (queryset.order_by().annotate(quarter=ExtractQuarter(moment))
                .values("quarter", *fields).annotate(n=Count("pk")))

    # A live dossier starts when it is created; the archive keeps that month (archive.py).
    _add(counted, grouped(live.filter(created_at__gte=_aware(first),
                                      created_at__lt=_aware(after)), "created_at"), "started")
    _add(counted, grouped(archived.filter(started_month__gte=first, started_month__lt=after),
                          "started_month"), "started")
    _add(counted, grouped(live.filter(dossier_ended_on__gte=first, dossier_ended_on__lt=after),
                          "dossier_ended_on", "end_reason"), "ended", split="end_reason")
    _add(counted, grouped(archived.filter(ended_month__gte=first, ended_month__lt=after),
                          "ended_month", "outcome"), "ended", split="outcome")
    return {quarter: dict(counted[quarter]) for quarter in QUARTERS}


@dataclass(frozen=True)
class EsfRow:
    label: str
    counts: dict[str, int]
    is_total: bool = False

    @property
    def cells(self) -> list[str]:
        return [suppressed(self.counts.get(name, 0)) for name, _label in COLUMNS]


@dataclass(frozen=True)
class EsfReport:
    municipality: Municipality
    year: int
    rows: list[EsfRow]

    @property
    def headers(self) -> list[str]:
        return [str(label) for _name, label in COLUMNS]


def esf_report(*, municipality: Municipality, year: int) -> EsfReport:
    counted = esf_count(municipality=municipality, year=year)
    rows = [EsfRow(_("%(n)se kwartaal") % {"n": quarter}, counted[quarter])
            for quarter in QUARTERS]
    total: dict[str, int] = defaultdict(int)
    for quarter in QUARTERS:
        for name, value in counted[quarter].items():
            total[name] += value
    rows.append(EsfRow(_("Heel %(year)s") % {"year": year}, dict(total), is_total=True))
    return EsfReport(municipality=municipality, year=year, rows=rows)


def esf_csv(report: EsfReport) -> str:
    """Semicolon-separated with a BOM, like the other reports, so Dutch Excel opens it; the
    same suppressed cells as the page."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("gemeente"), _("jaar"), _("periode"), *report.headers])
    for row in report.rows:
        writer.writerow([csv_cell(value) for value in (
            report.municipality.name, str(report.year), row.label, *row.cells)])
    return out.getvalue()
