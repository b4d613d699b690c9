"""`make bench`: the platform under load, served the way `make run` serves it (issue 12).

Starts `manage.py run_platform --no-demo` (gunicorn + Celery worker + beat, DEBUG off) on the
benchmark database (bench.py's `hallowerk_bench`, 100,000 candidates) at 127.0.0.1 only, then
runs locust headless with the people of scripts/load_users.py, each run bounded in time:

    mix 50 / mix 200   jobseekers saving profile steps, employers searching and opening
                       profiles, coaches listing; 1–5 s between a person's actions
    stress 200         the same people without any pause (requests must queue, not fail)
    profile c10        10 employers opening candidate profiles without pause

Every simulated person has an account of their own (a login, and a TOTP code that may be used
once per device and 30 s). The accounts are prepared here, in the benchmark database only:
a password and a TOTP device on existing generated people. Results go to docs/benchmarks.md
(this script's section) with the CPU count and load average measured at the start and end.

    scripts/bench_load.py                 # every run, writes the section
    scripts/bench_load.py mix200 stress   # only those runs, prints, leaves the file alone
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402  (the benchmark database, the machine, the docs section)
from cpu_split import BUSY_GROUPS, CpuSampler, settle  # noqa: E402

START, END = "<!-- scripts/bench_load.py: start -->", "<!-- scripts/bench_load.py: end -->"
PORT = int(os.environ.get("BENCH_LOAD_PORT", "8399"))
HOST = f"http://127.0.0.1:{PORT}"
LOAD_PASSWORD = "Bench-load-only-2026"  # set on generated accounts of the bench database only
TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
USERS_FILE = Path(__file__).resolve().parent / "load_users.py"
TARGET_P95_MS = {"mix200": 500, "mix200read": 500, "profile": 100}
LOGIN_TAIL = 15  # seconds from the last person started to the last one logged in, about


@dataclass(frozen=True)
class Run:
    name: str
    what: str
    users: int
    seconds: int
    think: str
    classes: tuple[str, ...]


RUNS = [
    Run("mix50", "mix, 50 users, 1–5 s think time", 50, 120, "1-5",
        ("Jobseeker", "Employer", "Coach")),
    Run("mix200", "mix, 200 users, 1–5 s think time", 200, 180, "1-5",
        ("Jobseeker", "Employer", "Coach")),
    # The same 200 people reading each page before the next click. With 1–5 s they would ask
    # for about 140 pages a second together (about 2 pages per action, an action every 3 s:
    # arithmetic, not a measurement), far beyond what 2 cores serve (the stress run measures
    # that ceiling); 5–15 s is closer to people filling in a profile or reading one.
    Run("mix200read", "mix, 200 users, 5–15 s think time", 200, 180, "5-15",
        ("Jobseeker", "Employer", "Coach")),
    Run("stress", "stress, 200 users, no think time", 200, 120, "0",
        ("Jobseeker", "Employer", "Coach")),
    Run("profile", "employer profile page, 10 users, no think time", 10, 60, "0",
        ("ProfileReader",)),
]


# --- accounts


def _people(role: str, count: int, offset: int, **filters) -> list:
    from hallowerk.models import User

    found = list(User.objects.filter(role=role, is_active=True, **filters)
                 .order_by("pk")[offset:offset + count])
    if len(found) < count:
        raise SystemExit(f"Only {len(found)} {role} accounts in {bench.BENCH_DATABASE}.")
    return found


def accounts_prepare(run: Run, used: dict[str, int]) -> dict[str, list[dict]]:
    """Accounts for one run, after the `used` ones of earlier runs: a set of its own per
    run, so a TOTP code is never reused."""
    users = run.users
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hallowerk.models import User

    # More than locust's weights ask for (6:3:1), so rounding never runs out.
    wanted = {"jobseeker": users * 6 // 10 + 5, "employer": users * 3 // 10 + 5,
              "coach": users // 10 + 5}
    if "ProfileReader" in run.classes:  # every one of them an employer (the mix has 3 in 10)
        wanted["employer"] = users + 5
    filters = {"jobseeker": {"candidate__isnull": False},
               "employer": {"employer__is_active": True}, "coach": {}}
    hashed = make_password(LOAD_PASSWORD)  # one hash, valid for every account (salt inside)
    accounts: dict[str, list[dict]] = {}
    for role, count in wanted.items():
        people = _people(role, count, used.get(role, 0), **filters[role])
        used[role] = used.get(role, 0) + count
        User.objects.filter(pk__in=[p.pk for p in people]).update(password=hashed)
        for person in people:
            if role != "jobseeker":
                TOTPDevice.objects.filter(user=person).delete()
                TOTPDevice.objects.create(user=person, name="load", key=TOTP_KEY_HEX,
                                          confirmed=True)
        accounts[role] = [{"email": p.email, "password": LOAD_PASSWORD,
                           "totp_key": TOTP_KEY_HEX if role != "jobseeker" else ""}
                          for p in people]
    accounts["profile_reader"] = list(accounts["employer"])
    return accounts


# --- the platform, served like `make run`


def platform_start(log: Path) -> subprocess.Popen:
    from django.conf import settings

    env = {**os.environ, "PORT": str(PORT),
           "DATABASE_URL": os.environ.get("DATABASE_URL") or _database_url(settings)}
    server = subprocess.Popen([sys.executable, "manage.py", "run_platform", "--no-demo"],
                              cwd=bench.BASE_DIR, env=env, stdout=log.open("w"),
                              stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The platform stopped; see {log}")
        try:
            with urllib.request.urlopen(f"{HOST}/healthz/", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit(f"The platform did not answer within 180 s; see {log}")


def _database_url(settings) -> str:
    database = settings.DATABASES["default"]
    return f"postgres://{database['USER']}@/{database['NAME']}?host={database['HOST']}"


def platform_stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


# --- locust


def locust_run(run: Run, accounts: dict, folder: Path, server: subprocess.Popen) -> dict:
    accounts_file = folder / f"{run.name}-accounts.json"
    accounts_file.write_text(json.dumps(accounts))
    statuses = folder / f"{run.name}-statuses.json"
    env = {**os.environ, "LOAD_ACCOUNTS": str(accounts_file), "LOAD_THINK_SECONDS": run.think,
           "LOAD_STATUS_FILE": str(statuses), "LOAD_USERS": str(run.users)}
    seconds = int(os.environ.get("BENCH_LOAD_SECONDS") or run.seconds)  # shorter for a try
    # Logins spread over at most two minutes: the password hash is deliberately slow (~0.5 s
    # of a core each), so 200 logins in one minute alone kept both cores busy, and the queue
    # they left was still being served well into the measured part.
    spawn_rate = max(1.0, run.users / 120)
    ramp = int(run.users / spawn_rate)
    # The measured part starts when the last person is logged in (load_users.py resets the
    # statistics then), a few seconds after the last one started: LOGIN_TAIL covers that.
    command = [sys.executable, "-m", "locust", "-f", str(USERS_FILE), "--headless",
               "--host", HOST, "-u", str(run.users), "-r", f"{spawn_rate:.2f}",
               "-t", f"{seconds + ramp + LOGIN_TAIL}s", "--stop-timeout", "10",
               "--only-summary", "--csv", str(folder / run.name), "--loglevel", "WARNING",
               *run.classes]
    quiet = settle()
    print(f"--- {run.name}: {run.what}, {ramp} s logging in + {seconds} s (after "
          f"{quiet['waited']:.0f} s of waiting for a quiet machine: {quiet['idle']:.0%} idle; "
          f"Python reference {quiet['reference_ms']:.2f} ms)", flush=True)
    locust = subprocess.Popen(command, env=env, cwd=bench.BASE_DIR)
    sampler = CpuSampler(platform_pid=server.pid, locust_pid=locust.pid).start()
    try:
        locust.wait(timeout=seconds + ramp + LOGIN_TAIL + 120)
    except subprocess.TimeoutExpired:
        locust.kill()
        locust.wait()
    finally:
        sampler.stop()
    rows = list(csv.DictReader((folder / f"{run.name}_stats.csv").open()))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    recorded = json.loads(statuses.read_text()) if statuses.exists() else {}
    codes, logins = recorded.get("statuses", {}), sorted(recorded.get("login_ms", []))
    # None when not everyone got in: then the figures cover the whole run, logins included.
    measured = (recorded["ended_at"] - recorded["measured_from"]
                if recorded.get("measured_from") else None)
    cpu = (sampler.split(recorded["measured_from"], recorded["ended_at"])
           if measured is not None else None)
    return {"run": run, "seconds": measured, "total": total,
            "rows": [r for r in rows if r["Name"] != "Aggregated"],
            "codes": codes, "logins": logins, "cpu": cpu, "quiet": quiet}


def _ms(row: dict, column: str) -> str:
    value = row.get(column) or "N/A"
    return "-" if value == "N/A" else f"{float(value):.0f}"


def _errors(codes: dict) -> int:
    """Failures over the whole run, logins included: status ≥ 400, refused forms, broken
    connections (locust's own failure count restarts when everyone is logged in)."""
    return sum(n for key, n in codes.items() if key.startswith("error") or key[:1] in "045")


def _percentile(values: list[float], fraction: float) -> str:
    if not values:
        return "-"
    return f"{values[min(len(values) - 1, int(len(values) * fraction))]:.0f}"


def _non_2xx(codes: dict) -> int:
    """Responses other than 2xx, not counting the redirects that answer an accepted form."""
    return sum(n for key, n in codes.items()
               if not key.startswith("2") and not key.startswith("302 form"))


def _served_by() -> str:
    from hallowerk.settings.connections import serving_budget

    budget = serving_budget()
    return (f"{budget.web_workers} {budget.worker_class} workers × "
            f"{budget.threads_per_worker} thread(s)")


def markdown(results: list[dict], population: str, started: str, ended: str) -> str:
    lines = [
        "## Load: the platform as `make run` serves it (scripts/bench_load.py)",
        "",
        "Written by `make bench` (scripts/bench_load.py): gunicorn "
        f"({_served_by()}) + Celery worker + beat "
        "started by `manage.py run_platform --no-demo` on 127.0.0.1, DEBUG off, on "
        f"`{bench.BENCH_DATABASE}` ({population}). Load by locust {_locust_version()} "
        "(headless, on the same machine and cores as the server). Every simulated person "
        "logs in for real with an account of their own (password; staff and employers also "
        "a TOTP code). Jobseekers (6 of 10) open "
        "their pages and save a profile step (the form read from the page and sent back); "
        "employers (3 of 10) search with a job word (30% near Rotterdam) and open two "
        "candidates from the results; coaches (1 of 10) list their candidates, page 2 and "
        "one candidate. The people log in over the first two minutes at most (the password hash "
        "is slow on purpose); the figures (seconds, requests, req/s, p50–max, errors) are "
        "measured from the moment the last of them is logged in (scripts/load_users.py "
        "resets locust's statistics then) to the end; the login POSTs are given apart "
        "(p50 / p95 ms). Errors: status ≥ 400, a refused form or a broken connection. "
        "The whole-run columns include the logging in. Non-2xx: every response that is "
        "not 2xx, except the redirect that answers an accepted form.",
        f"Machine at the start: {started}; at the end: {ended}.",
        "",
        "| run | users | seconds | requests | req/s | p50 | p95 | p99 | max | errors "
        "| errors, whole run | non-2xx, whole run | logins p50 / p95 | target p95 | ok |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        run, total = result["run"], result["total"]
        target = TARGET_P95_MS.get(run.name)
        failures = int(total["Failure Count"])
        whole_run_errors = _errors(result["codes"])
        non_2xx = _non_2xx(result["codes"])
        logins = result["logins"]
        p95 = float(total["95%"]) if total["95%"] != "N/A" else 0.0
        everyone_in = result["seconds"] is not None
        seconds = f"{result['seconds']:.0f}" if everyone_in else "not all logged in"
        ok = everyone_in and whole_run_errors == 0 and (target is None or p95 <= target)
        if run.name == "stress":
            ok = everyone_in and whole_run_errors == 0 and non_2xx == 0
        if run.name == "profile":
            ok = ok and float(total["Requests/s"]) >= 100
        lines.append(
            f"| {run.what} | {run.users} | {seconds} | {int(total['Request Count']):,} | "
            f"{float(total['Requests/s']):.1f} | {_ms(total, '50%')} | {_ms(total, '95%')} | "
            f"{_ms(total, '99%')} | {_ms(total, 'Max Response Time')} | {failures} | "
            f"{whole_run_errors} | {non_2xx} | "
            f"{_percentile(logins, 0.5)} / {_percentile(logins, 0.95)} | "
            f"{f'{target} ms' if target else '-'} | {'yes' if ok else 'NO'} |")
    lines += ["", "Per page (p50 / p95 / p99 ms, requests):", ""]
    for result in results:
        parts = [f"`{r['Name']}` {_ms(r, '50%')} / {_ms(r, '95%')} / {_ms(r, '99%')} "
                 f"({int(r['Request Count']):,})" for r in result["rows"]]
        lines.append(f"- {result['run'].what}: " + "; ".join(parts))
    lines += ["", "Where the CPU went in the measured part (scripts/cpu_split.py): ms of one "
              "core per request for the platform (gunicorn, Celery worker and beat), "
              "PostgreSQL, the load generator (locust) and the rest of the machine, and how "
              "much of the cores stayed idle. Each run starts once the machine is quiet "
              "again (85% of the cores idle over 5 s, at most 3 minutes of waiting), so it "
              "does not measure what the run before it left for the Celery worker:", ""]
    for result in results:
        lines.append(f"- {result['run'].what}: {_cpu_line(result)}")
    lines += ["", "Errors over the whole run, by kind:", ""]
    for result in results:
        kinds = {k: n for k, n in result["codes"].items()
                 if k.startswith("error") or k[:1] in "045"}
        listed = "; ".join(f"{k} ({n})" for k, n in sorted(kinds.items())) or "none"
        lines.append(f"- {result['run'].what}: {listed}")
    lines += ["", "Targets: mix 200 users 0 errors and p95 ≤ 500 ms; stress 0 errors and "
              "0 non-2xx; employer profile page ≥ 100 req/s and p95 ≤ 100 ms at 10 users."]
    return "\n".join(lines) + "\n"


def _cpu_line(result: dict) -> str:
    cpu, requests = result.get("cpu"), int(result["total"]["Request Count"])
    if not cpu or not requests:
        return "not measured (not everyone logged in, or no samples)"
    per_request = "; ".join(f"{group} {cpu[group] * 1000 / requests:.1f}"
                            for group in BUSY_GROUPS)
    per_request += (f" (of the platform's, the Celery worker and beat: "
                    f"{cpu.get('background', 0.0) * 1000 / requests:.1f})")
    capacity = cpu["idle"] + sum(cpu[group] for group in BUSY_GROUPS)
    idle = 100 * cpu["idle"] / capacity if capacity else 0.0
    quiet = result.get("quiet") or {}
    before = (f"; started after {quiet['waited']:.0f} s of waiting for a quiet machine "
              f"({quiet['idle']:.0%} idle); Python reference {quiet['reference_ms']:.2f} ms "
              "(cpu_split.reference_ms: lower is a faster machine)" if quiet else "")
    return f"{per_request}; idle {idle:.0f}% (over {cpu['seconds']:.0f} s){before}"


def _locust_version() -> str:
    import locust

    return locust.__version__


# Issue 12 sets the load targets on the 100,000-candidate database; `make bench-scale` runs
# every script at every size, and a 500k load run took 17 minutes and replaced this section.
LOAD_CANDIDATES = 100_000


def main(names: list[str]) -> int:
    if bench.BENCH_CANDIDATES != LOAD_CANDIDATES:
        print(f"The load runs use the {LOAD_CANDIDATES:,}-candidate database only "
              f"(issue 12); nothing to do at {bench.BENCH_CANDIDATES:,}.")
        return 0
    bench.setup_django()
    print(f"Benchmark database {bench.BENCH_DATABASE}: ensuring the demo population...")
    population = bench.population_ensure()
    runs = [r for r in RUNS if not names or r.name in names]
    started = bench.machine()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        folder = Path(tmp)
        used: dict[str, int] = {}
        accounts = [accounts_prepare(run, used) for run in runs]
        from django.db import connections

        connections.close_all()
        server = platform_start(folder / "platform.log")
        try:
            results = [locust_run(run, accounts[n], folder, server)
                       for n, run in enumerate(runs)]
        finally:
            platform_stop(server)
            errors = [line for line in (folder / "platform.log").read_text().splitlines()
                      if "ERROR" in line or "Traceback" in line]
            print(f"Server log: {len(errors)} error lines", *errors[:20], sep="\n")
    report = markdown(results, population, started, bench.machine())
    print(report)
    if not names:
        bench.section_write(START, END, report)
        bench.headline_write("bench_load.py", [
            {"name": r["run"].name, "what": r["run"].what,
             "p50_ms": float(r["total"]["50%"]), "p95_ms": float(r["total"]["95%"]),
             "target_p95_ms": TARGET_P95_MS.get(r["run"].name)} for r in results])
    return 0


if __name__ == "__main__":
    sys.exit(main(bench.script_arguments()))
