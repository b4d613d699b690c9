"""Responses of jobseekers to the employer's own vacancies, as the employer sees them.

An employer sees a response only from a candidate they may see (VacancyResponse.objects
.visible_to, derived from the candidate rule): someone who has not shared their profile, or
was hidden or set inactive, is counted but not shown — the WSP contact can help with those.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from candidates.models import VacancyResponse
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.audit import audit_changed

from .models import Vacancy


def responses_for(*, viewer: User, vacancy: Vacancy) -> tuple[QuerySet[VacancyResponse], int]:
    """(the responses the viewer may see, the number of other responses)."""
    responses = VacancyResponse.objects.filter(
        vacancy__in=Vacancy.objects.visible_to(viewer), vacancy=vacancy)
    visible = responses.visible_to(viewer)
    return (visible.select_related("candidate").order_by("-created_at", "-id"),
            responses.count() - visible.count())


def response_for_viewer(viewer: User, pk) -> VacancyResponse:
    """One response the viewer may see, or 404."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        VacancyResponse.objects.visible_to(viewer).filter(
            vacancy__in=Vacancy.objects.visible_to(viewer)),
        pk=pk)


@transaction.atomic
def vacancy_response_mark_seen(*, by: User, response: VacancyResponse,
                               request=None) -> VacancyResponse:
    """The employer has read the response; the jobseeker sees "seen by the employer".

    Only a response still at "sent" changes: an invitation or a decision is never undone.
    """
    if by.role != Role.EMPLOYER or response.vacancy.employer_id != by.employer_id:
        raise PermissionDenied("Only the vacancy's own employer marks a response as seen.")
    if response.status != VacancyResponse.Status.SENT:
        return response
    response.status = VacancyResponse.Status.SEEN
    response.save(update_fields=["status"])
    audit_changed(actor=by, target=response, fields=["status"], request=request)
    return response
