"""How long `manage.py demo_data --candidates N` takes on an empty database (issue 11).

Runs the command exactly as a developer does, in a subprocess, against a scratch database
on the embedded PostgreSQL that is dropped afterwards, for each size given; writes its
section of docs/benchmarks.md with the machine's cores and load. `make bench-scale` runs
it for 100,000 and 500,000 candidates (target: 500,000 in at most 10 minutes).

    scripts/measure_demo_data.py 100000 500000
"""

import os
import subprocess
import sys
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

import bench  # noqa: E402  (the docs file, its sections and the machine reading)

SCRATCH = "hallowerk_demo_timing"
TARGET_S = {500_000: 600}
START = "<!-- scripts/measure_demo_data.py: start -->"
END = "<!-- scripts/measure_demo_data.py: end -->"


def _server():
    import pgserver

    return pgserver.get_server(str(bench.DATA_DIR / "pgdata"), cleanup_mode="stop")


def measure(size: int) -> tuple[float, str, str]:
    from hallowerk.settings.embedded import embedded_database_url

    server = _server()
    server.psql(f"DROP DATABASE IF EXISTS {SCRATCH};")
    url = embedded_database_url(bench.DATA_DIR, name=SCRATCH)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "hallowerk.settings.dev",
           "DEBUG": "false"}
    manage = [sys.executable, str(SCRIPTS.parent / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, check=True)
    before = bench.machine()
    started = time.monotonic()
    subprocess.run([*manage, "demo_data", "--candidates", str(size)], env=env, check=True)
    seconds = time.monotonic() - started
    after = bench.machine()
    server.psql(f"DROP DATABASE {SCRATCH};")
    return seconds, before, after


def main(sizes: list[int]) -> int:
    rows, ok = [], True
    for size in sizes:
        seconds, before, after = measure(size)
        target = TARGET_S.get(size)
        ok = ok and (target is None or seconds <= target)
        rows.append(f"| {size:,} | {seconds:.0f} s ({seconds / 60:.1f} min) | "
                    f"{f'{target // 60} min' if target else '-'} | {before} | {after} |")
        print(rows[-1])
    report = "\n".join([
        "## demo_data on an empty database (scripts/measure_demo_data.py)",
        "",
        "`manage.py demo_data --candidates N` as a developer runs it (employers 5% and "
        "vacancies 20% of N, the defaults), on a fresh database after `migrate`; the "
        "database is dropped afterwards.",
        "",
        "| candidates | took | target | machine at the start | machine at the end |",
        "|---:|---:|---:|---|---|",
        *rows, ""])
    bench.section_write(START, END, report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main([int(arg) for arg in sys.argv[1:]] or [100_000]))
