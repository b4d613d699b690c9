"""Legal holds: an administrator stops the destruction of a dossier, with a reason."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import Candidate
from candidates.models.querysets import Purpose, may_act_on
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction, LegalHold, RetentionNotice

REASON_MAX_LENGTH = 1000


def _require_administrator_of(by: User, candidate: Candidate) -> None:
    # Administrators see dossiers for retention only (Purpose.RETENTION): their own
    # municipality's, every municipality's for a platform administrator.
    if not may_act_on(by, candidate, roles=(Role.ADMINISTRATOR,), purpose=Purpose.RETENTION):
        raise PermissionDenied("Only an administrator of the dossier's municipality does this.")


def legal_hold_place(*, by: User, candidate: Candidate, reason: str,
                     request=None) -> LegalHold:
    _require_administrator_of(by, candidate)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _(
            "Schrijf op waarom dit dossier langer bewaard moet blijven.")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _(
            "De reden is te lang: %(length)s tekens. Gebruik er hoogstens %(max)s.") % {
            "length": len(reason), "max": REASON_MAX_LENGTH}})
    try:
        with transaction.atomic():
            hold = LegalHold.objects.create(candidate=candidate, reason=reason, placed_by=by)
            # The reason stays with the hold (it may say something about the person); the
            # log only says that a hold was placed.
            audit_record(action=AuditAction.LEGAL_HOLD_PLACED, actor=by, request=request,
                         target=candidate, data={"legal_hold": hold.pk})
    except IntegrityError as error:
        raise ValidationError(_("Voor dit dossier geldt al een bewaarplicht.")) from error
    return hold


@transaction.atomic
def legal_hold_release(*, by: User, hold: LegalHold, request=None) -> LegalHold:
    """The dossier follows its retention period again, with a fresh notice period."""
    hold = LegalHold.objects.select_for_update().select_related("candidate").get(pk=hold.pk)
    _require_administrator_of(by, hold.candidate)
    if hold.released_at is not None:
        raise ValidationError(_("Deze bewaarplicht is al opgeheven."))
    hold.released_at = timezone.now()
    hold.released_by = by
    hold.save(update_fields=["released_at", "released_by"])
    # The old notice promised a date that a hold overruled: staff get a new one.
    RetentionNotice.objects.filter(candidate=hold.candidate).delete()
    audit_record(action=AuditAction.LEGAL_HOLD_RELEASED, actor=by, request=request,
                 target=hold.candidate, data={"legal_hold": hold.pk})
    return hold
