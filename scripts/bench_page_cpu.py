"""`make bench`: CPU time in Python per logged-in page (issue 12).

Wall-clock timings move with the machine's load; the CPU time of this process does much less.
Each page is requested through Django's test client as a logged-in, verified user (every
middleware, the session, the view and the template; DEBUG off, so the cached template loader
as in production), 100 times after 10 warm-up runs, on bench.py's benchmark database. The
database's own work runs in PostgreSQL's process and is not counted; psycopg's is.
Also counted: the queries of one request, and whether any query text repeats.

    scripts/bench_page_cpu.py               # every page, writes the section
    scripts/bench_page_cpu.py --profile NAME   # cProfile of one page (top 30 by own time)
"""

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402

START, END = "<!-- scripts/bench_page_cpu.py: start -->", "<!-- scripts/bench_page_cpu.py: end -->"
RUNS, WARMUP = 100, 10
TARGET_LIGHTEST_MS = 10.0


def _jobseeker():
    from hallowerk.models import User

    return User.objects.filter(role="jobseeker", is_active=True,
                               candidate__isnull=False).order_by("pk").first()


def _employer():
    return bench._viewer(role="employer", employer__is_active=True,
                         employer__municipality__slug="rotterdam")


def _visible_candidate(viewer) -> int:
    from candidates.models import Candidate

    return Candidate.objects.visible_to(viewer).order_by("pk").values_list("pk", flat=True)[0]


def pages() -> dict[str, tuple]:
    """name: (user, path). The pages of scripts/load_users.py's mix, and the start pages."""
    employer, jobseeker = _employer(), _jobseeker()
    coach = bench._viewer(role="coach", municipality__slug="rotterdam")
    return {
        "jobseeker_home": (jobseeker, "/mijn/"),
        "jobseeker_profile_step": (jobseeker, "/mijn/profiel/werk-dat-past/"),
        "jobseeker_vacancies": (jobseeker, "/mijn/vacatures/"),
        "employer_home": (employer, "/werkgever/"),
        "employer_profile": (employer, f"/werkgever/kandidaten/{_visible_candidate(employer)}/"),
        "employer_search": (employer, "/werkgever/zoeken/?q=magazijn"),
        "coach_home": (coach, "/werkmatcher/"),
        "coach_list": (coach, "/werkmatcher/kandidaten/"),
        "coach_candidate": (coach, f"/werkmatcher/kandidaten/{_visible_candidate(coach)}/"),
    }


def measure(user, path: str) -> dict:

    client = bench.verified_client(user)
    for _ in range(WARMUP):
        assert client.get(path).status_code == 200, path
    cpu = []
    for _ in range(RUNS):
        started = time.process_time()
        client.get(path)
        cpu.append((time.process_time() - started) * 1000)
    captured = bench.request_queries(client, path)
    repeated = sum(n - 1 for n in Counter(q["sql"] for q in captured).values() if n > 1)
    return {"median": statistics.median(cpu), "p95": bench.p95(cpu),
            "queries": len(captured), "repeated": repeated}


def profile(user, path: str) -> None:
    import cProfile
    import pstats

    client = bench.verified_client(user)
    for _ in range(WARMUP):
        client.get(path)
    profiler = cProfile.Profile(time.process_time)  # CPU, not waiting for PostgreSQL
    profiler.enable()
    for _ in range(50):
        client.get(path)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def markdown(results: dict, population: str, started: str) -> str:
    lightest = min(results, key=lambda name: results[name]["median"])
    lines = [
        "## CPU per page (scripts/bench_page_cpu.py)",
        "",
        "Written by `make bench` (scripts/bench_page_cpu.py): CPU time of the Python process "
        f"for one whole request through the test client as a logged-in, verified user, {RUNS} "
        f"runs after {WARMUP} warm-up runs, DEBUG off (cached template loader), on "
        f"`{bench.BENCH_DATABASE}` ({population}). Machine: {started}.",
        f"Target: the lightest logged-in page under {TARGET_LIGHTEST_MS:.0f} ms of CPU "
        f"(here `{lightest}`).",
        "",
        "| page | median CPU (ms) | p95 CPU (ms) | queries | repeated queries |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(f"| `{name}` | {r['median']:.1f} | {r['p95']:.1f} | {r['queries']} | "
                     f"{r['repeated']} |")
    return "\n".join(lines) + "\n"


def main(args: list[str]) -> int:
    bench.setup_django()
    population = bench.population_ensure()
    chosen = pages()
    if args[:1] == ["--profile"]:
        profile(*chosen[args[1]])
        return 0
    from cpu_split import reference_ms

    started = (f"{bench.machine()}; Python reference {reference_ms():.2f} ms "
               "(cpu_split.reference_ms: a fixed piece of pure Python, lower is faster)")
    names = args or list(chosen)
    results = {}
    for name in names:
        results[name] = measure(*chosen[name])
        print(f"{name}: CPU median {results[name]['median']:.1f} ms, "
              f"p95 {results[name]['p95']:.1f} ms, {results[name]['queries']} queries "
              f"({results[name]['repeated']} repeated)", flush=True)
    report = markdown(results, population, started)
    if not args:
        bench.section_write(START, END, report)
        bench.headline_write("bench_page_cpu.py", [
            {"name": n, "what": f"CPU per request, {n}", "p50_ms": r["median"],
             "p95_ms": r["p95"], "target_p95_ms": None} for n, r in results.items()])
    print(report)
    lightest = min(r["median"] for r in results.values())
    return 0 if lightest <= TARGET_LIGHTEST_MS else 1


if __name__ == "__main__":
    sys.exit(main(bench.script_arguments()))
