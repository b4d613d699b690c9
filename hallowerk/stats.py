"""Aggregated figures for a municipality's team lead: counts only, never a person, never per
employee (SPEC §2, §4). Every count of persons below SMALL_CELL is shown as "< 5" so a small count
cannot point at someone.

What a "placement" is: HalloWerk does not record whether someone found work. The closest
thing it knows is a dossier the coach ended with the reason "ended" (beëindigd) — service
completed, as opposed to "broken off" or "refused". We count those as placements and say
so on the page; interviews (responses with status "invited") are shown separately.

Cost: a page view never counts a municipality. A periodic job (hallowerk/schedule.py, every
REFRESH_MINUTES) counts every municipality and period at once — one grouped pass per table —
and stores the result in MunicipalityFigures; the page reads one row and says when it was
counted. A team lead can ask for a fresh count, which a worker does for that municipality.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Aggregate, Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate, ContactRequest, EndReason, Thread, VacancyResponse
from candidates.models.querysets import visible_to_some_employer
from employers.models import Employer, Vacancy
from hallowerk.models import Invitation, Municipality, MunicipalityFigures
from hallowerk.roles import Role
from hallowerk.schedule import TEAM_FIGURES_MINUTES
from hallowerk.stats_monthly import monthly_rows
from privacy.archive_models import AnonymisedActivity, AnonymisedDossier

SMALL_CELL = 5
PERIODS = {"30": 30, "365": 365, "all": None}
DEFAULT_PERIOD = "365"
REFRESH_MINUTES = TEAM_FIGURES_MINUTES
# A count asked for within this long after the last one is not queued again.
FRESH_SECONDS = 60


def suppressed(value: int) -> str:
    """A count as shown to a team lead: small numbers hidden."""
    return "< 5" if value < SMALL_CELL else str(value)


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    persons: bool = True  # only counts of persons are hidden when small

    @property
    def shown(self) -> str:
        return suppressed(self.value) if self.persons else str(self.value)


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    figures: list[Figure]
    note: str = ""


@dataclass(frozen=True)
class Overview:
    groups: list[Group]
    computed_at: datetime

    @property
    def is_late(self) -> bool:
        """The periodic job missed more than two runs (no worker, or it keeps failing)."""
        return timezone.now() - self.computed_at > timedelta(minutes=3 * REFRESH_MINUTES)


def period_key(period: str) -> str:
    return period if period in PERIODS else DEFAULT_PERIOD


def period_start(period: str, now: datetime | None = None) -> datetime | None:
    days = PERIODS[period_key(period)]
    return None if days is None else (now or timezone.now()) - timedelta(days=days)


# --- counting: the periodic job and the on-demand refresh


def _after(field_name: str, since: datetime | None) -> Q:
    return Q(**{f"{field_name}__gte": since}) if since else Q()


def _ended_since(since: datetime | None) -> Q:
    if since is None:
        return Q(dossier_ended_on__isnull=False)
    return Q(dossier_ended_on__gte=timezone.localdate(since))


@dataclass(frozen=True)
class Source:
    """One grouped count: rows, the path from a row to its municipality, figures that describe
    the state now, and figures that count what happened since the start of a period."""

    queryset: Callable[[], QuerySet]
    municipality: str
    now: Callable[[], dict[str, Aggregate]] = dict
    since: Callable[[datetime | None], dict[str, Aggregate]] = field(
        default=lambda since: {})

    def names(self) -> list[str]:
        return [*self.now(), *self.since(None)]

    def count(self, starts: dict[str, datetime | None], municipality_ids: list[int] | None
              ) -> dict[int, dict[str, dict[str, int]]]:
        """{municipality id: {period: {figure: count}}}, in one query for every period."""
        aggregates = dict(self.now())
        for period, since in starts.items():
            aggregates.update({f"{name}_{period}": aggregate
                               for name, aggregate in self.since(since).items()})
        queryset = self.queryset()
        if municipality_ids is not None:
            queryset = queryset.filter(**{f"{self.municipality}__in": municipality_ids})
        now_names, since_names = list(self.now()), list(self.since(None))
        result = {}
        for row in queryset.order_by().values(self.municipality).annotate(**aggregates):
            if row[self.municipality] is None:
                continue
            result[row[self.municipality]] = {
                period: {**{name: row[name] for name in now_names},
                         **{name: row[f"{name}_{period}"] for name in since_names}}
                for period in starts}
        return result


def _archived_since(month_field: str, since: datetime | None) -> Q:
    return Q(**{f"{month_field}__gte": timezone.localdate(since)}) if since else Q()


def _archived_sums(names: Iterable[str], month_field: str, since: datetime | None
                   ) -> dict[str, Aggregate]:
    return {name: Coalesce(Sum(name, filter=_archived_since(month_field, since)), 0)
            for name in names}


_OPEN = Q(dossier_ended_on__isnull=True)
# Figures that an anonymised dossier carries under the same name.
ARCHIVED_COUNTS = ("invitations_sent", "invitations_accepted", "contact_requests",
                   "contact_forwarded", "contact_declined", "conversations", "responses",
                   "responses_invited")
# The same, as the purges count them (no accepted invitation is ever purged).
ARCHIVED_ACTIVITY_COUNTS = tuple(name for name in ARCHIVED_COUNTS
                                 if name != "invitations_accepted")

SOURCES = [
    Source(
        Candidate.objects.all, "municipality_id",
        now=lambda: {
            "open": Count("pk", filter=_OPEN),
            "active": Count("pk", filter=_OPEN & Q(is_active=True)),
            "inactive": Count("pk", filter=_OPEN & Q(is_active=False)),
            "hidden": Count("pk", filter=_OPEN & Q(hidden_by_staff=True)),
            # Visible to some employer: the one rule's own part (account state included).
            "shared": Count("pk", filter=visible_to_some_employer()),
            "approachable": Count("pk", filter=_OPEN & Q(directly_approachable=True)),
        },
        since=lambda since: {f"ended_{reason}": Count("pk", filter=_ended_since(since)
                                                      & Q(end_reason=reason))
                             for reason in EndReason.values}),
    Source(
        lambda: Invitation.objects.filter(role=Role.JOBSEEKER), "user__municipality_id",
        since=lambda since: {
            "invitations_sent": Count("pk", filter=_after("created_at", since)),
            "invitations_accepted": Count("pk", filter=Q(accepted_at__isnull=False)
                                          & _after("accepted_at", since)),
        }),
    Source(
        ContactRequest.objects.all, "candidate__municipality_id",
        since=lambda since: {
            "contact_requests": Count("pk", filter=_after("created_at", since)),
            "contact_forwarded": Count("pk", filter=_after("created_at", since)
                                       & Q(status=ContactRequest.Status.FORWARDED)),
            "contact_declined": Count("pk", filter=_after("created_at", since)
                                      & Q(status=ContactRequest.Status.DECLINED)),
        }),
    Source(
        lambda: Thread.objects.filter(employer__isnull=False), "candidate__municipality_id",
        since=lambda since: {"conversations": Count("pk", filter=_after("created_at", since))}),
    Source(
        VacancyResponse.objects.all, "candidate__municipality_id",
        since=lambda since: {
            "responses": Count("pk", filter=_after("created_at", since)),
            "responses_invited": Count("pk", filter=_after("created_at", since)
                                       & Q(status=VacancyResponse.Status.INVITED)),
        }),
    # What the retention job removed, kept as anonymised rows (privacy/archive_models.py):
    # destroyed dossiers and purged activity add to the same figures, so totals do not drop
    # when the job runs. A row counts in a period when its whole month lies in it (the rows
    # know no finer date).
    Source(
        AnonymisedDossier.objects.all, "municipality_id",
        since=lambda since: {
            **{f"ended_{reason}": Count("pk", filter=_archived_since("ended_month", since)
                                        & Q(outcome=reason))
               for reason in EndReason.values},
            **_archived_sums(ARCHIVED_COUNTS, "ended_month", since),
        }),
    Source(AnonymisedActivity.objects.all, "municipality_id",
           since=lambda since: _archived_sums(ARCHIVED_ACTIVITY_COUNTS, "month", since)),
    Source(lambda: Employer.objects.filter(is_active=True), "municipality_id",
           now=lambda: {"employers": Count("pk")}),
    Source(lambda: Vacancy.objects.published(), "municipality_id",
           now=lambda: {"vacancies": Count("pk")}),
]


def figures_count(*, municipality_ids: Iterable[int] | None = None,
                  now: datetime | None = None) -> dict[int, dict[str, dict[str, int]]]:
    """Every figure of every period for the given municipalities (all when None):
    {municipality id: {period: {figure: count}}}. One query per source."""
    now = now or timezone.now()
    starts = {period: period_start(period, now) for period in PERIODS}
    municipalities = Municipality.objects.order_by("pk")
    if municipality_ids is not None:
        municipalities = municipalities.filter(pk__in=list(municipality_ids))
    ids = list(municipalities.values_list("pk", flat=True))
    only = ids if municipality_ids is not None else None
    result = {pk: {period: {} for period in PERIODS} for pk in ids}
    for source in SOURCES:
        counted = source.count(starts, only)
        zeros = dict.fromkeys(source.names(), 0)
        for pk in ids:
            for period in PERIODS:
                # Added, not replaced: live rows and anonymised rows count the same figure.
                figures = result[pk][period]
                for name, value in counted.get(pk, {}).get(period, zeros).items():
                    figures[name] = figures.get(name, 0) + value
    return result


def figures_refresh(*, municipality_ids: Iterable[int] | None = None,
                    now: datetime | None = None) -> int:
    """Count and store the figures (all municipalities when None). Returns the rows written.
    Safe to run twice at once: each run writes a complete, consistent set per row."""
    now = now or timezone.now()
    counted = figures_count(municipality_ids=municipality_ids, now=now)
    rows = [MunicipalityFigures(municipality_id=pk, period=period, counts=counts,
                                computed_at=now)
            for pk, periods in counted.items() for period, counts in periods.items()]
    rows += monthly_rows(municipality_ids=list(counted), now=now)
    MunicipalityFigures.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["municipality", "period"],
        update_fields=["counts", "computed_at"])
    return len(rows)


def figures_refresh_request(*, municipality: Municipality) -> bool:
    """A team lead asks for a fresh count of their municipality: queued for a worker after
    the commit. False when the figures were counted less than FRESH_SECONDS ago."""
    from hallowerk.tasks import team_figures_refresh_task
    from privacy.queue import enqueue_on_commit

    latest = (MunicipalityFigures.objects.filter(municipality=municipality)
              .order_by("-computed_at").values_list("computed_at", flat=True).first())
    if latest and timezone.now() - latest < timedelta(seconds=FRESH_SECONDS):
        return False
    enqueue_on_commit(team_figures_refresh_task, municipality.pk)
    return True


# --- the page


def _candidates(counts: dict[str, int]) -> list[Figure]:
    return [
        Figure(_("Lopende dossiers"), counts.get("open", 0)),
        Figure(_("Actief"), counts.get("active", 0)),
        Figure(_("Inactief"), counts.get("inactive", 0)),
        Figure(_("Verborgen voor werkgevers"), counts.get("hidden", 0)),
        Figure(_("Profiel gedeeld met werkgevers"), counts.get("shared", 0)),
        Figure(_("Direct benaderbaar"), counts.get("approachable", 0)),
    ]


def _ended(counts: dict[str, int]) -> list[Figure]:
    return [Figure(label, counts.get(f"ended_{reason}", 0))
            for reason, label in EndReason.choices]


def _invitations(counts: dict[str, int]) -> list[Figure]:
    return [Figure(_("Uitnodigingen verstuurd"), counts.get("invitations_sent", 0)),
            Figure(_("Uitnodigingen geaccepteerd"), counts.get("invitations_accepted", 0))]


def _contacts(counts: dict[str, int]) -> list[Figure]:
    return [
        Figure(_("Contactverzoeken van werkgevers"), counts.get("contact_requests", 0)),
        Figure(_("Doorgestuurd naar de kandidaat"), counts.get("contact_forwarded", 0)),
        Figure(_("Niet doorgestuurd"), counts.get("contact_declined", 0)),
        Figure(_("Gesprekken tussen werkgever en kandidaat"), counts.get("conversations", 0)),
        Figure(_("Reacties op vacatures"), counts.get("responses", 0)),
        Figure(_("Uitgenodigd voor een sollicitatiegesprek"), counts.get("responses_invited", 0)),
    ]


def _placements(counts: dict[str, int]) -> list[Figure]:
    return [Figure(_("Plaatsingen"), counts.get(f"ended_{EndReason.ENDED}", 0))]


def _employers(counts: dict[str, int]) -> list[Figure]:
    # Organisations and vacancies are not personal data: shown exactly, however small.
    return [Figure(_("Werkgevers die meedoen"), counts.get("employers", 0), persons=False),
            Figure(_("Gepubliceerde vacatures"), counts.get("vacancies", 0), persons=False)]


def overview_groups(counts: dict[str, int]) -> list[Group]:
    """The page's groups from one period's counts."""
    return [
        Group("candidates", str(_("Kandidaten nu")), _candidates(counts)),
        Group("invitations", str(_("Uitnodigingen")), _invitations(counts)),
        Group("contacts", str(_("Contact met werkgevers")), _contacts(counts)),
        Group("placements", str(_("Plaatsingen")), _placements(counts),
              note=str(_("HalloWerk registreert niet of iemand werk vond. Als plaatsing tellen "
                         "we een dossier dat de werkmatcher heeft beëindigd met de reden "
                         "'Beëindigd' (dienstverlening afgerond). Dit is dus een benadering."))),
        Group("ended", str(_("Beëindigde dossiers")), _ended(counts)),
        Group("employers", str(_("Werkgevers nu")), _employers(counts)),
    ]


def municipality_overview(*, municipality: Municipality, period: str = DEFAULT_PERIOD
                          ) -> Overview | None:
    """The team lead's overview as last counted: one row read, or None before the first
    count. Current figures are 'now' at that moment; the rest count within the period."""
    row = (MunicipalityFigures.objects.filter(municipality=municipality,
                                              period=period_key(period))
           .only("counts", "computed_at").first())
    if row is None:
        return None
    return Overview(groups=overview_groups(row.counts), computed_at=row.computed_at)
