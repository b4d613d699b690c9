"""Contact requests: an employer wants to reach a candidate who is not directly approachable;
the candidate's coach passes it on or declines (SPEC §4)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.models import ContactRequest
from candidates.selectors_coach import coach_contact_requests
from candidates.services_messaging import contact_request_decline, contact_request_forward
from hallowerk.permissions import role_required
from hallowerk.roles import Role

from .common import error_text, page_of


@role_required(Role.COACH)
def contact_request_list(request):
    mine_only = request.GET.get("wie") != "alle"
    pending = coach_contact_requests(viewer=request.user, mine_only=mine_only)
    handled = coach_contact_requests(viewer=request.user, status=None, mine_only=mine_only
                                     ).exclude(status=ContactRequest.Status.PENDING
                                               ).order_by("-handled_at")
    return render(request, "candidates/coach/contact_requests.html", {
        "page": page_of(request, pending), "handled": handled[:10], "mine_only": mine_only,
    })


def _request_or_404(request, pk) -> ContactRequest:
    return get_object_or_404(coach_contact_requests(viewer=request.user, status=None), pk=pk)


@role_required(Role.COACH)
@require_POST
def contact_request_decide(request, pk):
    contact_request = _request_or_404(request, pk)
    decision = request.POST.get("decision")
    if decision not in ("forward", "decline"):
        messages.error(request, _("Kies doorsturen of niet doorsturen."))
        return redirect("candidates:coach_contact_requests")
    if decision == "forward" and (contact_request.requested_by is None
                                  or contact_request.candidate.user is None):
        messages.error(request, _("Dit verzoek kan niet worden doorgestuurd: de werkgever of "
                                  "de kandidaat heeft geen account meer. U kunt het wel "
                                  "afwijzen."))
        return redirect("candidates:coach_contact_requests")
    try:
        if decision == "forward":
            contact_request_forward(by=request.user, contact_request=contact_request,
                                    request=request)
            messages.success(request, _("Doorgestuurd. %(name)s ziet het bericht van de "
                                        "werkgever in de eigen berichten en kan antwoorden.")
                             % {"name": contact_request.candidate.full_name})
        else:
            contact_request_decline(by=request.user, contact_request=contact_request,
                                    request=request)
            messages.success(request, _("Het verzoek is niet doorgestuurd."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("candidates:coach_contact_requests")
