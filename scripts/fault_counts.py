"""Row and file counts at each moment of each fault of issue 12, from its own test.

Each fault of docs/faults.md has tests that cause it for real (Redis away, a database error
half-way through a purge, a worker killed between batches, a storage that refuses to write,
two tabs on one form) and assert what must be kept. Those tests mark their moments with
tests/faults/checkpoints.py's fault_checkpoint(); this script runs them with the counts
switched on and prints, per fault, the counts that changed from moment to moment:

    .venv/bin/python scripts/fault_counts.py

The counts are read in each test's own database transaction; the test's assertions decide
whether it passed (shown per fault).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (fault, test): one test per fault of docs/faults.md.
FAULTS = [
    ("Redis stopped: a coach logs in with the second factor and opens a page",
     "tests/faults/test_redis_down_login.py::"
     "test_staff_login_with_second_factor_works_while_redis_is_down"),
    ("Redis stopped while the daily saved-search alerts are queued",
     "tests/employer_portal/test_saved_search_outbox.py::"
     "test_redis_down_alerts_wait_in_the_database_and_go_out_when_it_is_back"),
    ("A queued message lost by the broker",
     "tests/employer_portal/test_saved_search_outbox.py::test_a_lost_message_is_run_by_the_sweep"),
    ("Retention job: the database fails half-way through a purge of 5 dossiers",
     "tests/privacy/test_retention_faults.py::"
     "test_a_purge_interrupted_half_way_is_finished_by_the_next_run"),
    ("Retention job: worker killed between dossier batches",
     "tests/privacy/test_retention_resume.py::"
     "test_killed_between_dossier_batches_the_sweep_destroys_the_rest"),
    ("Retention job: worker killed between message batches",
     "tests/privacy/test_retention_resume.py::"
     "test_killed_between_message_batches_the_records_match_and_the_sweep_resumes"),
    ("Upload: disk full or read-only storage (photo and CV)",
     "tests/candidates/test_upload_failures.py::"
     "test_a_failing_storage_gives_a_message_keeps_the_previous_file_and_leaves_nothing"),
    ("Upload: the database fails after the file was written",
     "tests/candidates/test_upload_failures.py::"
     "test_a_database_failure_after_the_write_leaves_only_a_staged_file_the_sweep_removes"),
    ("Two tabs on one profile step",
     "tests/faults/test_edit_conflicts.py::"
     "test_two_tabs_on_one_step_the_later_save_is_refused_and_shows_the_other"),
]


def _changed(moments: list[dict]) -> list[str]:
    """The names whose count differs between any two moments of one test."""
    names = list(moments[0]["counts"])
    return [n for n in names if len({str(m["counts"].get(n)) for m in moments}) > 1]


def report(records: list[dict], outcomes: dict[str, str]) -> str:
    lines = []
    for fault, test in FAULTS:
        runs = sorted({r["test"] for r in records if r["test"].startswith(test)})
        lines.append(f"**{fault}** (`{test.split('::')[1]}`)")
        if not runs:
            lines.append("- not run\n")
            continue
        for run in runs:
            moments = [r for r in records if r["test"] == run]
            # What changed; when nothing did (a refused upload), the files that must not.
            names = _changed(moments) or ["private files", "staged files"]
            label = run[len(test):] or ""
            lines.append(f"- {outcomes.get(run, '?')}{' ' + label if label else ''}: " + "; ".join(
                f"{m['moment']}: " + ", ".join(
                    [*(f"{n} {m['counts'][n]}" for n in names),
                     *(f"{name} '{value}'" for name, value in m["facts"].items())])
                for m in moments))
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "counts.jsonl"
        out.write_text("")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hallowerk.settings.test",
               "FAULT_COUNTS_OUT": str(out)}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider",
             *(test for _fault, test in FAULTS)],
            cwd=ROOT, env=env, check=False, capture_output=True, text=True)
        records = [json.loads(line) for line in out.read_text().splitlines() if line]
    print(result.stdout[-3000:], result.stderr[-2000:], sep="\n")
    # pytest -rA ends with one line per test: "PASSED <id>" or "FAILED <id> - <reason>".
    outcomes = {line.split()[1]: line.split()[0].lower() for line in result.stdout.splitlines()
                if line.startswith(("PASSED ", "FAILED ", "ERROR "))}
    print("\n" + report(records, outcomes))
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
