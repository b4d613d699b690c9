"""Benchmark: the employer's candidate search at 100,000 candidates (issue 6).

Runs on the shared benchmark database of scripts/bench.py (`hallowerk_bench`, the demo
population of `demo_data --candidates 100000`, generated on first use) and compares, on the
same data and in the same process:
  * our search — `employers.search.candidate_search()`: visibility rules, PostgreSQL
    full-text search (Dutch, GIN index, prefix on the last word), two filters, ts_rank
    ordering, the result count, the first page of 25 with what the result list shows, and
    the audit row — timed end to end as the page's server time;
  * the naive method peer systems use — `ILIKE '%word%'` over the profile's text columns,
    with the same visibility rules, filters, count and first page.

    .venv/bin/python scripts/bench_search.py

The results replace this script's section of docs/benchmarks.md.
"""

import os
import statistics
import sys
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench as shared  # noqa: E402  (scripts/bench.py: database, population, docs file)

P95_BUDGET_MS = 100.0
# PostgreSQL's planner defaults assume spinning disks (random_page_cost=4) and a small
# cache; on SSD storage with the data in memory the usual production values are these.
# With the defaults the planner scans the whole profile table instead of using the GIN
# index for words that match more than a few percent of profiles. The benchmark measures
# both; docs/benchmarks.md recommends setting these on the production database.
SSD_PLANNER_SETTINGS = {"random_page_cost": "1.1", "effective_cache_size": "4GB"}
SEARCH_TEXTS = ["schoonmaak", "magazijn", "heftruck", "kassa", "kok", "zorg", "klantcontact",
                "chauffeur", "beveilig", "timmer"]
START = "<!-- scripts/bench_search.py: start -->"
END = "<!-- scripts/bench_search.py: end -->"


def bench_employer():
    """An active employer user invited by Utrecht (region Midden-Utrecht)."""
    from hallowerk.models import User

    return (User.objects.filter(role="employer", is_active=True, employer__is_active=True,
                                employer__municipality__slug="utrecht").order_by("pk").first())


# --- the two methods -----------------------------------------------------------------------

NAIVE_COLUMNS = ["kind_of_work", "personal_description", "what_suits_me", "free_text",
                 "availability_notes"]


def _register_ilike():
    from django.db.models import Lookup, TextField

    class ILike(Lookup):
        lookup_name = "ilike"

        def as_sql(self, compiler, connection):
            lhs, lhs_params = self.process_lhs(compiler, connection)
            rhs, rhs_params = self.process_rhs(compiler, connection)
            return f"{lhs} ILIKE {rhs}", [*lhs_params, *rhs_params]

    TextField.register_lookup(ILike)


def naive_search(*, viewer, criteria, words):
    """What peer systems do: ILIKE '%word%' over the text columns, newest first. Everything
    else is the same as ours (visibility, filters, one-query count and page, audit row), so
    the comparison is about the text method alone."""
    from django.db.models import Q

    from candidates.models import Candidate
    from candidates.presenters import EMPLOYER_LIST_PREFETCH, EMPLOYER_LIST_SELECT
    from candidates.selectors import EMPLOYER_ORDER
    from employers.search import criteria_filter, page_with_count
    from privacy.audit import audit_search

    queryset = Candidate.objects.visible_to(viewer).filter(criteria_filter(criteria))
    for word in words:
        any_column = Q()
        for column in NAIVE_COLUMNS:
            any_column |= Q(**{f"profile__{column}__ilike": f"%{word}%"})
        queryset = queryset.filter(any_column)
    page = page_with_count(queryset.order_by(*EMPLOYER_ORDER), 1,
                           select=EMPLOYER_LIST_SELECT, prefetch=EMPLOYER_LIST_PREFETCH)
    audit_search(viewer=viewer, query=" ".join(words), filters={},
                 result_count=page.paginator.count)
    return page.paginator.count, list(page.object_list)


def workload():
    """(label, text, two filters): a job word — as typed, the last word may be unfinished —
    and two filters, every text with every pair."""
    from datetime import date

    from hallowerk.models import Occupation, Sector
    from hallowerk.reference import place_resolve

    utrecht, amersfoort = place_resolve("Utrecht"), place_resolve("Amersfoort")
    soon = date.today() + timedelta(days=30)
    filter_pairs = [
        ("place Utrecht 25 km + can stand", {"place": utrecht, "radius_km": 25,
                                             "physical": ("standing",)}),
        ("occupation 9333 + licence B", {"occupation": Occupation.objects.get(isco_code="9333"),
                                         "driving_licence": "B"}),
        ("sector logistics + 32 h", {"sector": Sector.objects.get(code="logistiek-transport"),
                                     "hours_per_week": 32}),
        ("speaks English + available", {"languages": ("en",), "available_on": soon}),
        ("place Amersfoort 15 km + 24 h", {"place": amersfoort, "radius_km": 15,
                                           "hours_per_week": 24}),
        ("licence B + can lift", {"driving_licence": "B", "physical": ("lifting",)}),
        ("sector horeca + place Utrecht 40 km", {
            "sector": Sector.objects.get(code="horeca"), "place": utrecht, "radius_km": 40}),
        ("occupation 5120 + speaks Dutch", {"occupation": Occupation.objects.get(
            isco_code="5120"), "languages": ("nl",)}),
        ("available + can stand", {"available_on": soon, "physical": ("standing",)}),
        ("20 h + licence B", {"hours_per_week": 20, "driving_licence": "B"}),
    ]
    return [(f"{text!r} + {label}", text, filters)
            for label, filters in filter_pairs for text in SEARCH_TEXTS]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


WARM_TABLES = ["candidates_candidate", "candidates_profile", "hallowerk_user",
               "candidates_profile_preferred_occupations", "candidates_profile_sectors",
               "candidates_languageskill", "hallowerk_place"]


def warm_up() -> None:
    """Read the tables once, as a running database has them in its caches."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in WARM_TABLES:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (constant names)
        cursor.execute("SELECT count(*) FROM candidates_profile "
                       "WHERE search_document @@ to_tsquery('dutch', 'a:* | e:* | o:*')")


class CpuClock:
    """On-CPU time of this thread plus the PostgreSQL backend serving it (schedstat, ns):
    what a search costs without the waiting caused by other processes on a shared machine.
    Parallel workers are not counted, so measure it with parallel query switched off."""

    def __init__(self):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.stat = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")

    def now(self) -> int:
        backend = int(self.stat.read_text().split()[0]) if self.stat.exists() else 0
        return time.thread_time_ns() + backend


def measure(searches, viewer, *, clock=None, naive_too=True):
    from employers.fulltext import search_terms
    from employers.search import SearchCriteria, candidate_search

    ours, naive, ours_cpu, naive_cpu = [], [], [], []
    for _label, text, filters in searches:
        ours_call = partial(candidate_search, viewer=viewer,
                            criteria=SearchCriteria(text=text, **filters))
        naive_call = partial(naive_search, viewer=viewer, criteria=SearchCriteria(**filters),
                             words=search_terms(text))
        calls = [(ours_call, ours, ours_cpu)]
        if naive_too:
            calls.append((naive_call, naive, naive_cpu))
        for method, wall, cpu in calls:
            cpu_start = clock.now() if clock else 0
            started = time.perf_counter()
            method()
            wall.append((time.perf_counter() - started) * 1000)
            if clock:
                cpu.append((clock.now() - cpu_start) / 1e6)
    return ours, naive, ours_cpu, naive_cpu


def row(name, values) -> str:
    return (f"| {name} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} | "
            f"{max(values):.1f} | {statistics.mean(values):.1f} |")


def term_shares(total: int) -> list[str]:
    from django.db import connection

    from employers.fulltext import search_terms, tsquery_source

    shares = []
    with connection.cursor() as cursor:
        for text in SEARCH_TEXTS:
            cursor.execute("SELECT count(*) FROM candidates_profile WHERE search_document @@ "
                           "to_tsquery('dutch', %s)", [tsquery_source(search_terms(text))])
            shares.append(f"{text} {cursor.fetchone()[0] / total:.0%}")
    return shares


def broad_searches(viewer) -> list[str]:
    """Single broad words without filters: reported apart, not part of the budget."""
    from employers.search import SearchCriteria, candidate_search

    lines = []
    for text in ["zorg", "schoonmaak", "mag"]:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            result = candidate_search(viewer=viewer, criteria=SearchCriteria(text=text))
            timings.append((time.perf_counter() - started) * 1000)
        lines.append(f"\"{text}\" ({result.count:,} results) {min(timings):.0f} ms")
    return lines


def report(*, population, total, visible, searches, load, wall, cpu, broad,
           default_planner) -> str:
    from django.db import connection

    ours, naive = wall
    ours_cpu, naive_cpu = cpu
    version = connection.cursor().connection.info.server_version
    settings = {}
    with connection.cursor() as cursor:
        for name in ["shared_buffers", "work_mem", "max_parallel_workers_per_gather"]:
            cursor.execute(f"SHOW {name}")
            settings[name] = cursor.fetchone()[0]
    our_p95 = percentile(ours, 0.95)
    verdict = "met" if our_p95 < P95_BUDGET_MS else "not met"
    return "\n".join([
        "## Employer search (scripts/bench_search.py, issue 6)",
        "",
        f"Written by `make bench`. Database `{shared.BENCH_DATABASE}` ({population}; PostgreSQL "
        f"{version // 10000}, embedded, {', '.join(f'{k}={v}' for k, v in settings.items())}). "
        f"The searching employer (invited by Utrecht) may see {visible:,} of {total:,} "
        f"candidates. {len(searches)} searches: {len(SEARCH_TEXTS)} job words × 10 pairs of "
        "filters (place + radius, occupation, sector, hours, licence, language, availability, "
        "can stand/lift), each once per method after a warm-up.",
        "",
        "Timed: `candidate_search()` end to end as the page calls it — visibility, full text, "
        "filters, ts_rank order, exact count and first page (one query, COUNT(*) OVER ()), the "
        "25 rows for the list and the audit row. The naive method is the same except for the "
        "text: `ILIKE '%word%'` over the profile's text columns, newest first.",
        "",
        f"Share of all profiles each word matches: {', '.join(term_shares(total))}.",
        "",
        "| method | p50 ms | p95 ms | max ms | mean ms |",
        "|---|---:|---:|---:|---:|",
        row("full-text search (ours), wall-clock", ours),
        row("naive `ILIKE '%word%'`, wall-clock", naive),
        row("full-text search (ours), on-CPU", ours_cpu),
        row("naive `ILIKE '%word%'`, on-CPU", naive_cpu),
        row("full-text search (ours), wall-clock, default planner settings", default_planner),
        "",
        "All rows but the last with the planner settings of SSD storage, per session: "
        f"{', '.join(f'{k}={v}' for k, v in SSD_PLANNER_SETTINGS.items())}. With PostgreSQL's "
        "defaults (last row) the planner scans the whole profile table for common words "
        "instead of using the GIN index; set these on the production database.",
        "",
        f"- Ratio naive / ours: {percentile(naive, 0.95) / our_p95:.1f}× at p95, "
        f"{statistics.mean(naive) / statistics.mean(ours):.1f}× on the mean (wall-clock).",
        f"- Budget p95 < {P95_BUDGET_MS:.0f} ms wall-clock: **{verdict}** ({our_p95:.1f} ms). "
        f"Machine: {os.cpu_count()} cores shared with other work, load average {load:.1f} "
        "at the start. On-CPU = CPU time of the Python process plus its PostgreSQL backend "
        "(parallel query off): the search's own work, without the queue for a CPU.",
        "- Peers: OpenCATS 17 s for a `LIKE '%java%'` count on 150,000 candidates (issue #538); "
        "Talent Catalog ~6 s per search page (issue #1252).",
        f"- Not in the budget, one broad word without filters: {'; '.join(broad)}. "
        "A last word shorter than three letters is searched as a whole word, not as a prefix.",
        "",
    ])


def write_section(text: str) -> None:
    shared.section_write(START, END, text)

def main() -> int:
    shared.setup_django()
    print(f"Benchmark database {shared.BENCH_DATABASE}: ensuring the demo population...")
    population = shared.population_ensure()
    from django.db import connection

    from candidates.models import Candidate

    viewer = bench_employer()
    total = Candidate.objects.count()
    visible = Candidate.objects.visible_to(viewer).count()
    _register_ilike()
    searches = workload()
    warm_up()
    measure(searches[:10], viewer)  # plans, connections, the rest of the caches
    load = os.getloadavg()[0]
    default_planner, _naive, _cpu, _naive_cpu = measure(searches, viewer, naive_too=False)
    with connection.cursor() as cursor:
        for name, value in SSD_PLANNER_SETTINGS.items():
            cursor.execute(f"SET {name} = '{value}'")  # constants above
    ours, naive, _cpu, _naive_cpu = measure(searches, viewer)
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    _wall, _naive_wall, ours_cpu, naive_cpu = measure(searches, viewer, clock=CpuClock())
    with connection.cursor() as cursor:
        cursor.execute("RESET max_parallel_workers_per_gather")
    text = report(population=population, total=total, visible=visible, searches=searches,
                  load=load, wall=(ours, naive), cpu=(ours_cpu, naive_cpu),
                  broad=broad_searches(viewer), default_planner=default_planner)
    write_section(text)
    print(text)
    # The verdict is in the report, not the exit code: on a shared machine the wall-clock
    # figure moves with other work, and `make bench` should run every benchmark.
    return 0


if __name__ == "__main__":
    sys.exit(main())
