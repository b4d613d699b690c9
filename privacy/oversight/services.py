"""State changes of access oversight; each leaves its trace in the audit log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hallowerk.roles import Role
from privacy.audit import audit_changed, audit_record
from privacy.models import AuditAction

from .models import AccessSignal, OversightSettings

NOTE_MAX_LENGTH = 2000


def _administrator_of(user, municipality_id: int) -> None:
    if user.role != Role.ADMINISTRATOR or user.municipality_id != municipality_id:
        raise PermissionDenied


@transaction.atomic
def access_signal_handle(*, by, signal: AccessSignal, note: str, request=None) -> AccessSignal:
    _administrator_of(by, signal.municipality_id)
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Schrijf op wat u hebt gedaan of gezien.")})
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError({"note": _("Gebruik hoogstens %(n)s tekens.") % {
            "n": NOTE_MAX_LENGTH}})
    signal = AccessSignal.objects.select_for_update().get(pk=signal.pk)
    if signal.is_handled:
        raise ValidationError(_("Dit signaal is al afgehandeld."))
    signal.handled_at, signal.handled_by, signal.note = timezone.now(), by, note
    signal.save(update_fields=["handled_at", "handled_by", "note"])
    audit_record(action=AuditAction.ACCESS_SIGNAL_HANDLED, actor=by, request=request,
                 target=signal, data={"kind": signal.kind})
    return signal


@transaction.atomic
def oversight_settings_change(*, by, municipality, data: dict, request=None
                              ) -> OversightSettings:
    _administrator_of(by, municipality.pk)
    current, _created = OversightSettings.objects.select_for_update().get_or_create(
        municipality=municipality)
    changed = [name for name, value in data.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, data[name])
    current.full_clean()
    current.save()
    audit_changed(actor=by, target=current, fields=changed, request=request,
                  action=AuditAction.OVERSIGHT_SETTINGS_CHANGED)
    return current
