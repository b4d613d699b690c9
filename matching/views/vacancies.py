"""Candidates that may suit a vacancy, for the account manager and the employer."""

from django.core.paginator import Paginator
from django.shortcuts import render

from employers.models import Vacancy
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from matching.selectors import candidate_suggestions, vacancy_for_matching, weights_for
from privacy.audit import audit_search

from .common import weights_table

PAGE_SIZE = 50


def _index(request, candidates_url: str):
    vacancies = (Vacancy.objects.visible_to(request.user).exclude(status=Vacancy.Status.CLOSED)
                 .select_related("employer", "occupation", "place")
                 .order_by("-published_at", "-created_at", "-id"))
    page = Paginator(vacancies, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "matching/vacancies/index.html",
                  {"page": page, "candidates_url": candidates_url})


def _candidates(request, vacancy_pk: int, index_url: str):
    vacancy = vacancy_for_matching(request.user, vacancy_pk)
    suggestions = candidate_suggestions(viewer=request.user, vacancy=vacancy)
    # A ranked list of people is a search over candidates: logged like one.
    audit_search(viewer=request.user, query="", request=request, result_count=len(suggestions),
                 filters={"suggestions_for_vacancy": vacancy.pk})
    return render(request, "matching/vacancies/candidates.html", {
        "vacancy": vacancy, "suggestions": suggestions, "index_url": index_url,
        "weights": weights_table(weights_for(vacancy.municipality)),
    })


@role_required(Role.ACCOUNT_MANAGER)
def account_manager_index(request):
    return _index(request, "matching:account_manager_candidates")


@role_required(Role.ACCOUNT_MANAGER)
def account_manager_candidates(request, vacancy_pk):
    return _candidates(request, vacancy_pk, "matching:account_manager_index")


@role_required(Role.EMPLOYER)
def employer_index(request):
    return _index(request, "matching:employer_candidates")


@role_required(Role.EMPLOYER)
def employer_candidates(request, vacancy_pk):
    return _candidates(request, vacancy_pk, "matching:employer_index")
