from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.presenters import employer_list_fetch, employer_list_rows
from candidates.selectors import candidate_for_viewer
from employers.forms.employer import ShortlistForm
from employers.models import Shortlist
from employers.selectors import shortlist_candidates, shortlists_for
from employers.services_shortlists import shortlist_create, shortlist_delete, shortlist_entry_remove
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role


def _shortlist(request, pk) -> Shortlist:
    return get_object_or_404(Shortlist.objects.visible_to(request.user), pk=pk)


@role_required(Role.EMPLOYER)
def shortlists(request):
    form = ShortlistForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            shortlist = shortlist_create(by=request.user, name=form.cleaned_data["name"],
                                         vacancy=form.cleaned_data["vacancy"], request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De lijst '%(name)s' is gemaakt.") % {
                "name": shortlist.name})
            return redirect("employers:shortlist_detail", pk=shortlist.pk)
    return render(request, "employers/employer/shortlists.html", {
        "form": form, "shortlists": shortlists_for(request.user)})


@role_required(Role.EMPLOYER)
def shortlist_detail(request, pk):
    shortlist = _shortlist(request, pk)
    candidates = employer_list_fetch(shortlist_candidates(viewer=request.user,
                                                          shortlist=shortlist), limit=500)
    # Entries of candidates who stopped sharing stay out of sight; only their number shows.
    no_longer_visible = shortlist.entries.count() - len(candidates)
    return render(request, "employers/employer/shortlist_detail.html", {
        "shortlist": shortlist, "rows": employer_list_rows(candidates),
        "no_longer_visible": max(no_longer_visible, 0)})


@role_required(Role.EMPLOYER)
def shortlist_delete_view(request, pk):
    shortlist = _shortlist(request, pk)
    if request.method == "POST":
        shortlist_delete(by=request.user, shortlist=shortlist, request=request)
        messages.success(request, _("De lijst '%(name)s' is verwijderd.") % {
            "name": shortlist.name})
        return redirect("employers:shortlists")
    return render(request, "employers/employer/shortlist_delete.html",
                  {"shortlist": shortlist})


@require_POST
@role_required(Role.EMPLOYER)
def shortlist_entry_remove_view(request, pk, candidate_pk):
    shortlist = _shortlist(request, pk)
    candidate = candidate_for_viewer(request.user, candidate_pk)
    if shortlist_entry_remove(by=request.user, shortlist=shortlist, candidate=candidate,
                              request=request):
        messages.success(request, _("De kandidaat is van de lijst gehaald."))
    next_page = request.POST.get("next")
    if next_page == "candidate":
        return redirect("employers:candidate_profile", pk=candidate.pk)
    return redirect("employers:shortlist_detail", pk=shortlist.pk)
