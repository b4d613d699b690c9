"""The coach's privacy pages: dossiers due for destruction, and a data export on request."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from candidates.selectors import candidate_for_viewer
from candidates.views.coach.common import page_of
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.erasure import candidate_entered_data_erase, erasure_overview
from privacy.export import candidate_export
from privacy.forms import StaffErasureForm
from privacy.retention.rules import NOTICE_DAYS, Rules
from privacy.retention.selectors import due_soon
from privacy.views.jobseeker import download


@role_required(Role.COACH)
def coach_due(request):
    """The back-office list the notice mail points to: names, because the coach knows
    these people; due and planned dates; whether a hold stops it."""
    today = timezone.localdate()
    dossiers = due_soon(viewer=request.user, rules=Rules.load(), today=today)
    # A page at a time (issue 11): a large municipality has hundreds of dossiers due within
    # the notice period (654 in Rotterdam at 500,000 candidates, 140 ms for the whole list).
    return render(request, "privacy/coach/due.html", {
        "page": page_of(request, dossiers), "today": today, "notice_days": NOTICE_DAYS})


@role_required(Role.COACH)
def candidate_data(request, pk):
    candidate = candidate_for_viewer(request.user, pk)
    return render(request, "privacy/coach/candidate_data.html", {"candidate": candidate})


@role_required(Role.COACH)
def candidate_data_export(request, pk, kind):
    """A data access request handled by the coach (audited like the person's own)."""
    candidate = candidate_for_viewer(request.user, pk)
    return download(*candidate_export(by=request.user, candidate=candidate, kind=kind,
                                      base_url=absolute_url(),
                                      request=request))


@role_required(Role.COACH)
def candidate_erase(request, pk):
    """The jobseeker asked (by phone, at the desk) to erase what they entered: the coach
    does it for them, with the same service as the jobseeker's own button."""
    candidate = candidate_for_viewer(request.user, pk)
    form = StaffErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        counts = candidate_entered_data_erase(by=request.user, candidate=candidate,
                                              request=request)
        messages.success(request, _("Alles wat %(name)s zelf had ingevuld, is gewist "
                                    "(%(files)s bestanden). Het dossier van de gemeente "
                                    "blijft bewaard.") % {"name": candidate.full_name,
                                                          "files": counts.get("files", 0)})
        return redirect("privacy:candidate_data", pk=candidate.pk)
    return render(request, "privacy/coach/candidate_erase.html", {
        "candidate": candidate, "form": form,
        "overview": erasure_overview(get_language() or "nl")})
