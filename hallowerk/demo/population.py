"""The whole demo population in one call, in dependency order, idempotent."""

import time
from dataclasses import dataclass

from candidates.models import (
    Candidate,
    Course,
    Education,
    LanguageSkill,
    Profile,
    SearchDocument,
    WorkExperience,
)
from candidates.search_tiers import search_tiers_rebalance
from employers.models import Employer, Vacancy
from hallowerk.models import User

from .accounts import demo_accounts_ensure
from .activity import demo_activity_ensure
from .bulk import vacuum_analyze
from .candidates import demo_candidates_ensure
from .context import demo_context_build
from .employers import demo_employers_ensure, demo_vacancies_ensure
from .jobseeker import demo_employer_details_ensure, demo_jobseeker_dossier_ensure
from .staff import demo_staff_ensure

DEFAULT_SEED = 2026
DEFAULT_CANDIDATES = 300


@dataclass(frozen=True)
class DemoSize:
    candidates: int = DEFAULT_CANDIDATES
    employers: int | None = None  # default: ~5% of the candidates
    vacancies: int | None = None  # default: ~20% of the candidates

    @property
    def employer_count(self) -> int:
        return self.employers if self.employers is not None else max(5, self.candidates // 20)

    @property
    def vacancy_count(self) -> int:
        return self.vacancies if self.vacancies is not None else max(10, self.candidates // 5)


def demo_population_ensure(*, size: DemoSize, seed: int = DEFAULT_SEED, log=print) -> dict:
    """Demo accounts, their own data, and a population of `size`. Returns what was created."""
    started = time.monotonic()

    def step(label, function, *args, **kwargs):
        t0 = time.monotonic()
        result = function(*args, **kwargs)
        log(f"  {label}: {result} new ({time.monotonic() - t0:.1f} s)")
        return result

    demo_accounts_ensure()
    demo_jobseeker_dossier_ensure()
    demo_employer_details_ensure()
    ctx = demo_context_build(seed)
    created = {
        "staff": step("staff", demo_staff_ensure, ctx, candidates=size.candidates,
                      employers=size.employer_count),
        "employers": step("employers", demo_employers_ensure, ctx, size.employer_count),
        "vacancies": step("vacancies", demo_vacancies_ensure, ctx, size.vacancy_count),
        "candidates": step("candidates", demo_candidates_ensure, ctx, size.candidates,
                           progress=lambda done, total: log(f"    {done}/{total} candidates")
                           if total > 5000 else None),
    }
    # After the population, so the employer has candidates to put on a list.
    step("dossier states and activity", demo_activity_ensure, population=size.candidates)
    # The recency bands of the search (candidates/search_tiers.py), as the 15-minute job
    # would set them: without this, every document of a new population sits in band 0.
    step("search bands", search_tiers_rebalance)
    if any(created.values()):
        vacuum_analyze(User, Employer, Vacancy, Candidate, Profile, WorkExperience, Education,
                       Course, LanguageSkill, SearchDocument)
    log(f"Demo data ready in {time.monotonic() - started:.1f} s")
    return created
