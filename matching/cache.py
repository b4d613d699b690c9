"""Reading the kept lists (models/cache.py) for one viewer.

A list names candidates (or vacancies) ranked for an audience; what a viewer gets is that
list narrowed, at read time, by the viewer's own current scope (visible_to, then
matchable): someone who stopped sharing a second ago is gone from the page at once, and a
list can never show anyone the scope does not. The narrowed list is the exact ranking of the
scope as long as it keeps at least `limit` entries or the lists were complete; otherwise
the lists are recomputed, and if that still cannot answer, the caller ranks exactly.
"""

from datetime import datetime

from django.db.models import QuerySet

from candidates.models import Candidate
from employers.models import Vacancy
from employers.models.querysets import VacancyQuerySet
from hallowerk.roles import Role

from . import ranking, refresh
from .features import VACANCY_SELECT
from .models import Audience, CandidateRanking, VacancyRanking
from .scoring import Weights


def audiences_for(viewer, vacancy: Vacancy) -> list[str] | None:
    """Which lists hold the viewer's scope of candidates for this vacancy; None when no
    list does (the caller ranks exactly)."""
    if vacancy.employer.municipality_id != vacancy.municipality_id:
        return None
    if viewer.role == Role.EMPLOYER:
        return [Audience.REGION]  # shared_with_region(the employer's municipality)
    if viewer.role == Role.ACCOUNT_MANAGER and viewer.municipality_id == vacancy.municipality_id:
        return [Audience.MUNICIPALITY, Audience.REGION]  # own people | shared in the region
    return None


def _narrowed(lists, vacancy_id: int, scope: QuerySet, limit: int) -> list[int] | None:
    """The union of `lists`, best first, as far as all of them know it, narrowed to
    `scope`; None when that leaves fewer than `limit` and more may exist."""
    nums: dict[int, int] = {}
    bound = None  # the last key every incomplete list still knows
    for row in lists:
        nums.update(zip(row.candidate_ids, row.nums, strict=True))
        if not row.complete:
            if not row.candidate_ids:
                return None
            last = refresh.candidate_key(vacancy_id, row.candidate_ids[-1], row.nums[-1])
            bound = last if bound is None else min(bound, last)
    ordered = sorted(nums, key=lambda pk: refresh.candidate_key(vacancy_id, pk, nums[pk]))
    if bound is not None:
        ordered = [pk for pk in ordered
                   if refresh.candidate_key(vacancy_id, pk, nums[pk]) <= bound]
    allowed = set(ranking.matchable_candidates(scope).filter(pk__in=ordered)
                  .values_list("pk", flat=True))
    kept = [pk for pk in ordered if pk in allowed]
    if bound is not None and len(kept) < limit:
        return None
    return kept[:limit]


def candidate_ids(*, viewer, vacancy: Vacancy, weights: Weights,
                  limit: int = ranking.SUGGESTION_LIMIT) -> tuple[list[int], datetime]:
    """The best candidates for the vacancy within the viewer's scope, best first, and the
    moment that ranking is exact as of."""
    scope = Candidate.objects.visible_to(viewer)
    audiences = audiences_for(viewer, vacancy)
    if audiences is not None:
        lists = {row.audience: row for row in CandidateRanking.objects.filter(
            vacancy=vacancy, audience__in=audiences)}
        if len(lists) < len(audiences):
            lists.update(refresh.candidate_rankings_compute(
                vacancy=vacancy, weights=weights,
                audiences=[a for a in audiences if a not in lists]))
        ids = _narrowed(lists.values(), vacancy.pk, scope, limit)
        if ids is None:  # too many left the scope since: rank again, once
            lists = refresh.candidate_rankings_compute(vacancy=vacancy, weights=weights,
                                                       audiences=audiences)
            ids = _narrowed(lists.values(), vacancy.pk, scope, limit)
        if ids is not None:
            computed = min(row.computed_at for row in lists.values())
            return ids, max(computed, refresh.rankings_as_of())
    exact = ranking.candidate_ids_for_vacancy(vacancy=vacancy, candidates=scope,
                                              weights=weights, limit=limit)
    return exact, refresh.rankings_as_of(now=True)


def vacancies(*, candidate: Candidate, scope: VacancyQuerySet,
              limit: int = ranking.SUGGESTION_LIMIT) -> tuple[list[Vacancy], datetime]:
    """The best vacancies of `scope` (the viewer's, within the candidate's municipality) for
    the candidate, best first, loaded for the page. Fetch the candidate with
    features.CANDIDATE_SELECT / CANDIDATE_PREFETCH."""
    # "municipality": each vacancy's facts show its municipality's WSP contact (read one
    # query per vacancy before: 25 of the page's 40 queries).
    scope = ranking.matchable_vacancies(scope).select_related(*VACANCY_SELECT, "employer",
                                                              "sector", "municipality")
    row = VacancyRanking.objects.filter(candidate=candidate).first()
    for attempt in range(2):
        if row is None or attempt:
            row = refresh.vacancy_ranking_compute(candidate=candidate)
        rows = scope.filter(pk__in=row.vacancy_ids).in_bulk()
        kept = [rows[pk] for pk in row.vacancy_ids if pk in rows]
        if row.complete or len(kept) >= limit:
            return kept[:limit], max(row.computed_at, refresh.rankings_as_of())
    ids = ranking.vacancy_ids_for_candidate(candidate=candidate, vacancies=scope,
                                            weights=refresh.weights_of(candidate.municipality_id),
                                            limit=limit)
    rows = scope.filter(pk__in=ids).in_bulk()
    return [rows[pk] for pk in ids], refresh.rankings_as_of(now=True)
