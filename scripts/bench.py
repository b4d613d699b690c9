"""`make bench`: page timings at scale, on a dedicated benchmark database.

The first run fills `hallowerk_bench` on the embedded PostgreSQL with the demo population
(100,000 candidates); later runs reuse it (the demo generator is idempotent). Each
benchmark is a named function in BENCHMARKS: it prepares a viewer and returns a function
that requests one page through the view (Django's test client, logged in). The runner times
200 runs (median, p95), counts the queries, and checks the count does not grow with the rows.
Results go to docs/benchmarks.md (this script's section). `scripts/bench.py NAME ...` runs
only the named benchmarks and leaves the file alone; BENCH_REBUILD=1 starts from an empty
benchmark database.

Later issues add a section by decorating a function with @benchmark("name", "what").
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

def _candidates_argument(argv: list[str]) -> str | None:
    """`--candidates N` on any bench script's command line (the same as BENCH_CANDIDATES)."""
    for n, arg in enumerate(argv):
        if arg == "--candidates" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--candidates="):
            return arg.split("=", 1)[1]
    return None


def script_arguments() -> list[str]:
    """The command line without `--candidates N` (which every bench script understands)."""
    args, skip = [], False
    for arg in sys.argv[1:]:
        if skip:
            skip = False
        elif arg == "--candidates":
            skip = True
        elif not arg.startswith("--candidates="):
            args.append(arg)
    return args


BENCH_CANDIDATES = int(_candidates_argument(sys.argv) or os.environ.get("BENCH_CANDIDATES",
                                                                        "100000"))
os.environ["BENCH_CANDIDATES"] = str(BENCH_CANDIDATES)  # scripts started from this one agree
# One database per population size, so 100k and 500k can be measured in one run.
BENCH_DATABASE = os.environ.get(
    "BENCH_DATABASE",
    "hallowerk_bench" if BENCH_CANDIDATES == 100_000 else f"hallowerk_bench_{BENCH_CANDIDATES}")
RUNS = int(os.environ.get("BENCH_RUNS", "200"))
WARMUP = 10
PAGE_SIZE = 25
TARGET_P95_MS = 50.0
RESULTS = BASE_DIR / "docs" / "benchmarks.md"


DATA_DIR = BASE_DIR / ".hallowerk"
# How long generating the population took, kept next to the database it describes.
GENERATED_NOTE = DATA_DIR / f"{BENCH_DATABASE}.generated.txt"


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        from hallowerk.settings.embedded import embedded_database_url

        # Start from an empty benchmark database (a fresh checkout has no server to ask yet).
        if os.environ.get("BENCH_REBUILD") and (DATA_DIR / "pgdata" / "PG_VERSION").exists():
            import pgserver

            server = pgserver.get_server(str(DATA_DIR / "pgdata"), cleanup_mode="stop")
            server.psql(f"DROP DATABASE IF EXISTS {BENCH_DATABASE};")
            GENERATED_NOTE.unlink(missing_ok=True)
        embedded_database_url(DATA_DIR, name=BENCH_DATABASE)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hallowerk.settings.dev")
    os.environ.setdefault("DEBUG", "false")  # no query log slowing the timed runs
    os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")  # no line per timed request
    import django

    django.setup()


# --- the machine and the headline figures shared by every bench script


def machine() -> str:
    """What the machine is, measured now: cores seen by this process and the load average."""
    one, five, fifteen = os.getloadavg()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores, load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min)"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)]


def headline_write(script: str, rows: list[dict]) -> None:
    """Hand the script's headline rows to scripts/run_benchmarks.py, which puts every size side
    by side. Each row: name, what, p50_ms, p95_ms, and target_p95_ms (or None); a row with
    another unit sets "unit" (for example "s") and gives its values in that unit.
    Does nothing unless BENCH_HEADLINES names a file (bench_scale.py sets it)."""
    import json

    path = os.environ.get("BENCH_HEADLINES")
    if not path:
        return
    with open(path, "a") as out:
        for row in rows:
            out.write(json.dumps({"script": script, "candidates": BENCH_CANDIDATES,
                                  "machine": machine(), **row}) + "\n")


# --- the registry

PageBuilder = Callable[[int], object]


@dataclass(frozen=True)
class Benchmark:
    name: str
    description: str
    prepare: Callable[[], PageBuilder]
    target_p95_ms: float | None = TARGET_P95_MS  # None: measured, no target yet


BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(name: str, description: str, target_p95_ms: float | None = TARGET_P95_MS):
    def register(prepare: Callable[[], PageBuilder]) -> Callable[[], PageBuilder]:
        BENCHMARKS[name] = Benchmark(name, description, prepare, target_p95_ms)
        return prepare

    return register


# --- the benchmarks of issue 3: the first page of the candidate lists, through the views


def _viewer(**filters):
    from hallowerk.models import User

    return User.objects.filter(is_active=True, **filters).order_by("pk").first()


def verified_client(user):
    """Django's test client, logged in as `user` with a confirmed second factor, so a
    request runs every middleware, the session and the view exactly as a browser's does."""
    from django.conf import settings
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if "testserver" not in settings.ALLOWED_HOSTS:  # the test client's host name
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"key": "31" * 20, "confirmed": True})
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def set_staff_page_size(size: int) -> None:
    from candidates.views.coach import common as coach_pages
    from employers.views.account_manager import common as account_manager_pages

    coach_pages.PAGE_SIZE = account_manager_pages.PAGE_SIZE = size


def _page_getter(user, path: str) -> PageBuilder:
    client = verified_client(user)

    def build(page_size: int):
        set_staff_page_size(page_size)  # the employer's search pages are always 25
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response

    return build


def _rotterdam_staff_page(role: str, path: str) -> PageBuilder:
    """A staff member of Rotterdam (the largest municipality of the demo data) asking `path`."""
    return _page_getter(_viewer(role=role, municipality__slug="rotterdam"), path)


@benchmark("employer_search_first_page",
           "Werkgever: zoekpagina, eerste bezoek (iedereen die de werkgever mag zien, "
           "laatst actief eerst)", target_p95_ms=100)
def employer_search_first_page() -> PageBuilder:
    viewer = _viewer(role="employer", employer__is_active=True,
                     employer__municipality__slug="rotterdam")
    return _page_getter(viewer, "/werkgever/zoeken/")


@benchmark("coach_candidates_page",
           "Werkmatcher: kandidatenlijst van de eigen gemeente (alfabetisch + telling)",
           target_p95_ms=100)
def coach_candidates_page() -> PageBuilder:
    return _rotterdam_staff_page("coach", "/werkmatcher/kandidaten/")


@benchmark("account_manager_candidates_page",
           "Accountmanager: kandidatenlijst (eigen gemeente + gedeeld in de regio)",
           target_p95_ms=None)
def account_manager_candidates_page() -> PageBuilder:
    return _rotterdam_staff_page("account_manager", "/wsp/kandidaten/")


@benchmark("account_manager_name_search",
           "Accountmanager: zoeken op een deel van een naam ('jan', in veel namen)",
           target_p95_ms=100)
def account_manager_name_search() -> PageBuilder:
    # A part of a name, as staff type it: "jan" is in Jan, Jansen, Janssen, Marjan ...
    return _rotterdam_staff_page("account_manager", "/wsp/kandidaten/?q=jan")


@benchmark("jobseeker_vacancies_page",
           "Werkzoekende: vacatures van de eigen gemeente (filterlijsten, telling tot 1.000, "
           "eerste pagina)", target_p95_ms=100)
def jobseeker_vacancies_page() -> PageBuilder:
    # Rotterdam: the largest municipality of the demo data, the most vacancies to filter.
    return _page_getter(_viewer(role="jobseeker", municipality__slug="rotterdam",
                                candidate__isnull=False), "/mijn/vacatures/")


# --- the runner


@dataclass
class Result:
    benchmark: Benchmark
    median_ms: float
    p95_ms: float
    queries: int
    queries_small_page: int

    @property
    def ok(self) -> bool:
        target = self.benchmark.target_p95_ms
        fast = target is None or self.p95_ms < target
        return fast and self.queries == self.queries_small_page


def request_queries(client, path: str) -> list[dict]:
    """The queries of one request for `path`: the fewer of two requests in a row. A staff
    session's expiry is refreshed (written) once a minute (hallowerk/middleware.py), and a
    500k run once counted that write as 3 queries of the page; two requests in a row
    cannot both refresh it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    captures = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        captures.append(captured.captured_queries)
    return min(captures, key=len)


def _count_queries(build: PageBuilder, page_size: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        build(page_size)
    return len(captured)


def run(bench: Benchmark) -> Result:
    build = bench.prepare()
    for _ in range(WARMUP):
        build(PAGE_SIZE)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        build(PAGE_SIZE)
        timings.append((time.perf_counter() - started) * 1000)
    return Result(bench, statistics.median(timings), p95(timings),
                  _count_queries(build, PAGE_SIZE), _count_queries(build, 5))


def population_ensure() -> str:
    from django.core.management import call_command

    from candidates.models import Candidate, Profile
    from hallowerk.demo.bulk import vacuum_analyze
    from hallowerk.demo.population import DemoSize, demo_population_ensure
    from hallowerk.models import User

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    created = demo_population_ensure(size=DemoSize(candidates=BENCH_CANDIDATES))
    # Measure a settled database (as autovacuum leaves it), whatever ran before.
    vacuum_analyze(User, Candidate, Profile)
    if created["candidates"]:
        GENERATED_NOTE.write_text(
            f"generated by `demo_data --candidates {BENCH_CANDIDATES}` in "
            f"{time.monotonic() - started:.0f} s")
    note = GENERATED_NOTE.read_text() if GENERATED_NOTE.exists() else "generated earlier"
    return f"{Candidate.objects.count():,} candidates, {note}"


def markdown(results: list[Result], population: str) -> str:
    from django.db import connection

    version = connection.cursor().connection.info.server_version
    lines = [
        "## Candidate lists (scripts/bench.py)",
        "",
        "Written by `make bench` (scripts/bench.py). Each row requests the page through "
        "Django's test client as a logged-in user with a confirmed second factor (middleware, "
        f"session, view, template), {RUNS} times after {WARMUP} warm-up runs, on the benchmark "
        f"database `{BENCH_DATABASE}` ({population}; PostgreSQL {version // 10000}, embedded). "
        f"Machine: {machine()}.",
        "Target where set: p95 under the target, and the same number of queries for a page of "
        f"5 rows as for {PAGE_SIZE} (staff lists; the employer's search pages are always 25).",
        "",
        "| benchmark | what | median (ms) | p95 (ms) | target p95 | queries (25 / 5 rows) "
        "| ok |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| `{r.benchmark.name}` | {r.benchmark.description} | "
            f"{r.median_ms:.1f} | {r.p95_ms:.1f} | "
            f"{f'{r.benchmark.target_p95_ms:.0f} ms' if r.benchmark.target_p95_ms else '-'} | "
            f"{r.queries} / {r.queries_small_page} | "
            f"{'yes' if r.ok else 'NO'} |")
    return "\n".join(lines) + "\n"


START, END = "<!-- scripts/bench.py: start -->", "<!-- scripts/bench.py: end -->"


def section_write(start: str, end: str, report: str) -> None:
    """Replace only the section between `start` and `end` in docs/benchmarks.md: every
    bench*.py script (make bench runs them all) owns one section and keeps the others."""
    section = f"{start}\n{report}{end}\n"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmarks\n\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(text)


def results_write(report: str) -> None:
    section_write(START, END, report)


def main(names: list[str]) -> int:
    setup_django()
    print(f"Benchmark database {BENCH_DATABASE}: ensuring the demo population...")
    population = population_ensure()
    print(population)
    selected = [BENCHMARKS[n] for n in names] if names else list(BENCHMARKS.values())
    results = []
    for bench in selected:
        result = run(bench)
        results.append(result)
        print(f"{bench.name}: median {result.median_ms:.1f} ms, p95 {result.p95_ms:.1f} ms, "
              f"{result.queries} queries ({result.queries_small_page} for 5 rows)")
    report = markdown(results, population)
    if not names:  # a partial run does not overwrite the full table
        results_write(report)
        headline_write("bench.py", [
            {"name": r.benchmark.name, "what": r.benchmark.description, "p50_ms": r.median_ms,
             "p95_ms": r.p95_ms, "target_p95_ms": r.benchmark.target_p95_ms,
             "queries": r.queries} for r in results])
    print(report)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(script_arguments()))
