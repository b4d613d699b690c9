"""Fault tests for the retention job: a crash half-way, two runs at once, locked rows."""

import datetime
import threading

import pytest
from django.db import DatabaseError, connection, connections
from freezegun import freeze_time

from candidates.models import Candidate
from privacy.models import DestructionRecord, LegalHold, PendingFileDeletion
from privacy.retention import destroy
from privacy.retention.files import upload_storage
from privacy.retention.run import LOCK_KEY, retention_run
from tests.browser.conftest import reseed_data_migrations
from tests.factories import UserFactory, municipality
from tests.faults.checkpoints import fault_checkpoint
from tests.privacy.privacyops_data import full_candidate

D = datetime.date
DUE = D(2025, 6, 1)


def run_on(day):
    with freeze_time(f"{day.isoformat()} 02:30:00+02:00"):
        return retention_run()


def due_candidates(n, prefix="Zf"):
    return [full_candidate(f"{prefix}{i}", ended_on=D(2024, 6, 1), end_reason="broken_off")
            for i in range(n)]


CRASH_SQL = """
CREATE FUNCTION test_simulated_crash() RETURNS trigger AS $$
BEGIN
    IF OLD.id = %s THEN RAISE EXCEPTION 'simulated crash in the middle of a batch'; END IF;
    RETURN OLD;
END; $$ LANGUAGE plpgsql;
CREATE TRIGGER test_simulated_crash BEFORE DELETE ON candidates_profile
FOR EACH ROW EXECUTE FUNCTION test_simulated_crash();
"""


@pytest.mark.django_db
def test_a_purge_interrupted_half_way_is_finished_by_the_next_run(monkeypatch):
    monkeypatch.setattr(destroy, "BATCH_SIZE", 2)
    due = due_candidates(5)
    open_dossier = full_candidate("Zfopen")
    held = full_candidate("Zfheld", ended_on=D(2024, 6, 1), end_reason="broken_off")
    admin = UserFactory(role="administrator", municipality=municipality())
    LegalHold.objects.create(candidate=held, reason="Rechtszaak", placed_by=admin)
    run_on(DUE - datetime.timedelta(days=30))  # the notices
    files = {c.pk: [c.profile.photo.name, c.profile.cv.name] for c in due}
    storage = upload_storage()

    # The database fails while deleting the 4th dossier: the 2nd batch (3rd and 4th) must
    # roll back completely, the 1st batch stays done.
    with connection.cursor() as cursor:
        cursor.execute(CRASH_SQL % int(due[3].profile.pk))
    fault_checkpoint("before the purge")
    with pytest.raises(DatabaseError):
        run_on(DUE)
    fault_checkpoint("the database failed in the 2nd batch")
    remaining = set(Candidate.objects.filter(pk__in=[c.pk for c in due])
                    .values_list("pk", flat=True))
    assert remaining == {due[2].pk, due[3].pk, due[4].pk}
    assert DestructionRecord.objects.filter(kind="dossier").count() == 2
    for c in due[2:]:
        assert all(storage.exists(name) for name in files[c.pk]), "rolled back: files stay"
        assert c.__class__.objects.get(pk=c.pk).profile.work_experiences.exists()
    # The crash came after the first batch committed but before its files were removed:
    # the pending rows remember them.
    assert PendingFileDeletion.objects.count() == 4

    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER test_simulated_crash ON candidates_profile")
    result = run_on(DUE)
    assert result.dossiers == 3
    assert not Candidate.objects.filter(pk__in=[c.pk for c in due]).exists()
    records = DestructionRecord.objects.filter(kind="dossier")
    assert records.count() == 5
    assert len(set(records.values_list("opaque_id", flat=True))) == 5, "each dossier once"
    assert not any(storage.exists(name) for names in files.values() for name in names)
    assert not PendingFileDeletion.objects.exists()
    fault_checkpoint("after the next run")
    # Nothing lost that should stay.
    assert Candidate.objects.filter(pk__in=[open_dossier.pk, held.pk]).count() == 2
    assert storage.exists(open_dossier.profile.cv.name)
    assert storage.exists(held.profile.cv.name)


@pytest.mark.django_db
def test_a_second_run_while_one_holds_the_lock_does_nothing():
    candidate = due_candidates(1)[0]
    run_on(DUE - datetime.timedelta(days=30))
    holding, release = threading.Event(), threading.Event()

    def hold_lock():
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
            holding.set()
            release.wait(10)
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        connections["default"].close()

    thread = threading.Thread(target=hold_lock)
    thread.start()
    assert holding.wait(10)
    try:
        assert run_on(DUE).skipped
        assert Candidate.objects.filter(pk=candidate.pk).exists()
    finally:
        release.set()
        thread.join(10)
    assert run_on(DUE).dossiers == 1


@pytest.fixture
def committed_db(transactional_db):
    reseed_data_migrations()


def test_a_dossier_locked_by_someone_else_is_skipped_and_taken_next_time(committed_db):
    due = due_candidates(3, prefix="Zl")
    run_on(DUE - datetime.timedelta(days=30))
    locked, release = threading.Event(), threading.Event()

    def lock_row():
        from django.db import transaction

        with transaction.atomic():
            Candidate.objects.select_for_update().get(pk=due[1].pk)
            locked.set()
            release.wait(20)
        connections["default"].close()

    thread = threading.Thread(target=lock_row)
    thread.start()
    assert locked.wait(10)
    try:
        result = run_on(DUE)  # does not wait for the lock
        assert result.dossiers == 2
        assert Candidate.objects.filter(pk=due[1].pk).exists()
    finally:
        release.set()
        thread.join(20)
    assert run_on(DUE).dossiers == 1
    assert DestructionRecord.objects.filter(kind="dossier").count() == 3


def test_two_runs_at_the_same_time_destroy_each_dossier_once(committed_db):
    due = due_candidates(6, prefix="Zt")
    run_on(DUE - datetime.timedelta(days=30))
    results, errors = [], []
    start = threading.Barrier(2)

    def run():
        try:
            start.wait(10)
            results.append(retention_run())
        except Exception as error:
            errors.append(error)
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    # One frozen clock for both (freezegun is not made for two freezes at once).
    with freeze_time(f"{DUE.isoformat()} 02:30:00+02:00"):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert not errors
    assert sum(r.dossiers for r in results) == 6
    assert not Candidate.objects.filter(pk__in=[c.pk for c in due]).exists()
    assert DestructionRecord.objects.filter(kind="dossier").count() == 6
