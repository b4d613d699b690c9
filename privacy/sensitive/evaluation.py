"""Precision and recall of `scan_text` on labelled examples, per category and overall.

Counted per example and category: a category the detector reports and the label has is a true
positive, one it reports without the label a false positive, a labelled one it misses a false
negative. Overall numbers are micro-averaged over all categories.
"""

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import scan_text
from .findings import Category

_DATA = Path(__file__).resolve().parents[2] / "tests" / "privacy" / "data"
EXAMPLES_PATH = _DATA / "sensitive_examples.jsonl"
# Written after the word lists were tuned on EXAMPLES_PATH, and never tuned on.
HOLDOUT_PATH = _DATA / "sensitive_examples.holdout.jsonl"
# Issue 13: 170 sentences written before the detector was changed for indirect phrasing and
# work contexts, committed on their own first, and never tuned on.
HOLDOUT_ISSUE13_PATH = _DATA / "sensitive_examples.holdout_issue13.jsonl"


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else 1.0


@dataclass(frozen=True)
class Mistake:
    text: str
    missed: frozenset[str]
    extra: frozenset[str]


def load_examples(path: Path = EXAMPLES_PATH) -> list[tuple[str, frozenset[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [(row["text"], frozenset(row["categories"])) for row in rows]


def evaluate(
    examples: Iterable[tuple[str, frozenset[str]]],
) -> tuple[dict[str, Score], Score, list[Mistake]]:
    """Scores per category, the overall score, and the examples it got wrong."""
    counts: Counter[tuple[str, str]] = Counter()
    mistakes = []
    for text, labelled in examples:
        found = frozenset(finding.category.value for finding in scan_text(text))
        for category in found & labelled:
            counts[category, "tp"] += 1
        for category in found - labelled:
            counts[category, "fp"] += 1
        for category in labelled - found:
            counts[category, "fn"] += 1
        if found != labelled:
            mistakes.append(Mistake(text, labelled - found, found - labelled))
    per_category = {
        c.value: Score(counts[c.value, "tp"], counts[c.value, "fp"], counts[c.value, "fn"])
        for c in Category
    }
    overall = Score(*(sum(counts[c.value, kind] for c in Category) for kind in ("tp", "fp", "fn")))
    return per_category, overall, mistakes


def markdown_table(per_category: dict[str, Score], overall: Score) -> str:
    rows = [
        "| category | TP | FP | FN | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, score in [*per_category.items(), ("**overall**", overall)]:
        rows.append(
            f"| {name} | {score.true_positives} | {score.false_positives} | "
            f"{score.false_negatives} | {score.precision:.2f} | {score.recall:.2f} |"
        )
    return "\n".join(rows)
