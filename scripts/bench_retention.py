"""`make bench`: the retention job at scale (issue 7), on the benchmark database of bench.py.

The job commits batch by batch, and that is what makes it cheap (each committed delete
lets PostgreSQL skip the dead rows in the next batch), so it is measured that way: on a
throw-away copy of the benchmark database (CREATE DATABASE ... TEMPLATE), dropped at the
end. What it measures:
- the nightly run when nothing is due: the SQL due-date selection over every dossier;
- notices for DOSSIERS dossiers that fell due at once (e.g. after a rule change);
- destroying them in batches of 20: per batch, how long its row locks are held;
- purging AUDIT_ROWS audit rows older than the audit rule, in batches of 5,000.
Results go to this script's own section of docs/benchmarks.md.
"""

import os
import statistics
import sys
import time
from datetime import timedelta

os.environ.setdefault("EMAIL_URL", "memorymail://")  # notices are mailed; keep them in memory
sys.path.insert(0, os.path.dirname(__file__))

from bench import (  # noqa: E402
    BENCH_DATABASE,
    population_ensure,
    section_write,
    setup_django,
)

DOSSIERS = int(os.environ.get("BENCH_RETENTION_DOSSIERS", "2000"))
AUDIT_ROWS = int(os.environ.get("BENCH_RETENTION_AUDIT_ROWS", "200000"))
# A batch may hold its locks this long at most (a coach editing that dossier waits for it).
TARGET_BATCH_MS = 1000.0
START = "<!-- scripts/bench_retention.py: start -->"
END = "<!-- scripts/bench_retention.py: end -->"


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - started) * 1000


def use_database(name: str) -> None:
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def copy_database(template: str, copy: str) -> None:
    from django.db import connection

    use_database("postgres")  # CREATE/DROP DATABASE may not run inside the template
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{template}"')


def drop_database(name: str) -> None:
    from django.db import connection

    use_database("postgres")
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def measure() -> dict:
    from django.utils import timezone

    from candidates.models import Candidate
    from privacy.models import AuditEvent, RetentionNotice
    from privacy.retention.destroy import dossiers_destroy_due
    from privacy.retention.notices import retention_notices_send
    from privacy.retention.purge import audit_purge
    from privacy.retention.rules import Rules
    from privacy.retention.run import retention_run

    today = timezone.localdate()
    results = {"candidates": Candidate.objects.count()}
    RetentionNotice.objects.all().delete()
    idle = [timed(retention_run, today=today)[1] for _ in range(3)]
    results["idle_run_ms"] = statistics.median(idle)

    ids = list(Candidate.objects.filter(dossier_ended_on__isnull=True)
               .order_by("?").values_list("pk", flat=True)[:DOSSIERS])
    Candidate.objects.filter(pk__in=ids).update(
        dossier_ended_on=today - timedelta(days=11 * 366), end_reason="ended",
        is_active=False)
    rules = Rules.load()
    notices, results["notices_ms"] = timed(retention_notices_send, rules=rules, today=today)
    results["notices"] = notices
    # Skip the 30 days of notice: they are not what is measured here.
    RetentionNotice.objects.filter(candidate_id__in=ids).update(destroy_on=today)
    batches: list[float] = []
    destroyed, results["destroy_ms"] = timed(
        dossiers_destroy_due, rules=rules, today=today,
        on_batch=lambda size, seconds: batches.append(seconds * 1000))
    results.update(destroyed=destroyed, batches=len(batches),
                   batch_median_ms=statistics.median(batches), batch_max_ms=max(batches))

    old = timezone.now() - timedelta(days=3 * 366)
    AuditEvent.objects.bulk_create(
        [AuditEvent(created_at=old, action="profile_viewed", actor_role="employer",
                    target_type="candidates.candidate", target_id=str(i))
         for i in range(AUDIT_ROWS)], batch_size=10000)
    record, results["audit_ms"] = timed(audit_purge, rules=rules, now=timezone.now())
    results["audit_rows"] = record.total if record else 0
    return results


def markdown(r: dict, population: str) -> str:
    per_dossier = r["destroy_ms"] / max(r["destroyed"], 1)
    ok = r["batch_max_ms"] < TARGET_BATCH_MS
    return "\n".join([
        "## Retention job (scripts/bench_retention.py)",
        "",
        f"Written by `make bench` on a throw-away copy of `{BENCH_DATABASE}` ({population}). "
        "Batches of 20 dossiers and of 5,000 audit rows, each its own transaction, as in "
        f"production. Target: no batch holds its locks longer than {TARGET_BATCH_MS:.0f} ms. "
        "The machine is shared (2 cores); numbers vary between runs.",
        "",
        "| what | result |",
        "|---|---:|",
        f"| nightly run with nothing due (due dates of {r['candidates']:,} dossiers in SQL) | "
        f"{r['idle_run_ms']:.0f} ms |",
        f"| notices for {r['notices']:,} dossiers due at once | {r['notices_ms']:.0f} ms |",
        f"| destroying {r['destroyed']:,} dossiers (profile, entries, conversations, account) | "
        f"{r['destroy_ms'] / 1000:.1f} s ({per_dossier:.1f} ms per dossier) |",
        f"| one batch of 20 dossiers: median / longest | {r['batch_median_ms']:.0f} / "
        f"{r['batch_max_ms']:.0f} ms {'(ok)' if ok else '(TOO LONG)'} |",
        f"| purging {r['audit_rows']:,} audit rows | {r['audit_ms'] / 1000:.1f} s |",
        "",
    ])


def results_write(report: str) -> None:
    section_write(START, END, report)

def main() -> int:
    setup_django()
    population = population_ensure()
    print(population)
    copy = f"{BENCH_DATABASE}_retention"
    copy_database(BENCH_DATABASE, copy)
    try:
        use_database(copy)
        results = measure()
    finally:
        drop_database(copy)
    report = markdown(results, population)
    results_write(report)
    print(report)
    return 0 if results["batch_max_ms"] < TARGET_BATCH_MS else 1


if __name__ == "__main__":
    sys.exit(main())
