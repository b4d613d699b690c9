"""Reads for retention, scoped by who is asking.

Administrators see no candidate for ordinary work; for retention they see the dossiers of
their own municipality (all municipalities for a platform administrator) by client number,
outcome and dates only — what they need to place a legal hold and what the data protection
officer needs, never the profile. That exception is part of the one rule:
`Candidate.objects.visible_to(viewer, Purpose.RETENTION)` (candidates/models/querysets.py).
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Sum
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from django.utils import timezone

from candidates.models import Candidate
from candidates.models.querysets import Purpose
from hallowerk.roles import Role
from privacy.models import DestructionRecord, LegalHold

from .rules import NOTICE_DAYS, Rules


def active_hold() -> Exists:
    return Exists(LegalHold.objects.filter(candidate=OuterRef("pk"), released_at__isnull=True))


def with_due_on(queryset: QuerySet[Candidate], rules: Rules) -> QuerySet[Candidate]:
    """Ended dossiers, each with `retention_due_on` and `on_hold`."""
    return (queryset.filter(dossier_ended_on__isnull=False)
            .annotate(retention_due_on=rules.dossier_due_on(), on_hold=active_hold()))


def due_by(queryset: QuerySet[Candidate], rules: Rules, day: date) -> QuerySet[Candidate]:
    """The ended dossiers of `queryset` due on or before `day`, with `retention_due_on` and
    `on_hold`. The range condition (Rules.dossier_due_by) finds them through an index; the
    exact due date is then computed for those rows only. Needs complete dossier rules."""
    return (with_due_on(queryset.filter(rules.dossier_due_by(day)), rules)
            # retention_due_on is annotated by with_due_on(), which the stubs cannot follow
            .filter(retention_due_on__lte=day))  # type: ignore[misc]


def dossiers_for_retention(viewer) -> QuerySet[Candidate]:
    """The dossiers whose retention this viewer manages or follows."""
    return Candidate.objects.visible_to(viewer, Purpose.RETENTION)


def due_soon(*, viewer, rules: Rules, today: date, days: int = NOTICE_DAYS) -> QuerySet[Candidate]:
    """Dossiers due within `days` (or overdue and still here: waiting for the notice period
    or held), soonest first."""
    if not rules.complete_for_dossiers:
        return Candidate.objects.none()
    return (due_by(dossiers_for_retention(viewer), rules, today + timedelta(days=days))
            .select_related("municipality", "responsible_coach", "retention_notice")
            .order_by("retention_due_on", "municipality__name", "client_number"))


def dossier_for_hold(viewer, pk) -> Candidate:
    """One ended dossier the administrator may place a hold on, or 404."""
    if viewer.role != Role.ADMINISTRATOR:
        return get_object_or_404(Candidate.objects.none(), pk=pk)
    return get_object_or_404(
        dossiers_for_retention(viewer).filter(dossier_ended_on__isnull=False)
        .select_related("municipality"), pk=pk)


def holds_active(viewer) -> QuerySet[LegalHold]:
    return (LegalHold.objects.filter(released_at__isnull=True,
                                     candidate__in=dossiers_for_retention(viewer))
            .select_related("candidate", "candidate__municipality", "placed_by")
            .order_by("placed_at", "pk"))


def hold_for_viewer(viewer, pk) -> LegalHold:
    return get_object_or_404(holds_active(viewer), pk=pk)


def destruction_records(viewer, *, start: date, end: date) -> QuerySet[DestructionRecord]:
    """What was destroyed from `start` to `end` (inclusive): the viewer's municipality and the
    platform-wide purges (which hold counts only)."""
    tz = timezone.get_current_timezone()
    queryset = DestructionRecord.objects.filter(
        destroyed_at__gte=datetime.combine(start, time.min, tzinfo=tz),
        destroyed_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz))
    if viewer.role != Role.ADMINISTRATOR:
        return queryset.none()
    if viewer.municipality_id is not None:
        queryset = queryset.filter(Q(municipality_id=viewer.municipality_id)
                                   | Q(municipality__isnull=True))
    return queryset.select_related("municipality").order_by("-destroyed_at", "-id")


class RecordTotal(RawSQL):
    """SQL for DestructionRecord.total: the sum of the counts in its JSON."""

    def __init__(self):
        super().__init__("(SELECT COALESCE(SUM(value::bigint), 0) FROM jsonb_each_text("
                         '"privacy_destructionrecord"."counts"))', [], output_field=IntegerField())


def destruction_totals(viewer, *, start: date, end: date) -> list[tuple[str, int, int]]:
    """(kind, number of records, rows removed) per kind over the whole period, in one query:
    the report's totals stay exact however many records its list shows."""
    rows = (destruction_records(viewer, start=start, end=end).order_by("kind").values("kind")
            .annotate(records=Count("pk"), removed=Sum(RecordTotal())))
    return [(row["kind"], row["records"], row["removed"] or 0) for row in rows]


def destruction_lookup(viewer, client_number: str) -> DestructionRecord | None:
    """Was the dossier with this client number destroyed? The record holds only an HMAC of
    municipality and client number, so we compute it for the viewer's municipality (or every
    municipality, for a platform administrator) and look for a match."""
    from hallowerk.models import Municipality

    from .destroy import opaque_id

    if viewer.role != Role.ADMINISTRATOR or not client_number:
        return None
    municipality_ids = ([viewer.municipality_id] if viewer.municipality_id is not None
                        else list(Municipality.objects.values_list("pk", flat=True)))
    ids = [opaque_id(municipality_id=m, client_number=client_number) for m in municipality_ids]
    return (DestructionRecord.objects.filter(kind=DestructionRecord.Kind.DOSSIER,
                                             opaque_id__in=ids)
            .select_related("municipality").first())
