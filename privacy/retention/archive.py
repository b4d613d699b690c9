"""The anonymised statistical row a destroyed dossier leaves behind (privacy/archive_models.py).

Written by dossier_destroy, in the destruction's own transaction and before the delete, so the
figures lose nothing and the row exists exactly when the dossier is gone.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q
from django.utils import timezone

from candidates.models import Candidate, ContactRequest, Thread, VacancyResponse
from hallowerk.models import Invitation
from hallowerk.roles import Role
from matching.models import SuggestionFeedback
from privacy.archive_models import AnonymisedDossier, DurationBand

# Upper bounds in months, in order; anything longer is the last band.
_BANDS = ((3, DurationBand.UNDER_3), (6, DurationBand.UNDER_6), (12, DurationBand.UNDER_12),
          (24, DurationBand.UNDER_24))


def month_of(day: date) -> date:
    return day.replace(day=1)


def duration_band(*, started: date, ended: date) -> str:
    delta = relativedelta(ended, started)
    months = delta.years * 12 + delta.months
    for limit, band in _BANDS:
        if months < limit:
            return band
    return DurationBand.LONGER


def _counts(candidate: Candidate) -> dict[str, int]:
    requests = ContactRequest.objects.filter(candidate=candidate).aggregate(
        contact_requests=Count("pk"),
        contact_forwarded=Count("pk", filter=Q(status=ContactRequest.Status.FORWARDED)),
        contact_declined=Count("pk", filter=Q(status=ContactRequest.Status.DECLINED)))
    responses = VacancyResponse.objects.filter(candidate=candidate).aggregate(
        responses=Count("pk"),
        responses_invited=Count("pk", filter=Q(status=VacancyResponse.Status.INVITED)))
    invitations = (Invitation.objects.filter(user_id=candidate.user_id, role=Role.JOBSEEKER)
                   .aggregate(invitations_sent=Count("pk"),
                              invitations_accepted=Count("pk", filter=Q(
                                  accepted_at__isnull=False))))
    return {
        **requests, **responses, **invitations,
        "conversations": Thread.objects.filter(candidate=candidate,
                                               employer__isnull=False).count(),
        "suggestions_answered": SuggestionFeedback.objects.filter(candidate=candidate).count(),
    }


def dossier_archive(*, candidate: Candidate) -> AnonymisedDossier:
    """Keep the dossier's statistics without the person. Call before deleting it, inside the
    destruction's transaction (an ended dossier only)."""
    started = timezone.localdate(candidate.created_at)
    ended = candidate.dossier_ended_on
    return AnonymisedDossier.objects.create(
        municipality_id=candidate.municipality_id,
        started_month=month_of(started), ended_month=month_of(ended),
        outcome=candidate.end_reason,
        duration_band=duration_band(started=started, ended=ended),
        esf_funded=candidate.esf_programme_end is not None,
        **_counts(candidate))
