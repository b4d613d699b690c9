from django.http import QueryDict
from django.shortcuts import render

from candidates.presenters import employer_list_rows
from employers.forms.search import PAGE_PARAMETER, SearchForm
from employers.search import SearchCriteria, candidate_search
from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.EMPLOYER)
def search(request):
    """GET only, so a search is a link to share with a colleague and works without JS."""
    form = SearchForm(request.GET if request.GET else None)
    result, query = None, ""
    if not form.is_bound:
        # The first visit shows everyone the employer may see, most recently active first.
        result = candidate_search(viewer=request.user, criteria=SearchCriteria(),
                                  request=request)
    elif form.is_valid():
        query = form.canonical_query()
        result = candidate_search(viewer=request.user, criteria=form.criteria(),
                                  page_number=request.GET.get(PAGE_PARAMETER),
                                  request=request)
    return render(request, "employers/employer/search.html", {
        "form": form, "result": result, "query": query,
        "rows": employer_list_rows(result.candidates) if result else [],
        "suggestion_query": (_with_text(query, result.suggestion)
                             if result and result.suggestion else ""),
    })


def _with_text(query: str, text: str) -> str:
    """The same search (filters kept) with other words: the "Bedoelde u" link."""
    params = QueryDict(query, mutable=True)
    params["q"] = text
    return params.urlencode()
