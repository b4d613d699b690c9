from django.shortcuts import render

from candidates.models import VacancyResponse
from candidates.selectors_messaging import threads_for
from employers.forms.search import SearchForm
from employers.models import SavedSearch, Vacancy
from employers.selectors import shortlists_for
from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.EMPLOYER)
def home(request):
    user = request.user
    new_responses = VacancyResponse.objects.visible_to(user).filter(
        vacancy__in=Vacancy.objects.visible_to(user),
        status=VacancyResponse.Status.SENT).count()
    unread = sum(thread.unread_count for thread in threads_for(user)[:200])
    employer = user.employer
    # The WSP of the municipality that invited this employer is their contact point. It is
    # usually the user's own municipality, which the page header has loaded already: the same
    # row is not read twice (issue 12: no repeated queries).
    municipality = (user.municipality if user.municipality_id == employer.municipality_id
                    else employer.municipality)
    return render(request, "employers/employer/home.html", {
        "employer": employer,
        "municipality": municipality,
        "search_form": SearchForm(),
        "new_responses": new_responses,
        "unread_messages": unread,
        "shortlists": shortlists_for(user)[:5],
        "saved_searches": SavedSearch.objects.visible_to(user)[:5],
        "open_vacancies": Vacancy.objects.visible_to(user).published().count(),
    })
