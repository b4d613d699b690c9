"""Erase everything I entered, and ask to leave the platform."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from candidates.forms.leaving import ErasureConfirmForm, LeaveRequestForm
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.erasure import candidate_entered_data_erase, candidate_leave_request, erasure_overview

from .common import own_candidate, posted


@role_required(Role.JOBSEEKER)
def erase(request):
    candidate = own_candidate(request)
    form = ErasureConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        candidate_entered_data_erase(by=request.user, candidate=candidate, request=request)
        messages.success(request, _("Alles wat u zelf had ingevuld, is gewist. Uw profiel is "
                                    "niet meer zichtbaar voor werkgevers."))
        return redirect("candidates:jobseeker_home")
    return render(request, "candidates/jobseeker/erase.html", {
        "candidate": candidate, "form": form,
        "overview": erasure_overview(get_language() or "nl"),
    })


@role_required(Role.JOBSEEKER)
def leave(request):
    candidate = own_candidate(request)
    form = LeaveRequestForm(posted(request))
    if (request.method == "POST" and candidate.leave_requested_at is None
            and form.is_valid()):
        try:
            candidate_leave_request(by=request.user, candidate=candidate,
                                    note=form.cleaned_data["note"], request=request)
        except ValidationError as error:  # e.g. a BSN in the note: nothing was saved
            add_service_errors(form, error, default="note", fields={"body": "note"})
        else:
            messages.success(request, _("Uw verzoek is verstuurd. Werkgevers zien uw profiel "
                                        "niet meer. Uw werkmatcher neemt contact met u op."))
            return redirect("candidates:jobseeker_leave")
    return render(request, "candidates/jobseeker/leave.html",
                  {"candidate": candidate, "form": form})
