"""scripts/fault_counts.py: every fault it reports has a test that marks its moments, and a
moment records the counts (issue 12's closing note takes its before/after rows from it)."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

from tests.faults.checkpoints import fault_checkpoint

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("fault_counts", ROOT / "scripts" /
                                               "fault_counts.py")
assert _spec and _spec.loader
fault_counts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fault_counts)
FAULTS, report = fault_counts.FAULTS, fault_counts.report


@pytest.mark.parametrize(("fault", "test"), FAULTS, ids=[fault for fault, _ in FAULTS])
def test_each_fault_test_exists_and_marks_its_moments(fault, test):
    path, name = test.split("::")
    source = (ROOT / path).read_text()
    body = re.search(rf"^def {name}\(.*?(?=^def |\Z)", source, re.M | re.S)
    assert body, f"{test} is gone"
    assert body.group(0).count("fault_checkpoint(") >= 2, "before and after the fault"


@pytest.mark.django_db
def test_a_checkpoint_records_the_counts_and_the_facts_only_when_asked(tmp_path, monkeypatch):
    out = tmp_path / "counts.jsonl"
    fault_checkpoint("not asked")
    assert not out.exists()
    monkeypatch.setenv("FAULT_COUNTS_OUT", str(out))
    fault_checkpoint("asked", about="tekst")
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["moment"] == "asked" and record["facts"] == {"about": "tekst"}
    assert {"dossiers", "destruction records", "queued work due", "private files",
            "staged files"} <= set(record["counts"])
    assert record["test"].endswith("test_a_checkpoint_records_the_counts_and_the_facts_only_"
                                   "when_asked")


def test_the_report_shows_what_changed_per_moment():
    fault, test = FAULTS[0]
    counts = {"dossiers": 1, "sessions": 0}
    records = [{"test": test, "moment": "before", "counts": counts, "facts": {}},
               {"test": test, "moment": "after", "counts": {**counts, "sessions": 1},
                "facts": {}}]
    text = report(records, {test: "passed"})
    assert "- passed: before: sessions 0; after: sessions 1" in text
