from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.models import VacancyResponse
from employers.models import Vacancy
from employers.responses import response_for_viewer, responses_for, vacancy_response_mark_seen
from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.EMPLOYER)
def vacancies(request):
    """The employer's own vacancies, read-only: the account manager creates and edits them."""
    shown = Q(responses__in=VacancyResponse.objects.visible_to(request.user).values("pk"))
    rows = (Vacancy.objects.visible_to(request.user).select_related("occupation", "place")
            .annotate(response_count=Count("responses", filter=shown),
                      new_count=Count("responses", filter=shown & Q(
                          responses__status=VacancyResponse.Status.SENT))))
    return render(request, "employers/employer/vacancies.html", {"vacancies": rows})


@role_required(Role.EMPLOYER)
def vacancy_detail(request, pk):
    vacancy = get_object_or_404(
        Vacancy.objects.visible_to(request.user).select_related(
            "occupation", "sector", "place", "municipality", "created_by"), pk=pk)
    responses, not_shown = responses_for(viewer=request.user, vacancy=vacancy)
    return render(request, "employers/employer/vacancy_detail.html", {
        "vacancy": vacancy, "responses": responses, "not_shown": not_shown,
        "shortlists": vacancy.shortlists.filter(employer_id=request.user.employer_id)})


@require_POST
@role_required(Role.EMPLOYER)
def response_mark_seen(request, pk):
    response = response_for_viewer(request.user, pk)
    vacancy_response_mark_seen(by=request.user, response=response, request=request)
    messages.success(request, _("De reactie staat op gezien. De kandidaat ziet dat u de reactie "
                                "hebt gelezen."))
    return redirect("employers:vacancy_detail", pk=response.vacancy_id)
