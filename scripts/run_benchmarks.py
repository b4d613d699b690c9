"""`make bench` / `make bench-scale`: every bench script at every population size, one run.

Each scripts/bench*.py measures its pages at one size (BENCH_CANDIDATES) on its own
database and writes its detailed section of docs/benchmarks.md. Its headline rows also go
to a file (bench.headline_write); this runner collects them and writes one more section
with the sizes side by side and the growth factor, so "does the cost follow the answer or
the country?" can be read off one table. The machine (cores, load average) is measured at
the start and the end of the run, never written down by hand.

    scripts/run_benchmarks.py                      # 100,000 candidates (make bench)
    scripts/run_benchmarks.py --sizes 100000 500000   # side by side (make bench-scale)
    scripts/run_benchmarks.py --only bench_search.py --print  # one script, table printed

The side-by-side table is one run's: a run of some scripts only (--only) replaces it with
just their rows, so give --print to see the table without replacing the one in the file
(each script still writes its own section).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

import bench  # noqa: E402  (the docs file, its sections and the machine reading)

START, END = "<!-- national scale: start -->", "<!-- national scale: end -->"


def bench_scripts(only: list[str]) -> list[Path]:
    found = sorted(SCRIPTS.glob("bench*.py"))
    return [p for p in found if not only or p.name in only]


def run_script(script: Path, size: int, headlines: Path) -> int:
    env = {**os.environ, "BENCH_CANDIDATES": str(size), "BENCH_HEADLINES": str(headlines)}
    env.pop("BENCH_DATABASE", None)  # the database follows the size
    print(f"=== {script.name} at {size:,} candidates", flush=True)
    return subprocess.call([sys.executable, str(script)], env=env)


def generation_seconds(size: int) -> float | None:
    database = "hallowerk_bench" if size == 100_000 else f"hallowerk_bench_{size}"
    note = bench.DATA_DIR / f"{database}.generated.txt"
    found = re.search(r"in (\d+) s", note.read_text()) if note.exists() else None
    return float(found.group(1)) if found else None


def _value(row: dict | None, key: str) -> str:
    if row is None or row.get(key) is None:
        return "-"
    return f"{row[key]:,.1f}"


def _growth(small: dict | None, large: dict | None) -> str:
    if not small or not large or not small.get("p95_ms") or large.get("p95_ms") is None:
        return "-"
    return f"{large['p95_ms'] / small['p95_ms']:.1f}×"


def _ok(row: dict | None) -> str:
    if row is None or row.get("target_p95_ms") is None:
        return "-"
    return "yes" if row["p95_ms"] <= row["target_p95_ms"] else "NO"


def markdown(rows: list[dict], sizes: list[int], started: str, ended: str,
             seconds: float) -> str:
    by_key: dict[tuple, dict[int, dict]] = defaultdict(dict)
    order: list[tuple] = []
    for row in rows:
        key = (row["script"], row["name"])
        if key not in by_key:
            order.append(key)
        by_key[key][row["candidates"]] = row
    size_heads = " | ".join(f"p50 {s // 1000}k | p95 {s // 1000}k" for s in sizes)
    lines = [
        "## National scale: the same benchmarks at every size (scripts/run_benchmarks.py)",
        "",
        f"Written by `scripts/run_benchmarks.py --sizes {' '.join(map(str, sizes))}` in one "
        f"run of {seconds / 60:.0f} minutes. Machine at the start: {started}; at the end: "
        f"{ended}. Times in ms unless the row says otherwise; growth is p95 at the largest "
        "size divided by p95 at the smallest. Each script's own section below has the "
        "details of its last size.",
        "",
        f"| script | measure | {size_heads} | growth | target p95 | ok at largest |",
        "|---|---|" + "---:|---:|" * len(sizes) + "---:|---:|---|",
    ]
    for key in order:
        per_size = by_key[key]
        # The label of the largest size: a label may carry a figure of its own size (the
        # search's ratio to ILIKE), and the verdict is about the largest.
        any_row = per_size.get(sizes[-1]) or next(iter(per_size.values()))
        unit = any_row.get("unit", "ms")
        what = any_row["what"] + ("" if unit == "ms" else f" ({unit})")
        cells = " | ".join(f"{_value(per_size.get(s), 'p50_ms')} | "
                           f"{_value(per_size.get(s), 'p95_ms')}" for s in sizes)
        target = any_row.get("target_p95_ms")
        largest = per_size.get(sizes[-1])
        lines.append(f"| {key[0]} | {what} | {cells} | "
                     f"{_growth(per_size.get(sizes[0]), largest)} | "
                     f"{'-' if target is None else f'{target:,.0f}'} | {_ok(largest)} |")
    generated = [(s, generation_seconds(s)) for s in sizes]
    lines += ["", "The benchmark databases were generated when first used (by the code of that "
              "day: " + "; ".join(f"{s:,} candidates in {g:.0f} s" if g is not None
                                  else f"{s:,}: time not kept" for s, g in generated)
              + "); `demo_data` on an empty database with today's code is timed by "
              "scripts/measure_demo_data.py, in its own section below."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--print", action="store_true",
                        help="print the side-by-side table, leave docs/benchmarks.md's alone")
    args = parser.parse_args()
    started_at, started = time.monotonic(), bench.machine()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        headlines = Path(tmp) / "headlines.jsonl"
        headlines.touch()
        for size in args.sizes:
            for script in bench_scripts(args.only):
                if run_script(script, size, headlines) != 0:
                    failures.append(f"{script.name} at {size:,}")
        rows = [json.loads(line) for line in headlines.read_text().splitlines() if line]
    report = markdown(rows, sorted(args.sizes), started, bench.machine(),
                      time.monotonic() - started_at)
    if not args.print:
        bench.section_write(START, END, report)
    print(report)
    if failures:
        print("Missed a target or failed: " + ", ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
