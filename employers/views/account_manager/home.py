from django.shortcuts import render

from candidates.models import VacancyResponse
from employers.models import Employer, Vacancy
from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.ACCOUNT_MANAGER)
def home(request):
    user = request.user
    vacancies = Vacancy.objects.visible_to(user)
    return render(request, "employers/account_manager/home.html", {
        "employers": Employer.objects.visible_to(user).filter(is_active=True).count(),
        "published": vacancies.filter(status=Vacancy.Status.PUBLISHED).count(),
        "new_responses": VacancyResponse.objects.visible_to(user).filter(
            vacancy__in=vacancies, status=VacancyResponse.Status.SENT).count(),
    })
