"""The coach's start page and the list of all candidates of their municipality."""

from django.shortcuts import render

from candidates.forms.coach import CandidateFilterForm
from candidates.selectors_coach import coach_candidate_page, coach_dashboard
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.audit import audit_search

from .common import page_size


@role_required(Role.COACH)
def home(request):
    return render(request, "candidates/coach/home.html",
                  {"dashboard": coach_dashboard(viewer=request.user)})


@role_required(Role.COACH)
def candidate_list(request):
    form = CandidateFilterForm.from_query(request.GET)
    filters = form.filters() if form.is_bound else {}
    page = coach_candidate_page(viewer=request.user, filters=filters,
                                page_number=request.GET.get("pagina"), per_page=page_size())
    if filters.get("q"):
        # Searching people by name is usage data the privacy statement promises to log.
        audit_search(viewer=request.user, query=filters["q"], request=request,
                     filters={k: v for k, v in filters.items() if v and k != "q"},
                     result_count=page.paginator.count)
    return render(request, "candidates/coach/list.html", {
        "form": form, "page": page,
        "filtered": any(value for key, value in filters.items() if key != "sort"),
    })
