"""The team lead's monthly charts: stored monthly figures (hallowerk/stats_monthly.py) turned
into bars for an inline SVG, and the same numbers as a table for whoever does not see it.

Counts of persons below SMALL_CELL are neither drawn nor printed ("< 5"); a month that was
not recorded (the sharing rate before the first count) is shown as "–".
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.models import EndReason
from hallowerk.models import Municipality, MunicipalityFigures
from matching.models import FeedbackVerdict

from .stats import SMALL_CELL, suppressed
from .stats_monthly import MONTHLY

WIDTH, HEIGHT = 640, 220
LEFT, BOTTOM, TOP = 44, 28, 10
NOT_RECORDED = "–"


@dataclass(frozen=True)
class Series:
    label: str
    values: list[int | None]  # None: not recorded or hidden


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int  # 1-based, for the colour
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass
class Chart:
    key: str
    title: str
    description: str
    months: list[str]  # 'YYYY-MM'
    series: list[Series]
    percent: bool = False

    @property
    def month_labels(self) -> list[str]:
        return [date_format(date(int(m[:4]), int(m[5:]), 1), "M Y") for m in self.months]

    def _shown(self, value: int | None) -> str:
        if value is None:
            return NOT_RECORDED
        return f"{value}%" if self.percent else suppressed(value)

    def _drawn(self, value: int | None) -> int:
        if value is None or (not self.percent and value < SMALL_CELL):
            return 0
        return value

    @property
    def top(self) -> int:
        if self.percent:
            return 100
        highest = max((sum(self._drawn(s.values[i]) for s in self.series)
                       for i in range(len(self.months))), default=0)
        return max(SMALL_CELL * 2, _nice(highest))

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        return [(label, [self._shown(s.values[i]) for s in self.series])
                for i, label in enumerate(self.month_labels)]

    @property
    def ticks(self) -> list[Tick]:
        plot = HEIGHT - BOTTOM - TOP
        return [Tick(TOP + plot * (1 - part), f"{round(self.top * part)}"
                     + ("%" if self.percent else "")) for part in (0, 0.5, 1)]

    @property
    def bars(self) -> list[Bar]:
        plot, slot = HEIGHT - BOTTOM - TOP, (WIDTH - LEFT) / len(self.months)
        bars = []
        for i, label in enumerate(self.month_labels):
            base = HEIGHT - BOTTOM
            for number, series in enumerate(self.series, 1):
                value = self._drawn(series.values[i])
                if not value:
                    continue
                height = plot * value / self.top
                base -= height
                bars.append(Bar(round(LEFT + slot * i + slot * 0.15, 1), round(base, 1),
                                round(slot * 0.7, 1), round(height, 1), number,
                                f"{label}, {series.label}: {self._shown(series.values[i])}"))
        return bars

    @property
    def labels_x(self) -> list[tuple[float, str]]:
        slot = (WIDTH - LEFT) / len(self.months)
        return [(round(LEFT + slot * (i + 0.5), 1), label.split()[0])
                for i, label in enumerate(self.month_labels)]


def _nice(value: int) -> int:
    """The axis top: the value rounded up to 1, 2 or 5 times a power of ten."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= step * factor:
                return step * factor
        step *= 10


def _rate(counts: dict) -> int | None:
    base, shared = counts.get("sharing_base"), counts.get("sharing_shared")
    if base is None or shared is None or min(shared, base - shared) < SMALL_CELL:
        return None
    return round(100 * shared / base)


def monthly_charts(*, municipality: Municipality) -> list[Chart] | None:
    """The charts as last counted (one row read), or None before the first count."""
    stored = (MunicipalityFigures.objects.filter(municipality=municipality, period=MONTHLY)
              .values_list("counts", flat=True).first())
    if stored is None:
        return None
    months = sorted(stored)

    def values(name: str) -> list[int]:
        return [stored[m].get(name, 0) for m in months]

    return [
        Chart("inflow", _("Nieuwe kandidaten"),
              _("Hoeveel dossiers er per maand zijn begonnen."), months,
              [Series(_("Nieuwe dossiers"), values("inflow"))]),
        Chart("outflow", _("Beëindigde dossiers per reden"),
              _("Hoeveel dossiers er per maand zijn beëindigd, per reden van beëindigen."),
              months, [Series(str(label), values(f"ended_{reason}"))
                       for reason, label in EndReason.choices]),
        Chart("placements", _("Plaatsingen"),
              _("Dossiers beëindigd met de reden 'Beëindigd' (dienstverlening afgerond); een "
                "benadering, HalloWerk registreert niet of iemand werk vond."), months,
              [Series(_("Plaatsingen"), values(f"ended_{EndReason.ENDED}"))]),
        Chart("sharing", _("Deel dat het profiel deelt met werkgevers"),
              _("Van de actieve, lopende dossiers: het deel dat het profiel deelt met "
                "werkgevers, zoals geteld in die maand."), months,
              [Series(_("Profiel gedeeld"), [_rate(stored[m]) for m in months])], percent=True),
        Chart("feedback", _("Reacties op suggesties"),
              _("Hoe vaak werkzoekenden per maand zeiden of een voorgestelde vacature hen "
                "helpt of niet past."), months,
              [Series(_("Helpt"), values(f"feedback_{FeedbackVerdict.HELPS}")),
               Series(_("Past niet"), values(f"feedback_{FeedbackVerdict.DOES_NOT_FIT}"))]),
    ]


SERIES_NOTE = gettext_lazy("Aantallen kleiner dan 5 staan niet in de grafiek en als \"< 5\" "
                           "in de tabel; \"–\" betekent: niet geteld of te weinig personen.")
