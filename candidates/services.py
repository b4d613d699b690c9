"""Every change to a candidate's dossier state goes through here and leaves an audit event.

Who may do what (SPEC §2, §4): the coach enters the intake; coaches and account managers
of the candidate's own municipality hide and unhide; only staff set a profile inactive;
only the jobseeker decides whether and with whom the profile is shared.
"""

from datetime import date
from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hallowerk.accounts.invitations import invitation_create
from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.validators import normalise_postcode
from matching.refresh import ranking_change_record
from privacy.audit import audit_changed, audit_record
from privacy.models import AuditAction

from .models import Candidate, EndReason, Gender, Profile, ServiceType, SharingScope
from .models.querysets import may_act_on
from .search_documents import candidate_search_documents_refresh

DOSSIER_STAFF = (Role.COACH, Role.ACCOUNT_MANAGER)


def _require_staff_of(by: User, candidate: Candidate, roles=DOSSIER_STAFF) -> None:
    """Staff act only on dossiers of their own municipality, whatever else they can see."""
    if not may_act_on(by, candidate, roles=roles):
        raise PermissionDenied("Only staff of the candidate's own municipality may do this.")


def _save(*, by: User, candidate: Candidate, fields: list[str], action: str,
          request=None) -> Candidate:
    candidate.save(update_fields=[*fields, "updated_at"])
    # Sharing, hiding, activity and ending decide whether employers can find the candidate
    # and who ranks in the kept lists.
    candidate_search_documents_refresh([candidate.pk])
    ranking_change_record(candidate_id=candidate.pk)
    audit_changed(actor=by, target=candidate, fields=fields, request=request, action=action)
    return candidate


@transaction.atomic
def candidate_intake_create(
    *, by: User, email: str, first_name: str, last_name: str, client_number: str,
    gender: str = Gender.UNKNOWN, date_of_birth: date | None = None, postcode: str = "",
    phone: str = "", service_type: str = ServiceType.TOGETHER,
    responsible_coach: User | None = None, directly_approachable: bool = False,
    tg_banenafspraak: bool = False, tg_praktijkroute: bool = False, tg_bbl: bool = False,
    tg_tozo: bool = False, request=None,
) -> tuple[Candidate, str]:
    """The coach's intake: the dossier, an empty profile and the invitation, or nothing.

    Returns the candidate and the invitation token (also sent by e-mail). Bad input raises
    ValidationError with Dutch messages per field, and nothing is saved.
    """
    if by.role != Role.COACH:
        raise PermissionDenied("Only a coach enters an intake.")
    responsible_coach = responsible_coach or by
    if (responsible_coach.role != Role.COACH
            or responsible_coach.municipality_id != by.municipality_id):
        raise ValidationError({"responsible_coach": _(
            "Kies een werkmatcher van uw eigen gemeente.")})
    candidate = Candidate(
        # Only a platform administrator has no municipality (user_municipality_unless_...).
        municipality_id=cast(int, by.municipality_id), client_number=client_number.strip(),
        first_name=first_name.strip(), last_name=last_name.strip(),
        email=email.strip().lower(), gender=gender, date_of_birth=date_of_birth,
        postcode=normalise_postcode(postcode), phone=phone.strip(), service_type=service_type,
        responsible_coach=responsible_coach, directly_approachable=directly_approachable,
        tg_banenafspraak=tg_banenafspraak, tg_praktijkroute=tg_praktijkroute, tg_bbl=tg_bbl,
        tg_tozo=tg_tozo)
    # Check the dossier (fields and constraints, e.g. a known client number) before the
    # account exists, so a mistake creates no account.
    candidate.full_clean(exclude=["user"])
    user, token = invitation_create(by=by, email=candidate.email, role=Role.JOBSEEKER,
                                    first_name=candidate.first_name,
                                    last_name=candidate.last_name)
    candidate.user = user
    candidate.save()
    Profile.objects.create(candidate=candidate)
    audit_record(action=AuditAction.CANDIDATE_CREATED, actor=by, request=request,
                 target=candidate)
    return candidate, token


def candidate_hide(*, by: User, candidate: Candidate, reason: str, request=None) -> Candidate:
    """Hide from employers; wins over the jobseeker's sharing choice. They see the reason."""
    _require_staff_of(by, candidate)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _(
            "Schrijf op waarom u het profiel verbergt. De kandidaat ziet deze reden.")})
    candidate.hidden_by_staff = True
    candidate.hidden_reason = reason
    candidate.hidden_by = by
    candidate.hidden_at = timezone.now()
    return _save(by=by, candidate=candidate, request=request,
                 fields=["hidden_by_staff", "hidden_reason", "hidden_by", "hidden_at"],
                 action=AuditAction.CANDIDATE_HIDDEN)


def candidate_unhide(*, by: User, candidate: Candidate, request=None) -> Candidate:
    _require_staff_of(by, candidate)
    candidate.hidden_by_staff = False
    candidate.hidden_reason = ""
    candidate.hidden_by = None
    candidate.hidden_at = None
    return _save(by=by, candidate=candidate, request=request,
                 fields=["hidden_by_staff", "hidden_reason", "hidden_by", "hidden_at"],
                 action=AuditAction.CANDIDATE_UNHIDDEN)


def candidate_set_inactive(*, by: User, candidate: Candidate, request=None) -> Candidate:
    """Only staff can set a profile inactive (DPIA); it disappears for employers."""
    _require_staff_of(by, candidate)
    candidate.is_active = False
    return _save(by=by, candidate=candidate, fields=["is_active"], request=request,
                 action=AuditAction.CANDIDATE_INACTIVATED)


def candidate_reactivate(*, by: User, candidate: Candidate, request=None) -> Candidate:
    _require_staff_of(by, candidate)
    if candidate.dossier_ended_on is not None:
        raise ValidationError(_("Dit dossier is beëindigd en kan niet meer actief worden."))
    candidate.is_active = True
    return _save(by=by, candidate=candidate, fields=["is_active"], request=request,
                 action=AuditAction.CANDIDATE_REACTIVATED)


def candidate_share(*, by: User, candidate: Candidate, shared: bool,
                    scope: str = SharingScope.REGION, request=None) -> Candidate:
    """The jobseeker's own choice: share with employers, and with which (SPEC §4)."""
    if by.role != Role.JOBSEEKER or candidate.user_id != by.pk:
        raise PermissionDenied("Only the jobseeker decides about sharing their profile.")
    if scope not in SharingScope.values:
        raise ValidationError({"scope": _("Kies met welke werkgevers u uw profiel deelt.")})
    candidate.shared_with_employers = shared
    candidate.sharing_scope = scope
    candidate.last_activity_at = timezone.now()
    return _save(by=by, candidate=candidate, request=request,
                 fields=["shared_with_employers", "sharing_scope", "last_activity_at"],
                 action=AuditAction.CANDIDATE_SHARING_CHANGED)


def candidate_dossier_end(*, by: User, candidate: Candidate, ended_on: date, reason: str,
                          esf_programme_end: date | None = None, request=None) -> Candidate:
    """The coach ends the dossier; its retention period starts counting (SPEC §5)."""
    _require_staff_of(by, candidate, roles=(Role.COACH,))
    if reason not in EndReason.values:
        raise ValidationError({"reason": _("Kies waarom het dossier stopt.")})
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": _("De einddatum kan niet in de toekomst liggen.")})
    candidate.dossier_ended_on = ended_on
    candidate.end_reason = reason
    candidate.esf_programme_end = esf_programme_end
    candidate.is_active = False
    return _save(by=by, candidate=candidate, request=request,
                 fields=["dossier_ended_on", "end_reason", "esf_programme_end", "is_active"],
                 action=AuditAction.CANDIDATE_DOSSIER_ENDED)
