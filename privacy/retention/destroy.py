"""Destroying a dossier whose retention period is over (SPEC §5).

Destroyed: the dossier and everything the catalogue names about the candidate — the
profile and its entries, uploads (photo, CV), conversations and their messages, contact
requests, responses to vacancies, legal holds and notices — and the jobseeker's account
with what hangs on it (invitations, terms acceptances, 2FA devices, tip mails, login
attempts). Kept: audit rows (they hold ids, not content; the audit rule removes them), a
DestructionRecord without personal data and an AnonymisedDossier for the figures.

Batches are small transactions over rows locked with SKIP LOCKED, so the job never holds
a table, two runs never take the same dossier, and a crash loses at most one batch, which
the next run redoes.
"""

import time
from collections import Counter
from collections.abc import Callable
from datetime import date

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.crypto import salted_hmac

from candidates.models import Candidate, Profile
from privacy.models import DestructionRecord, RetentionNotice, RetentionRule

from .archive import dossier_archive
from .files import upload_storage, uploads_schedule_deletion
from .progress import retention_heartbeat
from .rules import OUTCOME_RULES, Rules
from .selectors import due_by

# Dossiers per transaction. One dossier costs ~45 ms here (about 65 statements: Django's
# cascade, the account, the archive row), and a coach editing a dossier of the batch waits
# for its locks. 20 measured 1.1-1.4 s at its longest (scripts/bench_retention.py); 10 and a
# time budget keep every batch under a second on this 2-core machine: once BATCH_SECONDS
# have gone, the batch commits what it destroyed and leaves its other locked dossiers to
# the next batch (at least one dossier per batch, so the job always moves on).
BATCH_SIZE = 10
BATCH_SECONDS = 0.5


def opaque_id(*, municipality_id: int, client_number: str) -> str:
    """Stable for one dossier, meaningless without the server's secret and the client number."""
    return salted_hmac("hallowerk.privacy.destruction", f"{municipality_id}:{client_number}",
                       algorithm="sha256").hexdigest()[:32]


def due_for_destruction(rules: Rules, today: date):
    """Due today or earlier, told at least the notice period ago, not held."""
    return (due_by(Candidate.objects.all(), rules, today).filter(on_hold=False)
            .filter(Exists(RetentionNotice.objects.filter(candidate=OuterRef("pk"),
                                                         destroy_on__lte=today))))


def _applied_rule(candidate: Candidate, rules: Rules) -> str:
    outcome_rule = OUTCOME_RULES[candidate.end_reason]
    if candidate.esf_programme_end and rules.dossier_due_on_for(
            ended_on=candidate.dossier_ended_on, end_reason=candidate.end_reason,
            esf_programme_end=None) < candidate.retention_due_on:
        return RetentionRule.Kind.DOSSIER_ESF
    return outcome_rule


def _delete_account(user, counts: Counter) -> None:
    # django-axes keeps login attempts by e-mail address and IP address.
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        deleted = model.objects.filter(username__iexact=user.email).delete()[0]
        if deleted:
            counts[model._meta.label_lower] += deleted
    counts.update({label.lower(): n for label, n in user.delete()[1].items()})


def _pending_uploads(candidate: Candidate) -> list[str]:
    """Uploads waiting for the jobseeker's confirmation (candidates/uploads.py)."""
    from candidates.uploads import pending_dir

    storage, folder = upload_storage(), pending_dir(candidate.pk)
    if not storage.exists(folder):
        return []
    return [f"{folder}/{name}" for name in storage.listdir(folder)[1]]


def dossier_destroy(*, candidate: Candidate, rules: Rules) -> DestructionRecord:
    """Destroy one dossier (call inside a transaction, with the candidate row locked and
    annotated by with_due_on)."""
    counts: Counter = Counter()
    profile = Profile.objects.filter(candidate=candidate).first()
    files = [f.name for f in (profile.photo, profile.cv) if f] if profile else []
    files += _pending_uploads(candidate)
    rule = _applied_rule(candidate, rules)
    record = DestructionRecord(
        kind=DestructionRecord.Kind.DOSSIER,
        opaque_id=opaque_id(municipality_id=candidate.municipality_id,
                            client_number=candidate.client_number),
        municipality_id=candidate.municipality_id, rule=rule, rule_months=rules.get(rule),
        outcome=candidate.end_reason, due_on=candidate.retention_due_on)
    user = candidate.user
    dossier_archive(candidate=candidate)  # the statistics survive, the person does not
    # Django's delete follows every CASCADE (profile, entries, threads, messages, requests,
    # responses, holds, notice) and tells how many of each went.
    counts.update({label.lower(): n for label, n in candidate.delete()[1].items()})
    if user is not None:
        _delete_account(user, counts)
    counts["files"] = uploads_schedule_deletion(files)
    record.counts = {label: n for label, n in sorted(counts.items()) if n}
    record.save()
    return record


def dossiers_destroy_due(*, rules: Rules, today: date, batch_size: int | None = None,
                         on_batch: Callable[[int, float], None] | None = None) -> int:
    """Destroy every due dossier, batch by batch (BATCH_SIZE dossiers or BATCH_SECONDS,
    whichever comes first). Returns how many were destroyed.
    `on_batch(size, seconds)` hears how long each batch held its locks (benchmarks, logs)."""
    if not rules.complete_for_dossiers:
        return 0
    batch_size = batch_size or BATCH_SIZE
    destroyed = 0
    while True:
        started = time.monotonic()
        with transaction.atomic():
            batch = list(due_for_destruction(rules, today)
                         .select_for_update(skip_locked=True, of=("self",))
                         .order_by("pk")[:batch_size])
            done = 0
            for candidate in batch:
                if done and time.monotonic() - started >= BATCH_SECONDS:
                    break  # the rest is unlocked at the commit and taken by the next batch
                dossier_destroy(candidate=candidate, rules=rules)
                done += 1
            retention_heartbeat()
        if on_batch is not None and done:
            on_batch(done, time.monotonic() - started)
        destroyed += done
        if done == len(batch) < batch_size:  # nothing due left (none cut off by the budget)
            return destroyed
