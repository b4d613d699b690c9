"""Counts of what a purge removes, per municipality and month (privacy/archive_models.py,
AnonymisedActivity). Each function takes the ids of one batch and runs inside the batch's
transaction, before the delete: the counts exist exactly when the rows are gone."""

from collections.abc import Callable

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from candidates.models import ContactRequest, Thread, VacancyResponse
from hallowerk.models import Invitation
from hallowerk.roles import Role
from privacy.archive_models import AnonymisedActivity

COLUMNS = ("invitations_sent", "contact_requests", "contact_forwarded", "contact_declined",
           "conversations", "responses", "responses_invited")
_TABLE = AnonymisedActivity._meta.db_table
# Adds to the month's row, or starts it; two batches at once both count (the row lock of
# ON CONFLICT serialises them). Built once from the constants above, never from input.
_UPSERT = (
    f"INSERT INTO {_TABLE} (municipality_id, month, {', '.join(COLUMNS)}) "  # noqa: S608
    f"VALUES (%s, %s, {', '.join(['%s'] * len(COLUMNS))}) "
    f"ON CONFLICT (municipality_id, month) DO UPDATE SET "
    + ", ".join(f"{name} = {_TABLE}.{name} + EXCLUDED.{name}" for name in COLUMNS))


def _add(rows: QuerySet, municipality: str, aggregates: dict) -> None:
    grouped = (rows.annotate(month=TruncMonth("created_at",
                                              tzinfo=timezone.get_current_timezone()))
               .values(municipality, "month").annotate(**aggregates).order_by())
    with connection.cursor() as cursor:
        for row in grouped:
            if row[municipality] is None:
                continue
            month = row["month"]
            month = month.date() if hasattr(month, "date") else month
            cursor.execute(_UPSERT, [row[municipality], month,
                                 *(row.get(column, 0) for column in COLUMNS)])


def contact_requests_archive(ids) -> None:
    _add(ContactRequest.objects.filter(pk__in=ids), "candidate__municipality_id", {
        "contact_requests": Count("pk"),
        "contact_forwarded": Count("pk", filter=Q(status=ContactRequest.Status.FORWARDED)),
        "contact_declined": Count("pk", filter=Q(status=ContactRequest.Status.DECLINED))})


def responses_archive(ids) -> None:
    _add(VacancyResponse.objects.filter(pk__in=ids), "candidate__municipality_id", {
        "responses": Count("pk"),
        "responses_invited": Count("pk", filter=Q(status=VacancyResponse.Status.INVITED))})


def conversations_archive(ids) -> None:
    _add(Thread.objects.filter(pk__in=ids, employer__isnull=False),
         "candidate__municipality_id", {"conversations": Count("pk")})


def invitations_archive(ids) -> None:
    _add(Invitation.objects.filter(pk__in=ids, role=Role.JOBSEEKER), "user__municipality_id",
         {"invitations_sent": Count("pk")})


def archived_then(archive: Callable, delete: Callable) -> Callable:
    """A purge's batch delete that counts what it removes first."""
    def run(ids):
        archive(ids)
        return delete(ids)
    return run
