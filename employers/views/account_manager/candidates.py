"""Candidates for the account manager (SPEC §4): of their own municipality all, read-only;
of other municipalities only those shared with employers of the region, and only what an
employer sees."""

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.forms.coach import HideForm, hide_form_submit
from candidates.models import Candidate, Profile
from candidates.models.querysets import name_contains_indexed
from candidates.presenters import employer_profile_view
from candidates.presenters_staff import STAFF_VIEW_PREFETCH, STAFF_VIEW_SELECT
from candidates.selectors import candidate_for_viewer, candidate_sees_as_employer
from candidates.selectors_coach import in_order, order_for
from candidates.services import candidate_unhide
from candidates.views.coach.candidate import candidate_context
from employers.forms.account_manager import CandidateSearchForm
from hallowerk.pagination import LIST_COUNT_CAP, CappedPaginator
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.audit import audit_profile_viewed, audit_search

from .common import page_size


@role_required(Role.ACCOUNT_MANAGER)
def candidate_list(request):
    form = CandidateSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    own = request.user.municipality_id
    candidates = Candidate.objects.visible_to(request.user)
    if filters.get("origin") == "own":
        candidates = candidates.filter(municipality_id=own)
    elif filters.get("origin") == "other":
        candidates = candidates.exclude(municipality_id=own)
    text = (filters.get("q") or "").strip()
    if text:
        words = Q()
        for word in text.split()[:4]:
            words &= name_contains_indexed(word)
        candidates = candidates.filter(words)
    # Ids first, in name order (an index), then the page's 25 with their municipality and
    # place: joining every visible profile before the sort would cost far more. The count
    # stops at LIST_COUNT_CAP ("meer dan 1.000"): an account manager sees about 40% of the
    # country's candidates, and counting them all grew with the country (issue 11).
    # A name search keeps few rows: read them and sort. Without one, walk the name index.
    ordered = candidates.order_by(*order_for("name", filtered=bool(text))).values_list(
        "pk", flat=True)
    page = CappedPaginator(ordered, page_size(), cap=LIST_COUNT_CAP).get_page(
        request.GET.get("pagina"))
    ids = list(page.object_list)
    # The page's rows read through the same scoped queryset as the ids.
    page.object_list = in_order(
        candidates.filter(pk__in=ids).select_related("municipality").prefetch_related(
            Prefetch("profile", Profile.objects.select_related("place_of_residence"))), ids)
    if text:
        audit_search(viewer=request.user, query=text, request=request,
                     filters={"origin": filters.get("origin", "")},
                     result_count=page.paginator.found)
    return render(request, "employers/account_manager/candidate_list.html",
                  {"form": form, "page": page, "own_municipality_id": own,
                   "count_cap": number_format(LIST_COUNT_CAP, force_grouping=True)})


@role_required(Role.ACCOUNT_MANAGER)
def candidate_detail(request, pk):
    queryset = (Candidate.objects.visible_to(request.user)
                .select_related(*STAFF_VIEW_SELECT).prefetch_related(*STAFF_VIEW_PREFETCH,
                                                                     "user__invitations"))
    candidate = get_object_or_404(queryset, pk=pk)
    audit_profile_viewed(viewer=request.user, candidate=candidate, request=request)
    if candidate_sees_as_employer(request.user, candidate):
        return render(request, "employers/account_manager/candidate_shared.html", {
            "candidate": candidate,
            "sections": employer_profile_view(candidate, request.user)})
    context = candidate_context(candidate, request.user)
    context["hide_form"] = HideForm(use_required_attribute=False)
    return render(request, "employers/account_manager/candidate_own.html", context)


def _own_candidate(request, pk) -> Candidate:
    """Hiding is for the candidate's own municipality only; elsewhere it is a 404."""
    candidate = candidate_for_viewer(request.user, pk)
    if candidate.municipality_id != request.user.municipality_id:
        raise Http404
    return candidate


@role_required(Role.ACCOUNT_MANAGER)
def candidate_hide_view(request, pk):
    """SPEC §4: a coach or an account manager may hide a profile from employers."""
    candidate = _own_candidate(request, pk)
    form, hidden = hide_form_submit(request, candidate)
    if hidden:
        messages.success(request, _("Het profiel is verborgen voor werkgevers. De "
                                    "kandidaat ziet de reden."))
        return redirect("employers:am_candidate", pk=candidate.pk)
    return render(request, "candidates/coach/hide.html", {
        "candidate": candidate, "form": form,
        "back_url": reverse("employers:am_candidate", args=[candidate.pk])})


@role_required(Role.ACCOUNT_MANAGER)
@require_POST
def candidate_unhide_view(request, pk):
    candidate = _own_candidate(request, pk)
    candidate_unhide(by=request.user, candidate=candidate, request=request)
    messages.success(request, _("Het profiel is niet meer verborgen."))
    return redirect("employers:am_candidate", pk=candidate.pk)
