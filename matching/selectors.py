"""Reads for the suggestion pages. Every list starts from the viewer's own scope
(Candidate/Vacancy.objects.visible_to); matching only narrows it."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q
from django.shortcuts import get_object_or_404

from candidates.models import Candidate
from candidates.presenters import (
    EMPLOYER_LIST_PREFETCH,
    EMPLOYER_LIST_SELECT,
    CandidateRow,
    employer_list_rows,
)
from candidates.selectors import candidate_sees_as_employer
from employers.models import Vacancy
from hallowerk.roles import Role

from . import cache, ranking
from .explain import Audience, Strength, explain_all
from .features import (
    CANDIDATE_PREFETCH,
    CANDIDATE_SELECT,
    candidate_features,
    vacancy_features,
)
from .models import MatchingWeights, SuggestionFeedback
from .scoring import MatchResult, Weights, match


def weights_row_for(municipality) -> MatchingWeights | None:
    """The municipality's own weighting, else the platform's, else None (the defaults)."""
    return (MatchingWeights.objects
            .filter(Q(municipality=municipality) | Q(municipality__isnull=True))
            .order_by(F("municipality").asc(nulls_last=True)).first())


def weights_for(municipality) -> Weights:
    row = weights_row_for(municipality)
    return Weights.of(row) if row else Weights.defaults()


def candidate_for_matching(viewer, pk: int | None = None) -> Candidate:
    """The candidate whose suggestions the viewer asks for: the jobseeker themself, or one
    the coach may see (404 otherwise), with everything the engine reads."""
    queryset = (Candidate.objects.visible_to(viewer).select_related(*CANDIDATE_SELECT,
                                                                     "municipality")
                .prefetch_related(*CANDIDATE_PREFETCH))
    if viewer.role == Role.JOBSEEKER:
        return get_object_or_404(queryset)
    return get_object_or_404(queryset, pk=pk)


def vacancy_for_matching(viewer, pk: int) -> Vacancy:
    return get_object_or_404(
        Vacancy.objects.visible_to(viewer).select_related("occupation", "place", "employer",
                                                          "sector", "municipality"), pk=pk)


@dataclass
class Suggestions:
    """A suggestion page's list and the moment its ranking is exact as of ("bijgewerkt
    om"): the kept lists absorb changes within a minute or so (refresh.py)."""

    rows: list
    as_of: datetime

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]


@dataclass
class VacancySuggestion:
    vacancy: Vacancy
    result: MatchResult
    strengths: list[Strength]
    feedback: SuggestionFeedback | None


def vacancy_suggestions(*, viewer, candidate: Candidate) -> Suggestions:
    """Published vacancies of the candidate's municipality that the viewer may see, best
    first (the jobseeker sees only their own municipality's vacancies, SPEC §4), from the
    kept list (cache.py), re-checked against the viewer's scope."""
    scope = Vacancy.objects.visible_to(viewer).filter(municipality_id=candidate.municipality_id)
    found, as_of = cache.vacancies(candidate=candidate, scope=scope)
    c, weights = candidate_features(candidate), weights_for(candidate.municipality)
    # A change the sweep has not applied yet may have made a kept vacancy unsuitable: the
    # page shows only what the current profile still suits.
    scored = [(vacancy, match(c, vacancy_features(vacancy), weights)) for vacancy in found]
    found = [vacancy for vacancy, result in scored if result.suggested]
    results = [result for _vacancy, result in scored if result.suggested]
    audience = Audience.SELF if viewer.role == Role.JOBSEEKER else Audience.STAFF
    strengths = explain_all(results, audience)
    feedback = {given.vacancy_id: given for given in SuggestionFeedback.objects.filter(
        candidate=candidate, vacancy_id__in=[vacancy.pk for vacancy in found])}
    return Suggestions([VacancySuggestion(vacancy, result, lines, feedback.get(vacancy.pk))
                        for vacancy, result, lines in zip(found, results, strengths,
                                                          strict=True)], as_of)


@dataclass
class CandidateSuggestion:
    candidate: Candidate
    row: CandidateRow  # what the list shows of the person, built from the field catalogue
    result: MatchResult
    strengths: list[Strength]
    as_employer: bool  # the viewer gets the employer's view of this candidate


def candidate_suggestions(*, viewer, vacancy: Vacancy) -> Suggestions:
    """Candidates the viewer may see (SPEC §4) that may suit the vacancy, best first, from
    the kept lists (cache.py), re-checked against the viewer's scope."""
    weights = weights_for(vacancy.municipality)
    ids, as_of = cache.candidate_ids(viewer=viewer, vacancy=vacancy, weights=weights)
    # Loaded through the scope once more: the page reads nothing outside it.
    found = (ranking.matchable_candidates(Candidate.objects.visible_to(viewer))
             .filter(pk__in=ids).select_related(*CANDIDATE_SELECT, *EMPLOYER_LIST_SELECT)
             .prefetch_related(*CANDIDATE_PREFETCH, *EMPLOYER_LIST_PREFETCH).in_bulk())
    v = vacancy_features(vacancy)
    ranked = [(found[pk], match(candidate_features(found[pk]), v, weights))
              for pk in ids if pk in found]
    # Also a changed profile the sweep has not applied yet (or an erasure) may no longer suit.
    ranked = [(person, result) for person, result in ranked if result.suggested]
    as_employer = [candidate_sees_as_employer(viewer, person) for person, _result in ranked]
    strengths = explain_all([result for _person, result in ranked],
                            [Audience.EMPLOYER if flag else Audience.STAFF
                             for flag in as_employer])
    rows = employer_list_rows([person for person, _result in ranked])
    return Suggestions([CandidateSuggestion(person, row, result, lines, flag)
                        for (person, result), row, lines, flag in zip(
                            ranked, rows, strengths, as_employer, strict=True)], as_of)
