"""Print precision and recall of the sensitive-data detector as a markdown table.

Usage: .venv/bin/python scripts/measure_sensitive.py [--mistakes] [examples.jsonl ...]
Defaults to the labelled set the word lists were tuned on (tests/privacy/data/
sensitive_examples.jsonl) and the two held-out sets, never tuned on: the first
(sensitive_examples.holdout.jsonl) and issue 13's 170 sentences (sensitive_examples.
holdout_issue13.jsonl, committed before the detector changed); the held-out numbers are the
honest estimate. Do not run --mistakes on a held-out set while changing the detector.
--mistakes lists what it got wrong.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from privacy.sensitive.evaluation import (  # noqa: E402 — needs the path above
    EXAMPLES_PATH,
    HOLDOUT_ISSUE13_PATH,
    HOLDOUT_PATH,
    evaluate,
    load_examples,
    markdown_table,
)


def report(path: Path, show_mistakes: bool) -> None:
    examples = load_examples(path)
    per_category, overall, mistakes = evaluate(examples)
    positives = sum(1 for _, labelled in examples if labelled)
    print(f"## {path.name}: {len(examples)} examples, {positives} with sensitive data\n")
    print(markdown_table(per_category, overall))
    if show_mistakes:
        print("\nMistakes:")
        for mistake in mistakes:
            missed = ", ".join(sorted(mistake.missed)) or "-"
            extra = ", ".join(sorted(mistake.extra)) or "-"
            print(f"- missed: {missed}; extra: {extra}; {mistake.text}")
    print()


def main(argv: list[str]) -> None:
    paths = [Path(arg) for arg in argv if not arg.startswith("--")]
    for path in paths or [EXAMPLES_PATH, HOLDOUT_PATH, HOLDOUT_ISSUE13_PATH]:
        report(path, show_mistakes="--mistakes" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
