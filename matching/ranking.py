"""Ranked lists both ways: the database ranks, Python scores and explains the few it returns.

The callers pass the *scope* — the candidates or vacancies the viewer may see (visible_to);
this module narrows it to what can be matched and never widens it. Nothing here writes: a
ranking sends no mail and changes no status (tests/matching/test_no_automatic_action.py).
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from candidates.models import Candidate
from candidates.models.candidate import MATCHABLE
from candidates.models.querysets import account_active
from employers.models import Vacancy
from employers.models.querysets import VacancyQuerySet

from . import sql
from .features import (
    CANDIDATE_PREFETCH,
    CANDIDATE_SELECT,
    VACANCY_SELECT,
    candidate_features,
    vacancy_features,
)
from .scoring import MatchResult, Weights, candidate_order, match, vacancy_order
from .sql_fragment import Sql

SUGGESTION_LIMIT = 25


def matchable_candidates(scope: QuerySet) -> QuerySet:
    """Only people who can act on advice: active, dossier open, not hidden by a coach (a
    hidden profile is incorrect or harmful — no advice should be built on it) and an active
    account; candidates/models/ writes that rule (MATCHABLE, account_active), with the
    partial index that serves it. Without a profile nobody is relevant to a vacancy, so that
    needs no condition here."""
    return scope.filter(MATCHABLE, account_active())


def matchable_vacancies(scope: VacancyQuerySet) -> VacancyQuerySet:
    return scope.published()


@dataclass(frozen=True)
class Ranked:
    """One row of a ranked list: the other side of the match and its scored result."""

    obj: Candidate | Vacancy
    result: MatchResult


def _fetch(query: Sql) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query.text, query.params)
        return cursor.fetchall()


def candidate_rows_for_vacancy(*, vacancy: Vacancy, candidates: QuerySet, weights: Weights,
                               limit: int = SUGGESTION_LIMIT,
                               reach: sql.Reach | None = None) -> list[tuple[int, int]]:
    """(candidate id, score numerator) of the best candidates, best first, computed in
    PostgreSQL. One vacancy has one denominator, so the numerator orders them. `reach`
    (where everyone in `candidates` lives) lets the pool be read per municipality."""
    return [tuple(row) for row in _fetch(sql.candidates_for_vacancy(
        vacancy_features(vacancy), weights, matchable_candidates(candidates), limit, reach))]


def candidate_ids_for_vacancy(*, vacancy: Vacancy, candidates: QuerySet, weights: Weights,
                              limit: int = SUGGESTION_LIMIT) -> list[int]:
    """The best candidates' ids, best first, computed in PostgreSQL."""
    return [row[0] for row in candidate_rows_for_vacancy(
        vacancy=vacancy, candidates=candidates, weights=weights, limit=limit)]


def vacancy_rows_for_candidate(*, candidate: Candidate, vacancies: VacancyQuerySet,
                               weights: Weights,
                               limit: int = SUGGESTION_LIMIT,
                               municipality_id: int | None = None
                               ) -> list[tuple[int, int, int]]:
    """(vacancy id, numerator, denominator) of the best vacancies, best first.
    `municipality_id`: every vacancy of `vacancies` is there (the pool is read per
    municipality)."""
    return [tuple(row) for row in _fetch(sql.vacancies_for_candidate(
        candidate_features(candidate), weights, matchable_vacancies(vacancies), limit,
        municipality_id))]


def vacancy_ids_for_candidate(*, candidate: Candidate, vacancies: VacancyQuerySet,
                              weights: Weights,
                              limit: int = SUGGESTION_LIMIT) -> list[int]:
    return [row[0] for row in vacancy_rows_for_candidate(
        candidate=candidate, vacancies=vacancies, weights=weights, limit=limit)]


def candidates_for_vacancy(*, vacancy: Vacancy, candidates: QuerySet, weights: Weights,
                           limit: int = SUGGESTION_LIMIT, select=(), prefetch=()) -> list[Ranked]:
    """Candidates in `candidates` that may suit the vacancy, best first, each with its
    result. `select`/`prefetch` add what the caller's page reads of each candidate."""
    ids = candidate_ids_for_vacancy(vacancy=vacancy, candidates=candidates, weights=weights,
                                    limit=limit)
    rows = (Candidate.objects.filter(pk__in=ids)
            .select_related(*CANDIDATE_SELECT, *select)
            .prefetch_related(*CANDIDATE_PREFETCH, *prefetch).in_bulk())
    v = vacancy_features(vacancy)
    return [Ranked(rows[pk], match(candidate_features(rows[pk]), v, weights)) for pk in ids]


def vacancies_for_candidate(*, candidate: Candidate, vacancies: VacancyQuerySet,
                            weights: Weights,
                            limit: int = SUGGESTION_LIMIT) -> list[Ranked]:
    """Vacancies in `vacancies` that may suit the candidate, best first. Fetch the candidate
    with features.CANDIDATE_SELECT / CANDIDATE_PREFETCH."""
    c = candidate_features(candidate)
    ids = [row[0] for row in _fetch(sql.vacancies_for_candidate(
        c, weights, matchable_vacancies(vacancies), limit))]
    rows = (Vacancy.objects.filter(pk__in=ids)
            .select_related(*VACANCY_SELECT, "employer", "sector").in_bulk())
    return [Ranked(rows[pk], match(c, vacancy_features(rows[pk]), weights)) for pk in ids]


# --- the naive way, kept as the oracle for tests and the benchmark's baseline


def candidates_for_vacancy_naive(*, vacancy: Vacancy, candidates: QuerySet, weights: Weights,
                                 limit: int = SUGGESTION_LIMIT) -> list[MatchResult]:
    """Every matchable candidate loaded and scored in Python."""
    v = vacancy_features(vacancy)
    everyone = (matchable_candidates(candidates).select_related(*CANDIDATE_SELECT)
                .prefetch_related(*CANDIDATE_PREFETCH))
    results = [match(candidate_features(candidate), v, weights) for candidate in everyone]
    return sorted((r for r in results if r.suggested), key=candidate_order)[:limit]


def vacancies_for_candidate_naive(*, candidate: Candidate, vacancies: VacancyQuerySet,
                                  weights: Weights,
                                  limit: int = SUGGESTION_LIMIT) -> list[MatchResult]:
    c = candidate_features(candidate)
    everything = matchable_vacancies(vacancies).select_related(*VACANCY_SELECT)
    results = [match(c, vacancy_features(vacancy), weights) for vacancy in everything]
    return sorted((r for r in results if r.suggested), key=vacancy_order)[:limit]
