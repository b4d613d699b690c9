from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404

from employers.models import Employer, Vacancy

PAGE_SIZE = 25


def page_size() -> int:
    # Read at call time, so the benchmark can compare a page of 5 rows with one of 25.
    return PAGE_SIZE


def page_of(request, queryset, per_page: int | None = None):
    return Paginator(queryset, per_page or PAGE_SIZE).get_page(request.GET.get("pagina"))


def employer_or_404(request, pk) -> Employer:
    return get_object_or_404(Employer.objects.visible_to(request.user), pk=pk)


def vacancy_or_404(request, pk) -> Vacancy:
    return get_object_or_404(
        Vacancy.objects.visible_to(request.user).select_related("employer", "occupation",
                                                                "sector", "place"), pk=pk)
