"""`make bench`: the back office at the benchmark's population size (BENCH_CANDIDATES or
`--candidates N`, default 100,000) — whole pages, as a coach, account manager or team lead
sees them.

Uses the benchmark database of scripts/bench.py (the demo population), and adds what the
back office needs that the demo does not make: an invitation for every jobseeker account
(accepted, pending, expired or withdrawn) and some contact requests. Each benchmark requests
one page through Django's test client with a logged-in, 2FA-verified user — middleware,
session, form, selector, template — RUNS times after WARMUP runs, and counts the queries
with 25 rows per page and with 5 (they must be the same). Targets: the coach's list and
the team lead's overview, p95 under 100 ms. The team lead's figures are counted first, as
the periodic job does (and that count is timed too). Results go to this script's section of
docs/benchmarks.md; `scripts/bench_backoffice.py NAME ...` runs only those and leaves the
file alone.
"""

import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import (  # noqa: E402 (scripts/ is not a package)
    BENCH_DATABASE,
    RUNS,
    WARMUP,
    headline_write,
    machine,
    p95,
    population_ensure,
    request_queries,
    section_write,
    set_staff_page_size,
    setup_django,
    verified_client,
)

TARGET_P95_MS = 100.0
START = "<!-- scripts/bench_backoffice.py: start -->"
END = "<!-- scripts/bench_backoffice.py: end -->"


@dataclass(frozen=True)
class Page:
    name: str
    description: str
    role: str
    path: str
    target_p95_ms: float | None = TARGET_P95_MS


COACH_LIST = "/werkmatcher/kandidaten/"
PAGES = [
    Page("coach_list", "Werkmatcher: alle kandidaten van de gemeente, op naam", "coach",
         COACH_LIST),
    Page("coach_list_mine", "… alleen mijn kandidaten", "coach", f"{COACH_LIST}?mine=on"),
    Page("coach_list_filters", "… actief, gedeeld, niet verborgen, niet direct benaderbaar, "
         "laatst actief eerst", "coach",
         f"{COACH_LIST}?status=active&shared=yes&hidden=no&approachable=no"
         "&sort=-last_activity"),
    Page("coach_list_mine_incomplete", "… mijn kandidaten met een half ingevuld profiel",
         "coach", f"{COACH_LIST}?mine=on&completeness=started"),
    Page("coach_list_hidden", "… alleen verborgen profielen (zeldzaam)", "coach",
         f"{COACH_LIST}?hidden=yes"),
    Page("coach_list_invitation_expired", "… uitnodiging verlopen, nieuwste dossiers eerst",
         "coach", f"{COACH_LIST}?invitation=expired&sort=-created"),
    Page("coach_list_invitation_pending", "… uitnodiging nog niet geaccepteerd, mijn kandidaten",
         "coach", f"{COACH_LIST}?invitation=pending&mine=on"),
    Page("coach_list_stale", "… meer dan 180 dagen niet actief, oudste eerst", "coach",
         f"{COACH_LIST}?activity=180&sort=last_activity"),
    # The score is stored on the profile and indexed (see the note under the table).
    Page("coach_list_empty_profiles", "… profiel nog leeg (zie noot)", "coach",
         f"{COACH_LIST}?completeness=empty"),
    Page("coach_list_search", "… zoeken op naam (wordt gelogd)", "coach",
         f"{COACH_LIST}?q=jan"),
    Page("coach_list_deep_page", "… pagina 400", "coach", f"{COACH_LIST}?pagina=400"),
    Page("coach_contact_requests", "Werkmatcher: contactverzoeken van de hele gemeente",
         "coach", "/werkmatcher/contactverzoeken/?wie=alle", target_p95_ms=None),
    Page("am_candidates", "Accountmanager: kandidaten (eigen gemeente + gedeeld in de regio)",
         "account_manager", "/wsp/kandidaten/", target_p95_ms=None),
    Page("am_candidates_other", "… alleen andere gemeenten", "account_manager",
         "/wsp/kandidaten/?origin=other", target_p95_ms=None),
    # Counted up to 1,000; a name that few people have is looked for among all visible.
    Page("am_candidates_search", "… zoeken op naam (wordt gelogd)", "account_manager",
         "/wsp/kandidaten/?q=jan", target_p95_ms=None),
    Page("am_employers", "Accountmanager: werkgevers", "account_manager", "/wsp/werkgevers/",
         target_p95_ms=None),
    Page("am_vacancies", "Accountmanager: vacatures", "account_manager", "/wsp/vacatures/",
         target_p95_ms=None),
    # Read in the order of an index (municipality, newest) since issue 11's last stop.
    Page("am_matching_index", "Accountmanager: vacatures om kandidaten bij te zoeken",
         "account_manager", "/wsp/kandidaten-voor-vacatures/", target_p95_ms=None),
    # A page at a time since issue 11's last stop (654 dossiers on one page at 500k).
    Page("coach_due", "Werkmatcher: dossiers die worden vernietigd", "coach",
         "/werkmatcher/vernietiging/"),
    # Staff among the municipality's accounts: a partial index on staff since issue 11.
    Page("admin_home", "Beheerder: startpagina (medewerkers geteld)", "administrator",
         "/beheer/"),
    Page("admin_users", "Beheerder: medewerkers, op naam", "administrator",
         "/beheer/gebruikers/"),
    Page("admin_locked", "Beheerder: geblokkeerde accounts", "administrator",
         "/beheer/geblokkeerd/"),
    Page("esf_report", "Teamleider: ESF-rapportage van dit jaar", "team_lead",
         "/rapportage/esf/", target_p95_ms=None),
    # The figures are counted by a periodic job (hallowerk/stats.py); the page reads them.
    Page("team_lead_overview", "Teamleider: overzicht sinds de start (alleen totalen)",
         "team_lead", "/teamleider/?period=all"),
    Page("team_lead_overview_year", "… laatste 12 maanden", "team_lead", "/teamleider/"),
]
# The rows that go to the side-by-side table of every size (scripts/run_benchmarks.py).
HEADLINES = ["coach_list", "coach_list_filters", "team_lead_overview", "am_employers",
             "am_vacancies", "coach_due", "admin_users"]


# --- what the back office needs on top of the demo population


def invitations_ensure() -> int:
    """One invitation per jobseeker account that has none, in a fixed mix: 70% accepted,
    15% expired, 10% pending, 5% withdrawn. Idempotent; plain SQL so 100k rows take seconds."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("""
            INSERT INTO hallowerk_invitation (user_id, role, token_hash, invited_by_id,
                                              created_at, expires_at, accepted_at, withdrawn_at)
            SELECT u.id, 'jobseeker', md5('bench' || u.id) || md5('token' || u.id),
                   c.responsible_coach_id,
                   CASE WHEN u.id % 20 IN (14, 15) THEN now() - interval '2 days'
                        ELSE c.created_at END,
                   CASE WHEN u.id % 20 IN (14, 15) THEN now() + interval '12 days'
                        ELSE c.created_at + interval '14 days' END,
                   CASE WHEN u.id % 20 < 14 THEN c.created_at + interval '2 days' END,
                   CASE WHEN u.id % 20 = 19 THEN c.created_at + interval '3 days' END
            FROM hallowerk_user u JOIN candidates_candidate c ON c.user_id = u.id
            WHERE u.role = 'jobseeker'
              AND NOT EXISTS (SELECT 1 FROM hallowerk_invitation i WHERE i.user_id = u.id)
        """)
        created = cursor.rowcount
    from hallowerk.demo.bulk import vacuum_analyze
    from hallowerk.models import Invitation

    # Settled as autovacuum leaves it, so the partial indexes can be read on their own.
    vacuum_analyze(Invitation)
    return created


def contact_requests_ensure(municipality, count: int = 120) -> int:
    """Pending contact requests from employer users about shared candidates of one
    municipality, so the coach's page has something to show."""
    from candidates.models import Candidate, ContactRequest
    from hallowerk.models import User

    if ContactRequest.objects.filter(candidate__municipality=municipality).exists():
        return 0
    employer_users = list(User.objects.filter(role="employer", is_active=True,
                                              employer__is_active=True)[:20])
    candidates = Candidate.objects.filter(municipality=municipality, shared_with_employers=True,
                                          directly_approachable=False).order_by("pk")[:count]
    requests = [ContactRequest(candidate=candidate, requested_by=user, employer_id=user.employer_id,
                               message="Wij hebben een vacature die bij dit profiel past.")
                for candidate, user in zip(candidates, employer_users * (count // 20 + 1),
                                           strict=False)]
    ContactRequest.objects.bulk_create(requests)
    return len(requests)


def viewers() -> dict:
    """One person per role in Rotterdam (the biggest municipality of the demo); the coach is
    the one with the biggest caseload, so 'my candidates' is a real list."""
    from django.db.models import Count

    from hallowerk.models import User

    rotterdam = {"municipality__slug": "rotterdam", "is_active": True}
    coach = (User.objects.filter(role="coach", **rotterdam)
             .annotate(caseload=Count("coached_candidates")).order_by("-caseload", "pk").first())
    people = {
        "coach": coach,
        "account_manager": User.objects.filter(role="account_manager", **rotterdam)
        .order_by("pk").first(),
        "team_lead": User.objects.filter(role="team_lead", **rotterdam).order_by("pk").first(),
        "administrator": User.objects.filter(role="administrator", **rotterdam)
        .order_by("pk").first(),
    }
    for role, user in people.items():
        if user is None:
            people[role] = User.objects.create_user(f"bench-{role}@rotterdam.bench", None,
                                                    role=role,
                                                    municipality_id=coach.municipality_id)
    return people


# --- the runner


@dataclass
class Result:
    page: Page
    median_ms: float
    p95_ms: float
    queries: int
    queries_small_page: int

    @property
    def ok(self) -> bool:
        target = self.page.target_p95_ms
        return (target is None or self.p95_ms < target) and self.queries == self.queries_small_page


def _queries(client, path: str, size: int) -> int:
    set_staff_page_size(size)
    try:
        return len(request_queries(client, path))
    finally:
        set_staff_page_size(25)


def figures_refresh_timed(municipality) -> dict[str, float]:
    """The team lead's figures as the periodic job counts them (every municipality at once)
    and as a team lead's 'Nu bijwerken' counts one: median of 3 runs each, in ms. The last
    run leaves the figures the page reads."""
    from hallowerk.stats import figures_refresh

    def median_ms(**kwargs) -> float:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            figures_refresh(**kwargs)
            runs.append((time.perf_counter() - started) * 1000)
        return statistics.median(runs)

    return {"one": median_ms(municipality_ids=[municipality.pk]), "all": median_ms()}


def run(pages: list[Page], clients: dict) -> list[Result]:
    """Round robin over the pages, so a burst of load from elsewhere on the (shared) machine
    falls on all of them alike instead of on whichever page was running."""
    for page in pages:
        for _ in range(WARMUP):
            assert clients[page.role].get(page.path).status_code == 200, page.path
    timings: dict[str, list[float]] = {page.name: [] for page in pages}
    for _ in range(RUNS):
        for page in pages:
            started = time.perf_counter()
            clients[page.role].get(page.path)
            timings[page.name].append((time.perf_counter() - started) * 1000)
    results = []
    for page in pages:
        runs = sorted(timings[page.name])
        results.append(Result(page, statistics.median(runs), p95(runs),
                              _queries(clients[page.role], page.path, 25),
                              _queries(clients[page.role], page.path, 5)))
    return results


def markdown(results: list[Result], population: str, caseload: int,
             machines: tuple[str, str], refresh: dict[str, float]) -> str:
    lines = [
        "## Back office (scripts/bench_backoffice.py)",
        "",
        f"Written by `make bench` (scripts/bench_backoffice.py). Each row requests the whole page "
        f"through Django's test client as a logged-in, verified user (middleware, session, form, "
        f"selector, template), {RUNS} times after {WARMUP} warm-up runs, on `{BENCH_DATABASE}` "
        f"({population}; every jobseeker account has an invitation: 70% accepted, 15% expired, "
        f"10% pending, 5% withdrawn). The viewers work in Rotterdam (about a quarter of the "
        f"candidates); the coach has a caseload of {caseload:,}.",
        f"Target for the coach's list and the team lead's overview: p95 under "
        f"{TARGET_P95_MS:.0f} ms, and the same number of queries for a page of 5 rows as for "
        "25. The pages take turns (round robin). The machine is shared, so timings vary "
        f"between runs. Machine at the start: {machines[0]}; at the end: {machines[1]}.",
        "",
        "| page | what | median (ms) | p95 (ms) | target p95 | queries (25 / 5 rows) | ok |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        target = f"{r.page.target_p95_ms:.0f} ms" if r.page.target_p95_ms else "-"
        lines.append(f"| `{r.page.name}` | {r.page.description} | {r.median_ms:.1f} | "
                     f"{r.p95_ms:.1f} | {target} | {r.queries} / {r.queries_small_page} | "
                     f"{'yes' if r.ok else 'NO'} |")
    lines += [
        "",
        "Note on `team_lead_overview`: the page reads one stored row per (municipality, "
        "period); a periodic job (every 10 minutes, hallowerk/schedule.py) counts every "
        "municipality at once, one grouped query per table. That count took "
        f"{refresh['all']:.0f} ms for all municipalities, {refresh['one']:.0f} ms for Rotterdam "
        "alone (a team lead's 'Nu bijwerken'); median of 3 runs, in this run.",
        "",
        "Note on `coach_list_empty_profiles`: the completeness score is stored on the profile "
        "(`Profile.completeness`, kept by the profile services with the one rule in "
        "candidates/models/completeness_rule.py) and indexed as (completeness, candidate), so "
        "the filter reads the matching profiles from the index instead of scoring every "
        "profile of the municipality (p95 was 259 ms before).",
    ]
    return "\n".join(lines) + "\n"


def results_write(report: str) -> None:
    section_write(START, END, report)

def page_names(argv: list[str]) -> list[str]:
    """The page names on the command line, without `--candidates N` (read by bench.py)."""
    names, skip = [], False
    for arg in argv:
        if skip or arg.startswith("--"):
            skip = arg == "--candidates"
            continue
        names.append(arg)
    return names


def main(names: list[str]) -> int:
    setup_django()
    print(f"Benchmark database {BENCH_DATABASE}: ensuring the demo population...")
    population = population_ensure()
    print(population)
    print(f"invitations added: {invitations_ensure()}")
    people = viewers()
    print(f"contact requests added: {contact_requests_ensure(people['coach'].municipality)}")
    clients = {role: verified_client(user) for role, user in people.items()}
    refresh = figures_refresh_timed(people["team_lead"].municipality)
    print(f"team lead figures counted: all municipalities {refresh['all']:.0f} ms, "
          f"Rotterdam {refresh['one']:.0f} ms")
    selected = [p for p in PAGES if not names or p.name in names]
    machine_before = machine()
    results = run(selected, clients)
    machines = (machine_before, machine())
    for result in results:
        print(f"{result.page.name}: median {result.median_ms:.1f} ms, p95 {result.p95_ms:.1f} "
              f"ms, {result.queries} queries ({result.queries_small_page} for 5 rows)")
    caseload = people["coach"].coached_candidates.count()
    report = markdown(results, population, caseload, machines, refresh)
    if not names:
        results_write(report)
        headline_write("bench_backoffice.py", [
            {"name": r.page.name, "what": r.page.description, "p50_ms": r.median_ms,
             "p95_ms": r.p95_ms, "target_p95_ms": r.page.target_p95_ms}
            for r in results if r.page.name in HEADLINES])
    print(report)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(page_names(sys.argv[1:])))
