"""Keeping the ranked lists of models/cache.py exact: every write to them lives here.

- `*_compute`: the exact lists (the SQL ranking of ranking.py), stored;
- `ranking_change_record`: the hook other apps' services call, in their transaction, when
  something a ranking reads changes (a profile, a candidate's sharing or status, a vacancy);
- `ranking_changes_apply`: the sweep (matching.tasks, every minute) that applies recorded
  changes to exactly the lists they can affect: a changed candidate is scored in Python
  (scoring.match, the reference the SQL equals) against the vacancies whose lists could
  hold them, and moved in, out or along those lists; a changed vacancy gets its own lists
  recomputed and is moved in or out of the candidates' vacancy lists.

A list stays an exact *prefix* of its ranking when an entry leaves (what was behind it moves
up; nothing unknown lies between two kept entries). A newcomer goes in only when it ranks
before the last entry, or the list is complete. A list left shorter than REFILL_BELOW is
recomputed at once.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from candidates.models import Candidate
from candidates.models.querysets import shared_with_region
from employers.models import Vacancy
from hallowerk.models import Municipality

from . import ranking, sql
from .components import RELEVANT_CLOSENESS
from .features import (
    CANDIDATE_PREFETCH,
    CANDIDATE_SELECT,
    VACANCY_SELECT,
    CandidateFeatures,
    candidate_features,
    vacancy_features,
)
from .models import Audience, CandidateRanking, MatchingChange, VacancyRanking
from .scoring import Weights, match, tiebreak

DEPTH = 40  # entries kept per list: 25 shown, the rest absorbs people leaving a scope
REFILL_BELOW = 30
EVERYONE = 10**9  # "no limit" for the SQL ranking


# --- the order of a list, as ranking.py / scoring.py define it


def candidate_key(vacancy_id: int, candidate_id: int, num: int) -> tuple:
    return (-num, tiebreak(candidate_id, vacancy_id), candidate_id)


def vacancy_key(candidate_id: int, vacancy_id: int, num: int, den: int) -> tuple:
    return (-(num / den if den else 0.0), tiebreak(candidate_id, vacancy_id), vacancy_id)


def audience_scope(vacancy: Vacancy, audience: str):
    """The candidates of one audience of the vacancy (ranking narrows to matchable ones)."""
    if audience == Audience.MUNICIPALITY:
        return Candidate.objects.filter(municipality_id=vacancy.municipality_id)
    return Candidate.objects.filter(shared_with_region(
        Municipality.objects.filter(pk=vacancy.municipality_id)))


def audience_reach(vacancy: Vacancy, audience: str) -> sql.Reach:
    """Where the candidates of audience_scope() live: the vacancy's municipality, or its
    labour-market region plus those sharing with every municipality."""
    if audience == Audience.MUNICIPALITY:
        return sql.Reach((vacancy.municipality_id,))
    region = Municipality.objects.filter(pk=vacancy.municipality_id).values(
        "labour_market_region")
    return sql.Reach(tuple(Municipality.objects.filter(labour_market_region__in=region)
                           .order_by("pk").values_list("pk", flat=True)), everywhere=True)


def weights_of(municipality_id: int) -> Weights:
    return _weights(municipality_id, {})


def _weights(municipality_id: int, known: dict) -> Weights:
    from .selectors import weights_for  # selectors reads these lists

    if municipality_id not in known:
        known[municipality_id] = weights_for(Municipality(pk=municipality_id))
    return known[municipality_id]


# --- exact lists


def candidate_rankings_compute(*, vacancy: Vacancy,
                               audiences: Iterable[str] = Audience.values,
                               weights: Weights | None = None) -> dict[str, CandidateRanking]:
    """Rank the vacancy's candidates for each audience and store the lists."""
    weights = weights or _weights(vacancy.municipality_id, {})
    stored = {}
    for audience in audiences:
        now = timezone.now()
        rows = ranking.candidate_rows_for_vacancy(
            vacancy=vacancy, candidates=audience_scope(vacancy, audience), weights=weights,
            limit=DEPTH, reach=audience_reach(vacancy, audience))
        stored[audience], _created = CandidateRanking.objects.update_or_create(
            vacancy=vacancy, audience=audience, defaults={
                "candidate_ids": [pk for pk, _num in rows], "nums": [num for _pk, num in rows],
                "complete": len(rows) < DEPTH, "computed_at": now})
    return stored


def vacancy_ranking_compute(*, candidate: Candidate) -> VacancyRanking:
    """Rank the published vacancies of the candidate's municipality for them and store it.
    Fetch the candidate with features.CANDIDATE_SELECT / CANDIDATE_PREFETCH."""
    now = timezone.now()
    rows = ranking.vacancy_rows_for_candidate(
        candidate=candidate,
        vacancies=Vacancy.objects.filter(municipality_id=candidate.municipality_id),
        weights=_weights(candidate.municipality_id, {}), limit=DEPTH,
        municipality_id=candidate.municipality_id)
    stored, _created = VacancyRanking.objects.update_or_create(candidate=candidate, defaults={
        "vacancy_ids": [row[0] for row in rows], "nums": [row[1] for row in rows],
        "dens": [row[2] for row in rows], "complete": len(rows) < DEPTH, "computed_at": now})
    return stored


# --- recording changes


def ranking_change_record(*, candidate_id: int | None = None,
                          vacancy_id: int | None = None) -> None:
    """Something a ranking reads changed. Call inside the changing transaction: the row
    commits with the change or not at all, and the sweep applies it."""
    MatchingChange.objects.create(candidate_id=candidate_id, vacancy_id=vacancy_id)


def rankings_forget(*, municipality_id: int | None) -> None:
    """The weighting changed: every list it orders goes (recomputed on the next read).
    Without a municipality, the platform's weighting: every list."""
    lists = CandidateRanking.objects.all()
    own = VacancyRanking.objects.all()
    if municipality_id is not None:
        lists = lists.filter(vacancy__municipality_id=municipality_id)
        own = own.filter(candidate__municipality_id=municipality_id)
    lists.delete()
    own.delete()


# --- applying changes


def _moved(entries: list[tuple], complete: bool, leaving: int, arriving: tuple | None,
           key) -> tuple[list[tuple], bool]:
    """`entries` (each (id, *score)) without `leaving`, with `arriving` put in its place if
    the list can know it; returns the new entries and completeness."""
    kept = [entry for entry in entries if entry[0] != leaving]
    if arriving is not None and (complete or (kept and key(arriving) < key(kept[-1]))):
        kept = sorted([*kept, arriving], key=key)
        if len(kept) > DEPTH:
            kept, complete = kept[:DEPTH], False
    return kept, complete


def _candidate_should_be(candidate_id: int) -> dict[tuple[int, str], int]:
    """(vacancy id, audience) → numerator, for every list the candidate belongs in now."""
    c = (Candidate.objects.select_related(*CANDIDATE_SELECT, "municipality")
         .prefetch_related(*CANDIDATE_PREFETCH).filter(pk=candidate_id).first())
    if c is None or not ranking.matchable_candidates(
            Candidate.objects.filter(pk=candidate_id)).exists():
        return {}
    features = candidate_features(c)
    groups = {code[:RELEVANT_CLOSENESS] for code in features.occupation_codes}
    pool = Q(sector_id__in=features.sector_ids)
    for group in groups:
        pool |= Q(occupation__isco_code__startswith=group)
    if not groups and not features.sector_ids:
        return {}
    for_employers = Candidate.objects.filter(pk=candidate_id).filter(shared_with_region(
        Municipality.objects.filter(pk=c.municipality_id))).exists()
    region = c.municipality.labour_market_region
    everywhere = for_employers and c.sharing_scope == "all"
    reach = Q(municipality_id=c.municipality_id)
    if everywhere:
        reach = Q()
    elif for_employers:
        reach = Q(municipality__labour_market_region=region)
    vacancies = (Vacancy.objects.filter(pool, reach,
                                        pk__in=CandidateRanking.objects.values("vacancy_id"))
                 .select_related(*VACANCY_SELECT, "municipality"))
    should: dict[tuple[int, str], int] = {}
    weights: dict[int, Weights] = {}
    for v in vacancies:
        result = match(features, vacancy_features(v), _weights(v.municipality_id, weights))
        if not result.suggested:
            continue
        if v.municipality_id == c.municipality_id:
            should[(v.pk, Audience.MUNICIPALITY)] = result.num
        if everywhere or (for_employers and v.municipality.labour_market_region == region):
            should[(v.pk, Audience.REGION)] = result.num
    return should


def _candidate_apply(candidate_id: int) -> set[int]:
    """Move the candidate in, out or along every candidate list; returns the vacancies
    whose lists became too short."""
    should = _candidate_should_be(candidate_id)
    holding = set(CandidateRanking.objects.filter(candidate_ids__contains=[candidate_id])
                  .values_list("vacancy_id", "audience"))
    touched = holding | set(should)
    short: set[int] = set()
    changed = []
    for row in CandidateRanking.objects.select_for_update().filter(
            vacancy_id__in={pk for pk, _audience in touched}):
        if (row.vacancy_id, row.audience) not in touched:
            continue
        num = should.get((row.vacancy_id, row.audience))
        entries, row.complete = _moved(
            list(zip(row.candidate_ids, row.nums, strict=True)), row.complete, candidate_id,
            (candidate_id, num) if num is not None else None,
            lambda entry, v=row.vacancy_id: candidate_key(v, *entry))
        row.candidate_ids = [entry[0] for entry in entries]
        row.nums = [entry[1] for entry in entries]
        changed.append(row)
        if not row.complete and len(entries) < REFILL_BELOW:
            short.add(row.vacancy_id)
    CandidateRanking.objects.bulk_update(changed, ["candidate_ids", "nums", "complete"])
    return short


def _vacancy_apply(vacancy_id: int) -> None:
    """Recompute the vacancy's own lists, and move it in or out of candidates' lists."""
    v = (Vacancy.objects.select_related(*VACANCY_SELECT, "municipality")
         .filter(pk=vacancy_id).first())
    should: dict[int, tuple[int, int]] = {}
    if v is not None:
        if CandidateRanking.objects.filter(vacancy=v).exists() or \
                Vacancy.objects.published().filter(pk=v.pk).exists():
            candidate_rankings_compute(vacancy=v)
        if Vacancy.objects.published().filter(pk=v.pk).exists():
            weights = _weights(v.municipality_id, {})
            den = match(CandidateFeatures(id=0), vacancy_features(v), weights).den
            holders = Candidate.objects.filter(
                municipality_id=v.municipality_id,
                pk__in=VacancyRanking.objects.filter(
                    candidate__municipality_id=v.municipality_id).values("candidate_id"))
            should = {pk: (num, den) for pk, num in ranking.candidate_rows_for_vacancy(
                vacancy=v, candidates=holders, weights=weights, limit=EVERYONE,
                reach=sql.Reach((v.municipality_id,)))}
    holding = set(VacancyRanking.objects.filter(vacancy_ids__contains=[vacancy_id])
                  .values_list("candidate_id", flat=True))
    changed, short = [], []
    for row in VacancyRanking.objects.select_for_update().filter(
            candidate_id__in=holding | set(should)):
        score = should.get(row.candidate_id)
        entries, row.complete = _moved(
            list(zip(row.vacancy_ids, row.nums, row.dens, strict=True)), row.complete,
            vacancy_id, (vacancy_id, *score) if score else None,
            lambda entry, c=row.candidate_id: vacancy_key(c, *entry))
        row.vacancy_ids, row.nums, row.dens = ([entry[i] for entry in entries]
                                               for i in range(3))
        changed.append(row)
        if not row.complete and len(entries) < REFILL_BELOW:
            short.append(row.candidate_id)
    VacancyRanking.objects.bulk_update(changed, ["vacancy_ids", "nums", "dens", "complete"])
    for candidate in _with_features(short):
        vacancy_ranking_compute(candidate=candidate)


def _with_features(pks):
    return (Candidate.objects.filter(pk__in=pks).select_related(*CANDIDATE_SELECT)
            .prefetch_related(*CANDIDATE_PREFETCH)) if pks else []


@transaction.atomic
def ranking_changes_apply(*, batch: int = 200) -> int:
    """Apply up to `batch` recorded changes (oldest first); returns how many."""
    changes = list(MatchingChange.objects.select_for_update(skip_locked=True)
                   .order_by("recorded_at", "id")[:batch])
    vacancy_ids = list(dict.fromkeys(c.vacancy_id for c in changes if c.vacancy_id))
    candidate_ids = list(dict.fromkeys(c.candidate_id for c in changes if c.candidate_id))
    for pk in vacancy_ids:
        _vacancy_apply(pk)
    short: set[int] = set()
    for pk in candidate_ids:
        short |= _candidate_apply(pk)
    for vacancy in Vacancy.objects.filter(pk__in=short):
        candidate_rankings_compute(vacancy=vacancy)
    matchable = set(ranking.matchable_candidates(Candidate.objects.filter(pk__in=candidate_ids))
                    .values_list("pk", flat=True))
    VacancyRanking.objects.filter(candidate_id__in=set(candidate_ids) - matchable).delete()
    for candidate in _with_features(matchable):
        vacancy_ranking_compute(candidate=candidate)
    MatchingChange.objects.filter(pk__in=[c.pk for c in changes]).delete()
    return len(changes)


def rankings_as_of(*, now: bool = False):
    """Every list reflects every change recorded before this moment (now, when nothing
    waits): the sweep applies changes oldest first. `now`: the ranking was just computed."""
    if now:
        return timezone.now()
    oldest = (MatchingChange.objects.order_by("recorded_at")
              .values_list("recorded_at", flat=True).first())
    return oldest or timezone.now()
