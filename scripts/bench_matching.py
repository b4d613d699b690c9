"""`make bench`, issues 8 and 11: ranked suggestions at BENCH_CANDIDATES (or --candidates N).

Reuses scripts/bench.py's benchmark database of that size (`hallowerk_bench` for 100,000).
Times each suggestion page's data with the very function the view calls
(matching.selectors.candidate_suggestions / vacancy_suggestions: the kept lists of
matching/models/cache.py narrowed to the viewer's scope, then scores, explanations and, for
candidates, the catalogue-limited rows), cycling through a fixed sample of vacancies and
candidates. The warm-up computes the sample's lists (a cache miss each); the timed runs
read them. The cost of a miss (no list yet, or too short) is timed on its own, and so is
the sweep that applies a profile change to every list it can affect. Then the naive way for
comparison on a few of the same, checking both give the same ranking, and the monitoring
report of the largest municipality: its missing lists warmed by the backfill first
(matching/backfill.py, timed; BENCH_BACKFILL_MAX_S stops it early and then the measured
rate is printed with an extrapolation, labelled as such), then the report twice.

Writes its own section of docs/benchmarks.md. `scripts/bench_matching.py --quick` runs fewer
rounds and leaves the file alone.
"""

import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (scripts/bench.py: the database and the results file)

RUNS = int(os.environ.get("BENCH_RUNS", "200"))
WARMUP = 10
SAMPLE = 60  # distinct vacancies / candidates the runs cycle through
NAIVE_SAMPLE = 3
TARGETS_P95_MS = {"vacancy_candidates_employer": 150.0,
                  "vacancy_candidates_account_manager": 150.0,
                  "candidate_vacancies_jobseeker": 50.0}
FAIRNESS_TARGET_S = 300.0
# Bounds the backfill that warms the fairness lists (unset: until it is done).
BACKFILL_MAX_S = float(os.environ.get("BENCH_BACKFILL_MAX_S", "0")) or None
MISS_SAMPLE = 8
START, END = "<!-- scripts/bench_matching.py: start -->", "<!-- scripts/bench_matching.py: end -->"


@dataclass
class Timing:
    name: str
    what: str
    median_ms: float
    p95_ms: float
    max_ms: float
    queries: int
    cpu_median_ms: float | None = None  # database + Python CPU time: what a quiet machine
    cpu_p95_ms: float | None = None  # would take, whatever else the shared cores are doing

    @property
    def target(self) -> float | None:
        return TARGETS_P95_MS.get(self.name)

    @property
    def ok(self) -> bool:
        return self.target is None or self.p95_ms < self.target


def _backend_cpu_reader():
    """CPU seconds used so far by this connection's PostgreSQL backend, when it runs on this
    machine (the embedded server); None elsewhere."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
    if not stat.exists():
        return None
    ticks = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks

    return read


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def _time(build, items, runs: int) -> tuple[float, float, float, float | None, float | None]:
    for item in items[:WARMUP]:
        build(item)
    backend = _backend_cpu_reader()
    timings, cpu = [], []
    for n in range(runs):
        backend_before = backend() if backend else 0.0
        python_before = time.process_time()
        started = time.perf_counter()
        build(items[n % len(items)])
        timings.append((time.perf_counter() - started) * 1000)
        if backend:
            cpu.append((backend() - backend_before + time.process_time() - python_before) * 1000)
    return (statistics.median(timings), _p95(timings), max(timings),
            statistics.median(cpu) if cpu else None, _p95(cpu) if cpu else None)


def _queries(build, item) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        build(item)
    return len(captured)


def samples(rng: random.Random):
    """(vacancy, its employer user, an account manager of its municipality) and
    (candidate, their account), all able to see each other's side."""
    from candidates.models import Candidate
    from employers.models import Vacancy
    from hallowerk.models import User
    from matching.features import CANDIDATE_PREFETCH, CANDIDATE_SELECT
    from matching.ranking import matchable_candidates

    published = list(Vacancy.objects.published().values_list("pk", flat=True))
    vacancies = []
    for pk in rng.sample(published, len(published)):
        vacancy = Vacancy.objects.select_related(
            "occupation", "place", "employer", "sector", "municipality").get(pk=pk)
        employer_user = User.objects.filter(employer=vacancy.employer, is_active=True).first()
        manager = User.objects.filter(role="account_manager", is_active=True,
                                      municipality=vacancy.municipality).first()
        if employer_user and manager:
            vacancies.append((vacancy, employer_user, manager))
        if len(vacancies) == SAMPLE:
            break
    matchable = list(matchable_candidates(Candidate.objects.filter(
        profile__preferred_occupations__isnull=False)).values_list("pk", flat=True).distinct())
    candidates = [Candidate.objects.select_related(*CANDIDATE_SELECT, "user", "municipality")
                  .prefetch_related(*CANDIDATE_PREFETCH).get(pk=pk)
                  for pk in rng.sample(matchable, SAMPLE)]
    return vacancies, candidates


def measure(vacancies, candidates, runs: int) -> list[Timing]:
    from matching.selectors import candidate_suggestions, vacancy_suggestions

    pages = [
        ("vacancy_candidates_employer",
         "Werkgever: kandidaten die kunnen passen bij de eigen vacature",
         lambda item: candidate_suggestions(viewer=item[1], vacancy=item[0]), vacancies),
        ("vacancy_candidates_account_manager",
         "Accountmanager: kandidaten die kunnen passen (eigen gemeente + gedeeld in de regio)",
         lambda item: candidate_suggestions(viewer=item[2], vacancy=item[0]), vacancies),
        ("candidate_vacancies_jobseeker",
         "Werkzoekende: vacatures die bij u kunnen passen",
         lambda candidate: vacancy_suggestions(viewer=candidate.user, candidate=candidate),
         candidates),
    ]
    results = []
    for name, what, build, items in pages:
        median, p95, worst, cpu_median, cpu_p95 = _time(build, items, runs)
        results.append(Timing(name, what, median, p95, worst, _queries(build, items[0]),
                              cpu_median, cpu_p95))
        print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms; "
              f"CPU median {cpu_median} ms, p95 {cpu_p95} ms")
    return results


def exact_check(vacancies, candidates) -> int:
    """Pages (kept lists) that differ from the exact ranking: must be 0."""
    from candidates.models import Candidate
    from employers.models import Vacancy
    from matching import ranking
    from matching.selectors import candidate_suggestions, vacancy_suggestions, weights_for

    wrong = 0
    for vacancy, employer_user, manager in vacancies[:20]:
        for viewer in (employer_user, manager):
            shown = [s.candidate.pk for s in candidate_suggestions(viewer=viewer,
                                                                   vacancy=vacancy)]
            wrong += shown != ranking.candidate_ids_for_vacancy(
                vacancy=vacancy, candidates=Candidate.objects.visible_to(viewer),
                weights=weights_for(vacancy.municipality))
    for candidate in candidates[:20]:
        shown = [s.vacancy.pk for s in vacancy_suggestions(viewer=candidate.user,
                                                           candidate=candidate)]
        wrong += shown != ranking.vacancy_ids_for_candidate(
            candidate=candidate, vacancies=Vacancy.objects.visible_to(candidate.user),
            weights=weights_for(candidate.municipality))
    print(f"pages differing from the exact ranking: {wrong}")
    return wrong


def naive_comparison(vacancies, candidates) -> list[tuple[str, float, float, int, int]]:
    """(what, fast median ms, naive median ms, rows scored naively, mismatches)."""
    from candidates.models import Candidate
    from employers.models import Vacancy
    from matching import ranking
    from matching.selectors import weights_for

    rows = []
    fast, naive, scored, mismatches = [], [], [], 0
    for vacancy, employer_user, _manager in vacancies[:NAIVE_SAMPLE]:
        scope = Candidate.objects.visible_to(employer_user)
        weights = weights_for(vacancy.municipality)
        started = time.perf_counter()
        quick = ranking.candidate_ids_for_vacancy(vacancy=vacancy, candidates=scope,
                                                  weights=weights)
        fast.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        slow = ranking.candidates_for_vacancy_naive(vacancy=vacancy, candidates=scope,
                                                    weights=weights)
        naive.append((time.perf_counter() - started) * 1000)
        scored.append(ranking.matchable_candidates(scope).count())
        mismatches += [r.candidate_id for r in slow] != quick
    rows.append(("Kandidaten voor een vacature (werkgever)", statistics.median(fast),
                 statistics.median(naive), int(statistics.median(scored)), mismatches))
    fast, naive, scored, mismatches = [], [], [], 0
    for candidate in candidates[:NAIVE_SAMPLE * 3]:
        scope = Vacancy.objects.visible_to(candidate.user)
        weights = weights_for(candidate.municipality)
        started = time.perf_counter()
        quick = ranking.vacancy_ids_for_candidate(candidate=candidate, vacancies=scope,
                                                  weights=weights)
        fast.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        slow = ranking.vacancies_for_candidate_naive(candidate=candidate, vacancies=scope,
                                                     weights=weights)
        naive.append((time.perf_counter() - started) * 1000)
        scored.append(ranking.matchable_vacancies(scope).count())
        mismatches += [r.vacancy_id for r in slow] != quick
    rows.append(("Vacatures voor een kandidaat (werkzoekende)", statistics.median(fast),
                 statistics.median(naive), int(statistics.median(scored)), mismatches))
    for what, quick_ms, slow_ms, count, wrong in rows:
        print(f"naive vs SQL, {what}: {slow_ms:.0f} ms vs {quick_ms:.1f} ms "
              f"(x{slow_ms / quick_ms:.0f}), {count} rows, {wrong} different rankings")
    return rows


def backfill_timing(municipality) -> dict:
    """Warm the municipality's monitoring lists with the backfill (matching/backfill.py), as
    after an installation or a bulk import, timed; stops after BENCH_BACKFILL_MAX_S seconds
    when set (run again to go on: kept lists are skipped)."""
    from matching.backfill import vacancy_lists_backfill
    from matching.models import Audience

    started = time.perf_counter()
    ranked, kept, after = 0, 0, 0
    while True:
        batch = vacancy_lists_backfill(municipality_id=municipality.pk, after=after,
                                       audiences=[Audience.MUNICIPALITY])
        if batch.done:
            break
        ranked, kept, after = ranked + batch.computed, kept + batch.skipped, batch.last_id
        if BACKFILL_MAX_S and time.perf_counter() - started > BACKFILL_MAX_S:
            break
    seconds = time.perf_counter() - started
    result = {"seconds": seconds, "ranked": ranked, "kept": kept, "finished": batch.done,
              "per_list_s": seconds / ranked if ranked else None}
    print(f"backfill {municipality.name}: {ranked} lists ranked ({kept} kept already) in "
          f"{seconds:.1f} s" + (f", {1000 * seconds / ranked:.0f} ms each" if ranked else "")
          + ("" if batch.done else " (stopped by BENCH_BACKFILL_MAX_S)"))
    return result


def fairness_timing() -> tuple[str, int, float, float, int, dict]:
    """The monitoring report of the municipality with the most published vacancies: its
    missing lists warmed by the backfill first (timed), then the report twice. Returns
    None for the report times when the backfill was stopped before it finished (the report
    would rank the rest itself)."""
    from django.db.models import Count, Q

    from employers.models import Vacancy
    from hallowerk.models import Municipality
    from matching.fairness import fairness_report_compute
    from matching.models import CandidateRanking

    municipality = (Municipality.objects.annotate(n=Count(
        "vacancies", filter=Q(vacancies__status="published"))).order_by("-n").first())

    def missing_count() -> int:
        return (Vacancy.objects.published().filter(municipality=municipality)
                .exclude(pk__in=CandidateRanking.objects.filter(
                    audience="municipality").values("vacancy_id")).count())

    missing = missing_count()
    backfill = backfill_timing(municipality)
    backfill["missing_before"] = missing
    backfill["missing_after"] = missing_count()
    published = Vacancy.objects.published().filter(municipality=municipality).count()
    if not backfill["finished"]:
        if backfill["per_list_s"]:
            print(f"backfill {municipality.name}: {backfill['missing_after']} lists still "
                  f"missing; at the measured rate all {missing} would take about "
                  f"{missing * backfill['per_list_s'] / 60:.0f} min (extrapolated)")
        return municipality.name, published, None, None, backfill["missing_after"], backfill
    started = time.perf_counter()
    fairness_report_compute(municipality=municipality)
    first = time.perf_counter() - started
    started = time.perf_counter()
    computed = fairness_report_compute(municipality=municipality)
    warm = time.perf_counter() - started
    print(f"fairness {municipality.name}: {computed.vacancy_count} vacancies, first run "
          f"after the backfill ({backfill['missing_after']} lists missing) {first:.1f} s, "
          f"again {warm:.1f} s")
    return (municipality.name, computed.vacancy_count, first, warm, backfill["missing_after"],
            backfill)


def miss_timing(vacancies, candidates) -> list[Timing]:
    """A page whose lists do not exist yet: ranked exactly, kept, then read."""
    from matching.models import CandidateRanking, VacancyRanking
    from matching.selectors import candidate_suggestions, vacancy_suggestions

    rows = []
    for name, what, items, forget, build in [
        ("vacancy_candidates_miss", "Accountmanager, lijsten nog niet bewaard (cache miss)",
         vacancies[-MISS_SAMPLE:],
         lambda item: CandidateRanking.objects.filter(vacancy=item[0]).delete(),
         lambda item: candidate_suggestions(viewer=item[2], vacancy=item[0])),
        ("candidate_vacancies_miss", "Werkzoekende, lijst nog niet bewaard (cache miss)",
         candidates[-MISS_SAMPLE:],
         lambda item: VacancyRanking.objects.filter(candidate=item).delete(),
         lambda item: vacancy_suggestions(viewer=item.user, candidate=item)),
    ]:
        timings = []
        for item in items:
            forget(item)
            started = time.perf_counter()
            build(item)
            timings.append((time.perf_counter() - started) * 1000)
        rows.append(Timing(name, what, statistics.median(timings), bench.p95(timings),
                           max(timings), 0))
        print(f"{name}: median {rows[-1].median_ms:.0f} ms, max {rows[-1].max_ms:.0f} ms")
    return rows


def sweep_timing(candidates) -> Timing:
    """One profile change applied by the sweep to every list it can affect."""
    from matching.refresh import ranking_change_record, ranking_changes_apply

    timings = []
    for candidate in candidates[:MISS_SAMPLE]:
        ranking_change_record(candidate_id=candidate.pk)
        started = time.perf_counter()
        ranking_changes_apply()
        timings.append((time.perf_counter() - started) * 1000)
    row = Timing("sweep_profile_change", "Sweep: een profielwijziging in alle lijsten verwerken",
                 statistics.median(timings), bench.p95(timings), max(timings), 0)
    print(f"sweep per profile change: median {row.median_ms:.0f} ms, max {row.max_ms:.0f} ms")
    return row


def markdown(timings, naive_rows, fairness, population: str, runs: int,
             extra: list | None = None) -> str:
    from django.db import connection

    version = connection.cursor().connection.info.server_version
    lines = [
        "## Matching (scripts/bench_matching.py)",
        "",
        f"Written by `make bench` (scripts/bench_matching.py) on `{bench.BENCH_DATABASE}` "
        f"({population}; PostgreSQL {version // 10000}, embedded). Each row builds the "
        f"page's data the way the view does (top 25: the kept lists narrowed to the "
        f"viewer's scope, then scores, "
        f"explanations and, for candidates, the catalogue-limited rows), {runs} times over "
        f"{SAMPLE} different vacancies or candidates after warm-up runs that keep their "
        f"lists. Machine: {bench.machine()}.",
        "",
        "| page | what | median (ms) | p95 (ms) | max (ms) | CPU median / p95 (ms) | "
        "target p95 | queries | ok |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for t in timings:
        cpu = (f"{t.cpu_median_ms:.0f} / {t.cpu_p95_ms:.0f}" if t.cpu_median_ms is not None
               else "-")
        lines.append(f"| `{t.name}` | {t.what} | {t.median_ms:.1f} | {t.p95_ms:.1f} | "
                     f"{t.max_ms:.1f} | {cpu} | "
                     f"{f'{t.target:.0f} ms' if t.target else '-'} | "
                     f"{t.queries} | {'yes' if t.ok else 'NO'} |")
    lines += [
        "",
        "Wall-clock times include waiting for the CPU while other work runs on the two "
        "cores; the CPU column is the time the page's work itself took (PostgreSQL backend "
        "plus Python, from /proc), which is what a quiet machine would see.",
    ]
    lines += [
        "",
        "Side by side with the naive way (load every visible candidate or vacancy with its "
        "profile and score it in Python), ranking only, median of a few samples; both must "
        "give the same 25 in the same order:",
        "",
        "| ranking | rows the naive loop scores | SQL (ms) | naive Python (ms) | ratio | "
        "different rankings |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for what, quick_ms, slow_ms, count, wrong in naive_rows:
        lines.append(f"| {what} | {count:,} | {quick_ms:.1f} | {slow_ms:.0f} | "
                     f"{slow_ms / quick_ms:.0f}× | {wrong} |")
    if extra:
        lines += ["", "Cache misses and the sweep (a few samples each):", "",
                  "| what | median (ms) | max (ms) |", "|---|---:|---:|"]
        lines += [f"| {t.what} | {t.median_ms:.0f} | {t.max_ms:.0f} |" for t in extra]
    if fairness:
        name, vacancy_count, cold, warm, missing, backfill = fairness
        done = (f"{backfill['ranked']} lists ranked in {backfill['seconds']:.0f} s"
                + (f" ({1000 * backfill['per_list_s']:.0f} ms each)"
                   if backfill["per_list_s"] else "")
                + f", {backfill['kept']} kept already")
        if warm is None:
            extrapolated = (f"; at that rate all {backfill['missing_before']} would take "
                            f"≈ {backfill['missing_before'] * backfill['per_list_s'] / 60:.0f}"
                            f" min (extrapolated, not measured)"
                            if backfill["per_list_s"] else "")
            lines += ["", f"Monitoring report for {name} ({vacancy_count} published "
                      f"vacancies): the backfill warming its lists was stopped by "
                      f"BENCH_BACKFILL_MAX_S after {done}; {missing} still missing"
                      f"{extrapolated}. The report itself was not timed."]
        else:
            lines += ["", f"Monitoring report (nightly job) for {name}, the municipality "
                      f"with the most published vacancies ({vacancy_count}): its missing "
                      f"lists ({backfill['missing_before']}) warmed first by the backfill "
                      f"(`manage.py matching_backfill`): {done}. Then the report: "
                      f"{cold:.1f} s the first time ({missing} lists missing), {warm:.1f} s "
                      f"again, reading the kept lists."]
    return "\n".join(lines) + "\n"


def main(arguments: list[str]) -> int:
    quick = "--quick" in arguments
    bench.setup_django()
    print(f"Benchmark database {bench.BENCH_DATABASE}: ensuring the demo population...")
    population = bench.population_ensure()
    from employers.models import Vacancy
    from matching.selectors import candidate_suggestions, vacancy_suggestions

    population = f"{population}; {Vacancy.objects.count():,} vacancies"
    print(population)
    vacancies, candidates = samples(random.Random(8))
    runs = 40 if quick else RUNS
    for vacancy, _employer_user, manager in vacancies:  # keep the sample's lists: the
        candidate_suggestions(viewer=manager, vacancy=vacancy)  # misses are timed below
    for candidate in candidates:
        vacancy_suggestions(viewer=candidate.user, candidate=candidate)
    timings = measure(vacancies, candidates, runs)
    mismatches = exact_check(vacancies, candidates)
    extra = [*miss_timing(vacancies, candidates), sweep_timing(candidates)]
    naive_rows = naive_comparison(vacancies, candidates)
    fairness = None if quick else fairness_timing()
    report = markdown(timings, naive_rows, fairness, population, runs, extra)
    if not quick:
        bench.section_write(START, END, report)
    print(report)
    rows = [{"name": t.name, "what": t.what, "p50_ms": round(t.median_ms, 1),
             "p95_ms": round(t.p95_ms, 1), "target_p95_ms": t.target} for t in timings]
    rows += [{"name": t.name, "what": t.what, "p50_ms": round(t.median_ms, 1),
              "p95_ms": round(t.p95_ms, 1), "target_p95_ms": None} for t in extra]
    if fairness:
        name, _count, cold, warm, missing, backfill = fairness
        if warm is not None:
            rows += [{"name": "fairness_job_largest", "unit": "s",
                      "target_p95_ms": FAIRNESS_TARGET_S,
                      "what": f"Monitoringrapport {name}, lijsten bewaard",
                      "p50_ms": round(warm, 1), "p95_ms": round(warm, 1)},
                     {"name": "fairness_job_largest_cold", "unit": "s", "target_p95_ms": None,
                      "what": f"Monitoringrapport {name}, run ervoor ({missing} lijsten "
                              f"ontbraken, na de backfill)",
                      "p50_ms": round(cold, 1), "p95_ms": round(cold, 1)}]
        rows.append({"name": "fairness_backfill_largest", "unit": "s", "target_p95_ms": None,
                     "what": f"Backfill lijsten {name}: {backfill['ranked']} gerangschikt"
                             + ("" if backfill["finished"] else
                                f", gestopt; {missing} ontbreken nog"),
                     "p50_ms": round(backfill["seconds"], 1),
                     "p95_ms": round(backfill["seconds"], 1)})
    bench.headline_write("bench_matching.py", rows)
    ok = (all(t.ok for t in timings) and all(row[4] == 0 for row in naive_rows)
          and not mismatches)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
