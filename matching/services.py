"""Every state change of the matching app: feedback on a suggestion, the weighting, the
monitoring report. Each takes the acting user and leaves an audit event."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import Candidate
from employers.models import Vacancy
from hallowerk.models import Municipality
from hallowerk.roles import Role
from privacy.audit import audit_changed, audit_export, audit_record
from privacy.models import AuditAction

from .fairness import fairness_report_compute
from .models import (
    COMPONENT_KEYS,
    FairnessReport,
    FeedbackVerdict,
    MatchingWeights,
    SuggestionFeedback,
    WeightsChange,
)
from .models.feedback import FeedbackReason
from .models.weights import DEFAULT_WEIGHTS, MAX_WEIGHT
from .refresh import rankings_forget
from .selectors import weights_row_for


@transaction.atomic
def suggestion_feedback_give(*, by, candidate: Candidate, vacancy: Vacancy, verdict: str,
                             reason: str = "", request=None) -> SuggestionFeedback:
    """The jobseeker's opinion on one suggestion; giving it again replaces the old one.
    Nothing else follows from it: no mail, no change to the vacancy or the dossier."""
    if by.role != Role.JOBSEEKER or candidate.user_id != by.pk:
        raise PermissionDenied
    if not Vacancy.objects.visible_to(by).filter(pk=vacancy.pk).exists():
        raise PermissionDenied
    if verdict not in FeedbackVerdict.values:
        raise ValidationError({"verdict": _("Kies of deze suggestie u helpt of niet past.")})
    if verdict == FeedbackVerdict.HELPS:
        reason = ""
    elif reason not in FeedbackReason.values:
        raise ValidationError({"reason": _("Kies waarom deze vacature niet bij u past.")})
    now = timezone.now()
    feedback, _created = SuggestionFeedback.objects.update_or_create(
        candidate=candidate, vacancy=vacancy,
        defaults={"verdict": verdict, "reason": reason, "given_by": by, "updated_at": now},
        create_defaults={"verdict": verdict, "reason": reason, "given_by": by,
                         "created_at": now, "updated_at": now})
    audit_changed(actor=by, target=feedback, request=request, fields=["verdict", "reason"])
    return feedback


def _check_weights(values: dict) -> dict[str, int]:
    errors, clean = {}, {}
    for key in COMPONENT_KEYS:
        value = values.get(key)
        minimum = 1 if key == "occupation" else 0
        if not isinstance(value, int) or isinstance(value, bool) or not (
                minimum <= value <= MAX_WEIGHT):
            errors[key] = _("Kies een heel getal van %(low)s tot en met %(high)s.") % {
                "low": minimum, "high": MAX_WEIGHT}
        else:
            clean[key] = value
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def weights_update(*, by, values: dict, request=None) -> MatchingWeights:
    """An administrator sets the weighting of their municipality (or, without a
    municipality, the platform's). The change is kept with its old and new values."""
    if by.role != Role.ADMINISTRATOR:
        raise PermissionDenied
    values = _check_weights(values)
    municipality = by.municipality
    current = weights_row_for(municipality)
    before = current.as_dict() if current else {
        key: DEFAULT_WEIGHTS[key] for key in COMPONENT_KEYS}
    row = (MatchingWeights.objects.select_for_update()
           .filter(municipality=municipality).first())
    if row is None:
        row = MatchingWeights(municipality=municipality, **before)
    if before == values and row.pk:
        return row
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at, row.updated_by = timezone.now(), by
    row.save()
    WeightsChange.objects.create(weights=row, changed_by=by, before=before, after=values)
    rankings_forget(municipality_id=municipality.pk if municipality else None)
    changed = sorted(key for key in COMPONENT_KEYS if before[key] != values[key])
    # Weights are no personal data, so the audit event may hold the values themselves.
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=row,
                 data={"fields": changed, "before": before, "after": values})
    return row


def fairness_report_create(*, municipality: Municipality, by=None) -> FairnessReport:
    """Compute and store the monitoring report of one municipality (aggregates only)."""
    if by is not None and (by.role not in (Role.TEAM_LEAD, Role.ADMINISTRATOR) or (
            by.municipality_id and by.municipality_id != municipality.pk)):
        raise PermissionDenied
    computed = fairness_report_compute(municipality=municipality)
    report = FairnessReport.objects.create(
        municipality=municipality, vacancy_count=computed.vacancy_count,
        candidate_count=computed.candidate_count, data=computed.data)
    if by is not None:
        audit_export(actor=by, kind="matching_fairness_report", target=report)
    return report


def suggestion_feedback_erase(*, candidate: Candidate) -> int:
    """Feedback is data the jobseeker entered. For privacy.erasure to call when they erase
    what they entered (inside its transaction and under its audit event); returns how many
    answers went."""
    deleted, _by_model = SuggestionFeedback.objects.filter(candidate=candidate).delete()
    return deleted
