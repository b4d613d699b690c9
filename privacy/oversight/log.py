"""The audit log as the administrator reads it: scoped to their municipality, filtered,
with people named (oversight needs to know who did it) and candidates by client number."""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Page
from django.db.models import QuerySet
from django.utils import timezone

from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.pagination import CappedPaginator
from hallowerk.roles import Role
from privacy.audit import CANDIDATE
from privacy.models import AuditAction, AuditEvent
from privacy.retention.report import csv_cell

# A CSV export never holds more rows than this; the page says so and asks for a narrower
# filter (a file of the whole log would itself be a bulk export of personal data).
EXPORT_LIMIT = 50_000
# The viewer counts up to this many rows, and pages through as many.
COUNT_CAP = 10_000
PAGE_SIZE = 50
NEWEST_FIRST = ("-created_at", "-id")


@dataclass(frozen=True)
class LogFilter:
    actor: User | None = None
    role: str = ""
    candidate: Candidate | None = None
    action: str = ""
    start: date | None = None
    end: date | None = None

    def as_data(self) -> dict:
        """For the audit row of the viewer's own use: ids and codes, no names."""
        return {key: value for key, value in {
            "actor": self.actor.pk if self.actor else None, "role": self.role,
            "candidate": self.candidate.pk if self.candidate else None, "action": self.action,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None}.items() if value}


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _filtered(events: QuerySet[AuditEvent], filters: LogFilter) -> QuerySet[AuditEvent]:
    if filters.actor is not None:
        events = events.filter(actor_id=filters.actor.pk)
    if filters.role:
        events = events.filter(actor_role=filters.role)
    if filters.candidate is not None:
        events = events.filter(target_type=CANDIDATE, target_id=str(filters.candidate.pk))
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.start:
        events = events.filter(created_at__gte=_day_start(filters.start))
    if filters.end:
        events = events.filter(created_at__lt=_day_start(filters.end) + timedelta(days=1))
    return events.order_by(*NEWEST_FIRST)


class AuditLog:
    """What an administrator may read: what people of their municipality did, and anything
    done to a candidate of their municipality by someone from elsewhere (an employer of the
    region). Two disjoint parts, each read newest first along its own index
    (privacy/models.py), merged; so a page costs what it shows, and the count stops at
    COUNT_CAP ("meer dan 10.000") instead of counting a municipality's whole log.

    Django's Paginator uses it as a list: count() and slices."""

    ordered = True  # for the Paginator: the order is fixed (newest first)

    def __init__(self, *, viewer: User, filters: LogFilter):
        if viewer.role != Role.ADMINISTRATOR or viewer.municipality_id is None:
            self.parts: list[QuerySet[AuditEvent]] = []
        else:
            place = viewer.municipality_id
            self.parts = [_filtered(AuditEvent.objects.filter(municipality_id=place), filters),
                          _filtered(AuditEvent.objects.filter(other_municipality_id=place),
                                    filters)]
        self._count: int | None = None

    def count(self) -> int:
        """Exact up to COUNT_CAP; COUNT_CAP + 1 means more (see is_capped)."""
        if self._count is None:
            self._count = min(COUNT_CAP + 1, sum(
                part.order_by()[:COUNT_CAP + 1].count() for part in self.parts))
        return self._count

    @property
    def is_capped(self) -> bool:
        return self.count() > COUNT_CAP

    def __len__(self) -> int:
        return self.count()

    def _newest(self, limit: int) -> QuerySet[AuditEvent]:
        """Each part's newest `limit` rows hold the merged newest `limit`: PostgreSQL reads
        them off each index and sorts at most 2 x limit rows."""
        first, *rest = [part[:limit] for part in self.parts]
        return first.union(*rest, all=True).order_by(*NEWEST_FIRST)

    def __getitem__(self, window: slice) -> list[AuditEvent]:
        if not self.parts or not window.stop:
            return []
        return list(self._newest(window.stop)[window.start or 0:window.stop])

    def newest(self, limit: int):
        """The newest `limit` rows, streamed (for the CSV)."""
        if not self.parts:
            return iter(())
        return self._newest(limit)[:limit].iterator(chunk_size=2000)


def audit_log(*, viewer: User, filters: LogFilter) -> AuditLog:
    return AuditLog(viewer=viewer, filters=filters)


def log_page(*, viewer: User, filters: LogFilter, number) -> Page:
    """The page the viewer shows, with its rows: what /beheer/logboek/ calls (and
    scripts/bench_audit_viewer.py times). Pages stop at COUNT_CAP rows."""
    events = audit_log(viewer=viewer, filters=filters)
    page = CappedPaginator(events, PAGE_SIZE, cap=COUNT_CAP).get_page(number)
    page.rows = log_rows(page.object_list)
    page.is_capped = events.is_capped
    return page


@dataclass(frozen=True)
class LogRow:
    at: datetime
    who: str
    role: str
    action: str
    candidate: str
    target: str
    details: str


def _details(data) -> str:
    if not isinstance(data, dict):
        return ""
    return "; ".join(f"{key}: {value}" for key, value in sorted(data.items()))


def log_rows(events: Iterable[AuditEvent]) -> list[LogRow]:
    """Rows for a page or a file: two extra queries per batch, whatever its size."""
    events = list(events)
    people = {u["pk"]: u for u in User.objects.filter(
        pk__in={e.actor_id for e in events if e.actor_id}).values(
            "pk", "first_name", "last_name", "email")}
    candidate_ids = {int(e.target_id) for e in events
                     if e.target_type == CANDIDATE and e.target_id.isdigit()}
    client_numbers = {str(pk): number for pk, number in Candidate.objects.filter(
        pk__in=candidate_ids).values_list("pk", "client_number")}
    actions, roles = dict(AuditAction.choices), dict(Role.choices)
    rows = []
    for event in events:
        person = people.get(event.actor_id)
        if person:
            who = f"{person['first_name']} {person['last_name']} ({person['email']})".strip()
        else:
            who = f"#{event.actor_id}" if event.actor_id else "HalloWerk"
        is_candidate = event.target_type == CANDIDATE
        rows.append(LogRow(
            at=timezone.localtime(event.created_at), who=who,
            role=str(roles.get(event.actor_role, event.actor_role)),
            action=str(actions.get(event.action, event.action)),
            candidate=client_numbers.get(event.target_id, "") if is_candidate else "",
            target="" if is_candidate else f"{event.target_type} {event.target_id}".strip(),
            details=_details(event.data)))
    return rows


CSV_HEADER = ("tijdstip", "wie", "rol", "handeling", "klantnummer", "ander gegeven", "details")


def log_csv(events: AuditLog) -> str:
    """Semicolon-separated with a BOM, like the retention report, so Dutch Excel opens it."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    batch: list[AuditEvent] = []
    for event in events.newest(EXPORT_LIMIT):
        batch.append(event)
        if len(batch) == 2000:
            _write(writer, batch)
            batch = []
    _write(writer, batch)
    return out.getvalue()


def _write(writer, batch: list[AuditEvent]) -> None:
    for row in log_rows(batch):
        writer.writerow([csv_cell(value) for value in (
            row.at.isoformat(timespec="seconds"), row.who, row.role, row.action, row.candidate,
            row.target, row.details)])
