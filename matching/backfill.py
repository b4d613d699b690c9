"""Computing the kept lists (models/cache.py) of one municipality ahead of the pages.

After a new installation or a bulk import nothing is kept yet: every first page view, and
the first monitoring report, would rank on the spot. The backfill ranks what is missing in
the background instead, in batches of ids in ascending order, each batch in its own
transaction. It is idempotent and resumable: a list that exists is skipped (the sweep keeps
existing lists exact), so running it again — or continuing after the last id a batch
reached — only does what is left.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from candidates.models import Candidate
from employers.models import Vacancy

from . import ranking, refresh
from .features import CANDIDATE_PREFETCH, CANDIDATE_SELECT
from .models import Audience, CandidateRanking, VacancyRanking

VACANCIES = "vacancies"
CANDIDATES = "candidates"
BATCH = 100


@dataclass
class Batch:
    kind: str  # VACANCIES or CANDIDATES
    last_id: int | None  # the highest id looked at; None when nothing was left
    computed: int  # lists ranked in this batch
    skipped: int  # lists that existed

    @property
    def done(self) -> bool:
        return self.last_id is None


@transaction.atomic
def vacancy_lists_backfill(*, municipality_id: int, after: int = 0, batch: int = BATCH,
                           audiences: Iterable[str] = Audience.values) -> Batch:
    """Rank the missing candidate lists of the next `batch` published vacancies (id >
    `after`) of the municipality, for each of `audiences`."""
    audiences = list(audiences)
    vacancies = list(Vacancy.objects.published().filter(
        municipality_id=municipality_id, pk__gt=after).order_by("pk")
        .select_related("occupation", "place", "municipality", "employer")[:batch])
    if not vacancies:
        return Batch(VACANCIES, None, 0, 0)
    kept = set(CandidateRanking.objects.filter(
        vacancy_id__in=[v.pk for v in vacancies], audience__in=audiences)
        .values_list("vacancy_id", "audience"))
    weights = refresh.weights_of(municipality_id)
    computed = 0
    for vacancy in vacancies:
        missing = [a for a in audiences if (vacancy.pk, a) not in kept]
        if missing:
            refresh.candidate_rankings_compute(vacancy=vacancy, audiences=missing,
                                               weights=weights)
            computed += len(missing)
    return Batch(VACANCIES, vacancies[-1].pk, computed, len(kept))


@transaction.atomic
def candidate_lists_backfill(*, municipality_id: int, after: int = 0,
                             batch: int = BATCH) -> Batch:
    """Rank the missing vacancy lists of the next `batch` matchable candidates (id >
    `after`) of the municipality."""
    ids = list(ranking.matchable_candidates(Candidate.objects.filter(
        municipality_id=municipality_id, pk__gt=after)).order_by("pk")
        .values_list("pk", flat=True)[:batch])
    if not ids:
        return Batch(CANDIDATES, None, 0, 0)
    kept = set(VacancyRanking.objects.filter(candidate_id__in=ids)
               .values_list("candidate_id", flat=True))
    missing = (Candidate.objects.filter(pk__in=set(ids) - kept).order_by("pk")
               .select_related(*CANDIDATE_SELECT).prefetch_related(*CANDIDATE_PREFETCH))
    computed = 0
    for candidate in missing:
        refresh.vacancy_ranking_compute(candidate=candidate)
        computed += 1
    return Batch(CANDIDATES, ids[-1], computed, len(kept))


def lists_backfill(*, municipality_id: int, kind: str, after: int = 0,
                   batch: int = BATCH, audiences: Iterable[str] = Audience.values) -> Batch:
    if kind == VACANCIES:
        return vacancy_lists_backfill(municipality_id=municipality_id, after=after,
                                      batch=batch, audiences=audiences)
    return candidate_lists_backfill(municipality_id=municipality_id, after=after, batch=batch)
