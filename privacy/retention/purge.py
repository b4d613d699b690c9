"""The platform's own periods: conversations, contact requests and vacancy responses, the
audit log and unused invitations. Each purge deletes in small batches and leaves one
DestructionRecord with counts (no personal data) per run, written batch by batch in the
same transactions as the deletions."""

from collections import Counter
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.db.models.functions import Coalesce, Greatest

from candidates.models import Candidate, ContactRequest, Thread, VacancyResponse
from employers.models import Employer
from hallowerk.models import Invitation, User
from privacy.models import DestructionRecord, RetentionRule

from .activity_archive import (
    archived_then,
    contact_requests_archive,
    conversations_archive,
    invitations_archive,
    responses_archive,
)
from .progress import retention_heartbeat
from .rules import Rules

Kind = RetentionRule.Kind
BATCH_SIZE = 1000
AUDIT_BATCH_SIZE = 5000


def _cutoff(now: datetime, months: int) -> datetime:
    return now - relativedelta(months=months)


class _Recorder:
    """The purge's DestructionRecord, written in each batch's own transaction: created by
    the first batch that deletes something, its counts added to by every later one. A crash
    between batches therefore leaves a record of exactly what was deleted (issue 12)."""

    def __init__(self, kind: str, rule: str, rules: Rules):
        self.kind, self.rule, self.months = kind, rule, rules.get(rule)
        self.record: DestructionRecord | None = None

    def add(self, counts) -> None:
        counts = Counter({label: n for label, n in counts.items() if n})
        if not counts:
            return
        if self.record is None:
            self.record = DestructionRecord.objects.create(
                kind=self.kind, rule=self.rule, rule_months=self.months,
                counts=dict(sorted(counts.items())))
            return
        self.record.counts = dict(sorted((Counter(self.record.counts) + counts).items()))
        self.record.save(update_fields=["counts"])


def _in_batches(queryset, batch_size: int, delete, recorder: _Recorder,
                order=("pk",)) -> None:
    """Delete what `queryset` selects, `batch_size` rows per transaction, until none is left;
    each transaction also writes its counts to the record and the run's heartbeat.
    `order` should follow an index that the filter uses, so each batch finds its rows at once."""
    while True:
        with transaction.atomic():
            ids = list(queryset.order_by(*order).values_list("pk", flat=True)[:batch_size])
            if ids:
                recorder.add(delete(ids))
                retention_heartbeat()
        if len(ids) < batch_size:
            return


def _django_delete(model):
    def delete(ids):
        return {label.lower(): n for label, n in model.objects.filter(pk__in=ids).delete()[1]
                .items()}
    return delete


def messages_purge(*, rules: Rules, now: datetime) -> DestructionRecord | None:
    """Whole conversations whose last message (or start, when empty) is older than the rule."""
    months = rules.get(Kind.MESSAGES)
    if months is None:
        return None
    stale = (Thread.objects.annotate(last_at=Coalesce(Max("messages__created_at"), "created_at"))
             .filter(last_at__lt=_cutoff(now, months)))
    recorder = _Recorder(DestructionRecord.Kind.MESSAGES, Kind.MESSAGES, rules)
    _in_batches(stale, BATCH_SIZE, archived_then(conversations_archive, _django_delete(Thread)),
                recorder)
    return recorder.record


def contact_requests_purge(*, rules: Rules, now: datetime) -> DestructionRecord | None:
    months = rules.get(Kind.CONTACT_REQUESTS)
    if months is None:
        return None
    cutoff = _cutoff(now, months)
    requests = ContactRequest.objects.annotate(
        last_at=Greatest("created_at", Coalesce("handled_at", "created_at"))
    ).filter(last_at__lt=cutoff)
    recorder = _Recorder(DestructionRecord.Kind.CONTACT_REQUESTS, Kind.CONTACT_REQUESTS, rules)
    _in_batches(requests, BATCH_SIZE,
                archived_then(contact_requests_archive, _django_delete(ContactRequest)), recorder)
    _in_batches(VacancyResponse.objects.filter(created_at__lt=cutoff), BATCH_SIZE,
                archived_then(responses_archive, _django_delete(VacancyResponse)), recorder)
    return recorder.record


def _audit_batch_delete(now: datetime) -> int:
    """One batch of audit rows past the audit period, deleted by the database function that
    alone may delete them (privacy/migrations/0011_audit_purge_by_owner_function.py). It
    reads the period itself and never deletes younger rows, whatever this process asks."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT privacy_auditevent_purge(%s, %s)", [now, AUDIT_BATCH_SIZE])
        return cursor.fetchone()[0]


def audit_purge(*, rules: Rules, now: datetime) -> DestructionRecord | None:
    if rules.get(Kind.AUDIT) is None:
        return None
    recorder = _Recorder(DestructionRecord.Kind.AUDIT, Kind.AUDIT, rules)
    while True:
        with transaction.atomic():
            deleted = _audit_batch_delete(now)
            if deleted:
                recorder.add({"privacy.auditevent": deleted})
                retention_heartbeat()
        if deleted < AUDIT_BATCH_SIZE:
            return recorder.record


def _unused_accounts_delete(user_ids) -> Counter:
    """Accounts that only ever existed for an invitation that was never used — not a
    jobseeker's account that belongs to a dossier (the dossier decides about that one)."""
    counts: Counter = Counter()
    unused = (User.objects.filter(pk__in=user_ids, last_login__isnull=True,
                                  password__startswith="!")
              .exclude(Exists(Invitation.objects.filter(user=OuterRef("pk"))))
              .exclude(Exists(Candidate.objects.filter(user=OuterRef("pk")))))
    for user in unused:
        counts.update({label.lower(): n for label, n in user.delete()[1].items()})
    return counts


def invitations_purge(*, rules: Rules, now: datetime) -> DestructionRecord | None:
    months = rules.get(Kind.INVITATIONS)
    if months is None:
        return None
    cutoff = _cutoff(now, months)
    finished = Invitation.objects.filter(accepted_at__isnull=True).filter(
        Q(withdrawn_at__lt=cutoff) | Q(withdrawn_at__isnull=True, expires_at__lt=cutoff))

    def delete(ids):
        invitations_archive(ids)  # the figures keep counting them
        user_ids = set(Invitation.objects.filter(pk__in=ids).values_list("user_id", flat=True))
        counts = Counter({label.lower(): n for label, n in
                          Invitation.objects.filter(pk__in=ids).delete()[1].items()})
        return counts + _unused_accounts_delete(user_ids)

    recorder = _Recorder(DestructionRecord.Kind.INVITATIONS, Kind.INVITATIONS, rules)
    _in_batches(finished, BATCH_SIZE, delete, recorder)
    return recorder.record


CONTACT_FIELDS = ("contact_first_name", "contact_last_name", "contact_email", "contact_phone")


def employer_contacts_purge(*, rules: Rules, now: datetime) -> DestructionRecord | None:
    """Blank the contact person of employers that stopped longer ago than the rule; the
    company data (not personal) stays."""
    months = rules.get(Kind.EMPLOYER_CONTACTS)
    if months is None:
        return None
    has_contact = Q()
    for name in CONTACT_FIELDS:
        has_contact |= ~Q(**{name: ""})
    stopped = Employer.objects.filter(is_active=False,
                                      deactivated_at__lt=_cutoff(now, months)).filter(has_contact)

    def blank(ids):
        updated = Employer.objects.filter(pk__in=ids).update(**dict.fromkeys(CONTACT_FIELDS, ""))
        return {"employers.employer (contactpersoon)": updated}

    recorder = _Recorder(DestructionRecord.Kind.EMPLOYER_CONTACTS, Kind.EMPLOYER_CONTACTS, rules)
    _in_batches(stopped, BATCH_SIZE, blank, recorder)
    return recorder.record
