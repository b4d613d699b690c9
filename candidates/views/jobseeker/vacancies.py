"""Vacancies of the jobseeker's own municipality (and nothing else), search and filters,
responding with a short message, and the jobseeker's responses with their status."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from candidates.forms.vacancies import VacancyResponseForm, VacancySearchForm
from candidates.services_messaging import vacancy_response_create
from employers.models import Vacancy
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.pagination import LIST_COUNT_CAP, CappedPaginator
from hallowerk.permissions import role_required
from hallowerk.roles import Role

from .common import own_candidate, posted

PAGE_SIZE = 20
# Counted and paged at most (issue 11); beyond it the page asks to narrow the list down.
COUNT_CAP = LIST_COUNT_CAP


def _filtered(vacancies, data: dict):
    if data.get("q"):
        words = data["q"].split()
        for word in words:
            vacancies = vacancies.filter(
                Q(title__icontains=word) | Q(description__icontains=word)
                | Q(occupation__label_nl__icontains=word)
                | Q(occupation__label_en__icontains=word) | Q(employer__name__icontains=word))
    for name in ("occupation", "sector", "place"):
        if data.get(name) is not None:
            vacancies = vacancies.filter(**{name: data[name]})
    hours = data.get("hours")
    if hours is not None:
        vacancies = vacancies.filter(
            Q(hours_per_week_min__isnull=True) | Q(hours_per_week_min__lte=hours),
            Q(hours_per_week_max__isnull=True) | Q(hours_per_week_max__gte=hours))
    return vacancies


@role_required(Role.JOBSEEKER)
def vacancy_list(request):
    candidate = own_candidate(request)
    form = VacancySearchForm(request.GET or None, viewer=request.user)
    vacancies = Vacancy.objects.visible_to(request.user).select_related(
        "employer", "occupation", "sector", "place")
    if form.is_bound and form.is_valid():
        vacancies = _filtered(vacancies, form.cleaned_data)
    # A large municipality has thousands of vacancies: its count would grow with them.
    page = CappedPaginator(vacancies.order_by("-published_at", "-pk"), PAGE_SIZE,
                           cap=COUNT_CAP).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "candidates/jobseeker/vacancies.html", {
        "form": form, "page": page, "query": query.urlencode(), "count_cap": COUNT_CAP,
        "responded": set(candidate.vacancy_responses.values_list("vacancy_id", flat=True)),
    })


@role_required(Role.JOBSEEKER)
def vacancy_detail(request, pk):
    candidate = own_candidate(request)
    vacancy = get_object_or_404(
        Vacancy.objects.visible_to(request.user).select_related(
            "employer", "occupation", "sector", "place", "municipality", "created_by"), pk=pk)
    response = candidate.vacancy_responses.filter(vacancy=vacancy).first()
    form = VacancyResponseForm(posted(request))
    if request.method == "POST" and response is None and form.is_valid():
        try:
            vacancy_response_create(by=request.user, vacancy=vacancy,
                                    message=form.cleaned_data["message"], request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Uw reactie is verstuurd. U ziet de status bij "
                                        "'Mijn reacties'."))
            return redirect("candidates:jobseeker_vacancy", pk=vacancy.pk)
    return render(request, "candidates/jobseeker/vacancy_detail.html",
                  {"vacancy": vacancy, "response": response, "form": form})


@role_required(Role.JOBSEEKER)
def response_list(request):
    candidate = own_candidate(request)
    responses = candidate.vacancy_responses.select_related("vacancy", "vacancy__employer")
    return render(request, "candidates/jobseeker/responses.html", {"responses": responses})
