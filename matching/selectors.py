"""Reads for the suggestion pages. Every list starts from the viewer's own scope
(Candidate/Vacancy.objects.visible_to); matching only narrows it."""

from dataclasses import dataclass

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

from . import ranking
from .explain import Audience, Strength, explain_all
from .features import CANDIDATE_PREFETCH, CANDIDATE_SELECT
from .models import MatchingWeights, SuggestionFeedback
from .scoring import MatchResult, Weights


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
class VacancySuggestion:
    vacancy: Vacancy
    result: MatchResult
    strengths: list[Strength]
    feedback: SuggestionFeedback | None


def vacancy_suggestions(*, viewer, candidate: Candidate) -> list[VacancySuggestion]:
    """Published vacancies of the candidate's municipality that the viewer may see, best
    first (the jobseeker sees only their own municipality's vacancies, SPEC §4)."""
    vacancies = Vacancy.objects.visible_to(viewer).filter(municipality_id=candidate.municipality_id)
    ranked = ranking.vacancies_for_candidate(candidate=candidate, vacancies=vacancies,
                                             weights=weights_for(candidate.municipality))
    audience = Audience.SELF if viewer.role == Role.JOBSEEKER else Audience.STAFF
    strengths = explain_all([row.result for row in ranked], audience)
    feedback = {given.vacancy_id: given for given in SuggestionFeedback.objects.filter(
        candidate=candidate, vacancy_id__in=[row.obj.pk for row in ranked])}
    return [VacancySuggestion(row.obj, row.result, lines, feedback.get(row.obj.pk))
            for row, lines in zip(ranked, strengths, strict=True)]


@dataclass
class CandidateSuggestion:
    candidate: Candidate
    row: CandidateRow  # what the list shows of the person, built from the field catalogue
    result: MatchResult
    strengths: list[Strength]
    as_employer: bool  # the viewer gets the employer's view of this candidate


def candidate_suggestions(*, viewer, vacancy: Vacancy) -> list[CandidateSuggestion]:
    """Candidates the viewer may see (SPEC §4) that may suit the vacancy, best first."""
    ranked = ranking.candidates_for_vacancy(
        vacancy=vacancy, candidates=Candidate.objects.visible_to(viewer),
        weights=weights_for(vacancy.municipality), select=EMPLOYER_LIST_SELECT,
        prefetch=EMPLOYER_LIST_PREFETCH)
    as_employer = [candidate_sees_as_employer(viewer, row.obj) for row in ranked]
    strengths = explain_all([row.result for row in ranked],
                            [Audience.EMPLOYER if flag else Audience.STAFF
                             for flag in as_employer])
    rows = employer_list_rows([row.obj for row in ranked])
    return [CandidateSuggestion(ranked_row.obj, row, ranked_row.result, lines, flag)
            for ranked_row, row, lines, flag in zip(ranked, rows, strengths, as_employer,
                                                    strict=True)]
