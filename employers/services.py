"""Every change the account manager makes to employers and vacancies, each audited.

Who may (SPEC §2, §4): an account manager of the municipality that invited the employer.
The audit log has no dedicated actions for employers and vacancies yet, so these write
RECORD_CHANGED with an `event` name and the changed field names (never the values).
"""

from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hallowerk.accounts.invitations import invitation_create
from hallowerk.edit_base import edit_merge_locked
from hallowerk.model_update import entered_contact, model_assign, model_update
from hallowerk.models import Invitation, User
from hallowerk.roles import Role
from matching.refresh import ranking_change_record
from privacy.audit import audit_record
from privacy.models import AuditAction

from .models import Employer, Vacancy

EMPLOYER_EDITABLE_FIELDS = ("name", "address", "postcode", "city", "contact_first_name",
                            "contact_last_name", "contact_email", "contact_phone")
VACANCY_EDITABLE_FIELDS = ("title", "occupation", "description", "sector", "place",
                           "hours_per_week_min", "hours_per_week_max", "start_date",
                           "required_driving_licence", "required_languages",
                           "physical_demands", "skills")


def _audit(*, by: User, target, event: str, fields=(), request=None, **data) -> None:
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=target,
                 data={"event": event, "fields": sorted(fields), **data})
    if isinstance(target, Vacancy):  # the ranked lists follow the vacancy (matching/refresh.py)
        ranking_change_record(vacancy_id=target.pk)


def _require_account_manager(by: User) -> None:
    if by.role != Role.ACCOUNT_MANAGER or by.municipality_id is None:
        raise PermissionDenied("Only an account manager does this.")


def _require_own_employer(by: User, employer: Employer) -> None:
    """Account managers work only with the employers their own municipality invited."""
    _require_account_manager(by)
    if employer.municipality_id != by.municipality_id:
        raise PermissionDenied("This employer was invited by another municipality.")


def _require_active(employer: Employer) -> None:
    if not employer.is_active:
        raise ValidationError(_("Deze werkgever doet niet meer mee."))


_clean = entered_contact("contact_email")


# --- employers -----------------------------------------------------------------------------

@transaction.atomic
def employer_invite(*, by: User, kvk_number: str, name: str, address: str = "",
                    postcode: str = "", city: str = "", contact_first_name: str = "",
                    contact_last_name: str = "", contact_email: str = "",
                    contact_phone: str = "", invite_contact: bool = False,
                    request=None) -> tuple[Employer, User | None]:
    """Add a vetted employer for the account manager's municipality, and (optionally) invite
    the contact person as its first user. All of it, or nothing."""
    _require_account_manager(by)
    employer = Employer(
        # An account manager always has a municipality (user_municipality_unless_...).
        municipality_id=cast(int, by.municipality_id), invited_by=by, kvk_number=kvk_number.strip(),
        **{field: _clean(field, value) for field, value in {
            "name": name, "address": address, "postcode": postcode, "city": city,
            "contact_first_name": contact_first_name, "contact_last_name": contact_last_name,
            "contact_email": contact_email, "contact_phone": contact_phone}.items()})
    if invite_contact and not employer.contact_email:
        raise ValidationError({"contact_email": _(
            "Vul het e-mailadres van de contactpersoon in; daar komt de uitnodiging.")})
    employer.full_clean()
    employer.save()
    _audit(by=by, target=employer, event="employer_invited", request=request,
           fields=[f for f in EMPLOYER_EDITABLE_FIELDS if getattr(employer, f)])
    user = None
    if invite_contact:
        user = employer_user_invite(by=by, employer=employer, email=employer.contact_email,
                                    first_name=employer.contact_first_name,
                                    last_name=employer.contact_last_name)
    return employer, user


@transaction.atomic
def employer_update(*, by: User, employer: Employer, changes: dict,
                    request=None, edit_base: str | None = None) -> list[str]:
    """Change the employer's data; returns the names of the fields that changed.
    `edit_base`: hallowerk/edit_base.py."""
    _require_own_employer(by, employer)
    changes = edit_merge_locked(token=edit_base, instance=employer, changes=changes)
    changed = model_update(instance=employer, fields=EMPLOYER_EDITABLE_FIELDS, data=changes,
                           clean=_clean)
    if changed:
        _audit(by=by, target=employer, event="employer_changed", fields=changed,
               request=request)
    return changed


@transaction.atomic
def employer_deactivate(*, by: User, employer: Employer, request=None) -> Employer:
    """The employer stops taking part. Its users lose access at once: their accounts are
    switched off (so login and every open session refuse them), open invitations are
    withdrawn, and its vacancies and the candidate list disappear with it."""
    _require_own_employer(by, employer)
    if not employer.is_active:
        return employer
    now = timezone.now()
    employer.is_active = False
    employer.deactivated_at = now
    employer.save(update_fields=["is_active", "deactivated_at"])
    users = User.objects.filter(employer=employer, role=Role.EMPLOYER)
    user_ids = list(users.values_list("pk", flat=True))
    users.update(is_active=False)
    Invitation.objects.filter(user_id__in=user_ids, accepted_at__isnull=True,
                              withdrawn_at__isnull=True).update(withdrawn_at=now)
    _audit(by=by, target=employer, event="employer_deactivated", request=request,
           fields=["is_active", "deactivated_at"], users_deactivated=len(user_ids))
    return employer


@transaction.atomic
def employer_user_invite(*, by: User, employer: Employer, email: str, first_name: str = "",
                         last_name: str = "", request=None) -> User:
    """An account for someone of the employer; the invitation mail lets them set a password."""
    _require_own_employer(by, employer)
    _require_active(employer)
    user, _token = invitation_create(by=by, email=email, role=Role.EMPLOYER,
                                     first_name=first_name.strip(), last_name=last_name.strip(),
                                     employer=employer)
    return user


# --- vacancies -----------------------------------------------------------------------------

def _require_own_vacancy(by: User, vacancy: Vacancy) -> None:
    _require_account_manager(by)
    if vacancy.municipality_id != by.municipality_id:
        raise PermissionDenied("This vacancy belongs to another municipality.")


@transaction.atomic
def vacancy_create(*, by: User, employer: Employer, fields: dict, request=None) -> Vacancy:
    """A draft vacancy for one of the municipality's employers; jobseekers of the account
    manager's municipality see it once it is published."""
    _require_own_employer(by, employer)
    _require_active(employer)
    # The vacancy belongs to the employer's municipality, which is the account manager's.
    vacancy = Vacancy(employer=employer, municipality_id=employer.municipality_id, created_by=by,
                      status=Vacancy.Status.DRAFT)
    changed = model_assign(instance=vacancy, fields=VACANCY_EDITABLE_FIELDS, data=fields,
                           clean=_clean)
    vacancy.full_clean()
    vacancy.save()
    _audit(by=by, target=vacancy, event="vacancy_created", fields=changed, request=request)
    return vacancy


@transaction.atomic
def vacancy_update(*, by: User, vacancy: Vacancy, fields: dict, request=None,
                   edit_base: str | None = None) -> list[str]:
    """`edit_base`: hallowerk/edit_base.py."""
    _require_own_vacancy(by, vacancy)
    fields = edit_merge_locked(token=edit_base, instance=vacancy, changes=fields)
    changed = model_update(instance=vacancy, fields=VACANCY_EDITABLE_FIELDS, data=fields,
                           clean=_clean)
    if changed:
        _audit(by=by, target=vacancy, event="vacancy_changed", fields=changed, request=request)
    return changed


@transaction.atomic
def vacancy_publish(*, by: User, vacancy: Vacancy, request=None) -> Vacancy:
    _require_own_vacancy(by, vacancy)
    _require_active(vacancy.employer)
    if vacancy.status == Vacancy.Status.PUBLISHED:
        raise ValidationError(_("Deze vacature is al gepubliceerd."))
    vacancy.status = Vacancy.Status.PUBLISHED
    vacancy.published_at = timezone.now()
    vacancy.save(update_fields=["status", "published_at", "updated_at"])
    _audit(by=by, target=vacancy, event="vacancy_published", fields=["status", "published_at"],
           request=request)
    return vacancy


@transaction.atomic
def vacancy_close(*, by: User, vacancy: Vacancy, request=None) -> Vacancy:
    _require_own_vacancy(by, vacancy)
    if vacancy.status != Vacancy.Status.PUBLISHED:
        raise ValidationError(_("Alleen een gepubliceerde vacature kan worden gesloten."))
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.save(update_fields=["status", "updated_at"])
    _audit(by=by, target=vacancy, event="vacancy_closed", fields=["status"], request=request)
    return vacancy
