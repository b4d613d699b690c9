"""The coach's changes to a dossier beyond the shared services in services.py: editing the
intake fields, "directly approachable", and the candidate's invitation.

Only fields the coach enters (SPEC §3) can change here; what the jobseeker entered has no
way in. Every change is audited with the field names, never the values.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hallowerk.accounts.invitations import invitation_resend, invitation_withdraw
from hallowerk.edit_base import edit_merge_locked
from hallowerk.model_update import entered_contact, model_update
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.audit import audit_changed

from .models import Candidate
from .models.querysets import may_act_on

# The intake fields a coach may change after the intake (SPEC §3 "filled in by the coach").
COACH_EDITABLE_FIELDS = (
    "client_number", "email", "first_name", "last_name", "gender", "date_of_birth", "postcode",
    "phone", "service_type", "responsible_coach", "tg_banenafspraak", "tg_praktijkroute",
    "tg_bbl", "tg_tozo",
)


def _require_coach_of(by: User, candidate: Candidate) -> None:
    if not may_act_on(by, candidate):
        raise PermissionDenied("Only a coach of the candidate's municipality may do this.")


_clean = entered_contact("email")


@transaction.atomic
def candidate_intake_update(*, by: User, candidate: Candidate, changes: dict,
                            request=None, edit_base: str | None = None) -> list[str]:
    """Change coach-entered fields; returns the names of the fields that changed.

    Anything outside COACH_EDITABLE_FIELDS is refused, so a crafted form cannot reach the
    jobseeker's own entries or the platform's state. `edit_base`: hallowerk/edit_base.py.
    """
    _require_coach_of(by, candidate)
    changes = edit_merge_locked(token=edit_base, instance=candidate, changes=changes)
    coach = changes.get("responsible_coach", candidate.responsible_coach)
    if coach is not None and (coach.role != Role.COACH
                              or coach.municipality_id != candidate.municipality_id):
        raise ValidationError({"responsible_coach": _(
            "Kies een werkmatcher van uw eigen gemeente.")})
    def login_follows(changed: list[str]) -> None:
        if "email" in changed:
            _change_login_email(candidate)

    changed = model_update(instance=candidate, fields=COACH_EDITABLE_FIELDS, data=changes,
                           clean=_clean, exclude_from_validation=["user"],
                           before_save=login_follows)
    if changed:
        audit_changed(actor=by, target=candidate, fields=changed, request=request)
    return changed


def _change_login_email(candidate: Candidate) -> None:
    """The e-mail address is also the login name: it may be corrected only while the
    invitation is still open (a typo at intake), and the next invitation goes there."""
    account = candidate.user
    if account is None:
        return
    if account.has_usable_password():
        raise ValidationError({"email": _(
            "De kandidaat heeft de uitnodiging al geaccepteerd. Het e-mailadres is nu de "
            "inlognaam; alleen de kandidaat kan het veranderen.")})
    if User.objects.filter(email__iexact=candidate.email).exclude(pk=account.pk).exists():
        raise ValidationError({"email": _("Er bestaat al een account met dit e-mailadres.")})
    account.email = candidate.email
    account.save(update_fields=["email"])


@transaction.atomic
def candidate_set_directly_approachable(*, by: User, candidate: Candidate, value: bool,
                                        request=None) -> Candidate:
    """Whether employers may contact the candidate themselves or through the coach."""
    _require_coach_of(by, candidate)
    if candidate.directly_approachable != value:
        candidate.directly_approachable = value
        candidate.save(update_fields=["directly_approachable", "updated_at"])
        audit_changed(actor=by, target=candidate, fields=["directly_approachable"],
                      request=request)
    return candidate


def _account_of(candidate: Candidate) -> User:
    if candidate.user is None:
        raise ValidationError(_("Deze kandidaat heeft geen account meer op HalloWerk."))
    return candidate.user


def candidate_invitation_resend(*, by: User, candidate: Candidate) -> str:
    """A fresh link for a candidate who has not accepted yet (the old link stops working)."""
    _require_coach_of(by, candidate)
    return invitation_resend(by=by, user=_account_of(candidate))


def candidate_invitation_withdraw(*, by: User, candidate: Candidate) -> None:
    _require_coach_of(by, candidate)
    account = _account_of(candidate)
    if account.has_usable_password():
        raise ValidationError(_("Deze persoon heeft de uitnodiging al geaccepteerd."))
    invitation_withdraw(by=by, user=account)

