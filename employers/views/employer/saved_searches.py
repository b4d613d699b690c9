from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers.forms.employer import AlertToggleForm, SavedSearchForm
from employers.forms.search import PAGE_PARAMETER, SearchForm, search_form_from_query_string
from employers.models import SavedSearch
from employers.services_saved_searches import (
    saved_search_create,
    saved_search_delete,
    saved_search_set_alerts,
)
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role


def _saved_search(request, pk) -> SavedSearch:
    return get_object_or_404(SavedSearch.objects.visible_to(request.user), pk=pk)


def _summary(form: SearchForm) -> list[tuple[str, str]]:
    """The search in words, so the employer knows what they are saving."""
    if not form.is_valid():
        return []
    rows = []
    for name, field in form.fields.items():
        bound = form[name]
        value = form.cleaned_data.get(name)
        if not value or (name == "radius" and not form.cleaned_data.get("place")):
            continue
        if hasattr(field, "choices") and not hasattr(value, "pk"):
            labels = dict(field.choices)
            values = value if isinstance(value, list) else [value]
            value = ", ".join(str(labels.get(v, v)) for v in values)
        rows.append((str(bound.label), str(value)))
    return rows


@role_required(Role.EMPLOYER)
def saved_searches(request):
    return render(request, "employers/employer/saved_searches.html", {
        "saved_searches": SavedSearch.objects.visible_to(request.user)})


@role_required(Role.EMPLOYER)
def saved_search_create_view(request):
    if request.method == "POST":
        form = SavedSearchForm(request.POST)
        query = request.POST.get("query", "")
    else:
        params = request.GET.copy()
        params.pop(PAGE_PARAMETER, None)
        query = params.urlencode()
        form = SavedSearchForm(initial={"query": query})
    search_form = search_form_from_query_string(query)
    if request.method == "POST" and form.is_valid():
        try:
            saved = saved_search_create(by=request.user, name=form.cleaned_data["name"],
                                        query_string=form.cleaned_data["query"],
                                        alerts_enabled=form.cleaned_data["alerts_enabled"],
                                        request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Uw zoekopdracht '%(name)s' is bewaard.") % {
                "name": saved.name})
            return redirect("employers:saved_searches")
    return render(request, "employers/employer/saved_search_create.html", {
        "form": form, "summary": _summary(search_form), "query": query,
        "search_valid": search_form.is_valid()})


@role_required(Role.EMPLOYER)
def saved_search_open(request, pk):
    """The link in the alert mail: run the saved search (validated again) on the search page."""
    saved = _saved_search(request, pk)
    params = QueryDict(saved.query_string)
    return redirect(f"{reverse('employers:search')}?{params.urlencode()}"
                    if saved.query_string else reverse("employers:search"))


@require_POST
@role_required(Role.EMPLOYER)
def saved_search_alerts(request, pk):
    saved = _saved_search(request, pk)
    form = AlertToggleForm(request.POST)
    form.is_valid()
    enabled = bool(form.cleaned_data.get("enabled"))
    saved_search_set_alerts(by=request.user, saved_search=saved, enabled=enabled,
                            request=request)
    messages.success(request, _("U krijgt een e-mail bij nieuwe profielen.") if enabled
                     else _("U krijgt geen e-mail meer voor deze zoekopdracht."))
    return redirect("employers:saved_searches")


@require_POST
@role_required(Role.EMPLOYER)
def saved_search_delete_view(request, pk):
    saved = _saved_search(request, pk)
    saved_search_delete(by=request.user, saved_search=saved, request=request)
    messages.success(request, _("De zoekopdracht '%(name)s' is verwijderd.") % {
        "name": saved.name})
    return redirect("employers:saved_searches")
