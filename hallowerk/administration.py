"""What an administrator changes: staff accounts, the municipality's settings and the
versions of the legal texts. Every change is audited.

An administrator with a municipality works on that municipality only; a platform
administrator (no municipality) on all of them.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hallowerk.accounts.invitations import invitation_create
from hallowerk.accounts.lockout import account_unlock, locked_logins
from hallowerk.accounts.twofactor import two_factor_reset
from hallowerk.edit_base import edit_merge
from hallowerk.model_update import model_update
from hallowerk.models import Municipality, User
from hallowerk.roles import STAFF_ROLES, Role
from privacy.audit import audit_changed, audit_record
from privacy.models import AuditAction, LegalText

# The colour themes static/css/hallowerk.css defines (class hw-theme-<slug>), each checked
# for contrast there; a municipality picks one of these, never a free colour.
THEMES = [
    ("default", gettext_lazy("Standaard (Rijksblauw)")),
    ("utrecht", gettext_lazy("Utrecht (rood)")),
    ("rotterdam", gettext_lazy("Rotterdam (groen)")),
    ("den-haag", gettext_lazy("Den Haag (donkergroen)")),
    ("amsterdam", gettext_lazy("Amsterdam (rood)")),
]
MUNICIPALITY_EDITABLE_FIELDS = ("name", "wsp_contact_name", "wsp_contact_email",
                                "wsp_contact_phone", "theme")


def _require_administrator(by: User) -> None:
    if by.role != Role.ADMINISTRATOR:
        raise PermissionDenied("Only an administrator does this.")


def administered_municipalities(by: User) -> QuerySet[Municipality]:
    if by.role != Role.ADMINISTRATOR:
        return Municipality.objects.none()
    if by.municipality_id is None:
        return Municipality.objects.all()
    return Municipality.objects.filter(pk=by.municipality_id)


def administered_staff(by: User) -> QuerySet[User]:
    """The staff accounts this administrator manages (jobseekers and employer users are
    managed by coaches and account managers)."""
    return User.objects.filter(role__in=STAFF_ROLES,
                               municipality__in=administered_municipalities(by))


def administered_accounts(by: User) -> QuerySet[User]:
    """Every account whose lock-out this administrator may lift: staff of the municipality,
    jobseekers whose dossier it keeps, users of the employers it invited. A platform
    administrator: every account."""
    if by.role != Role.ADMINISTRATOR:
        return User.objects.none()
    if by.municipality_id is None:
        return User.objects.all()
    return User.objects.filter(
        Q(role__in=STAFF_ROLES, municipality_id=by.municipality_id)
        | Q(role=Role.JOBSEEKER, candidate__municipality_id=by.municipality_id)
        | Q(role=Role.EMPLOYER, employer__municipality_id=by.municipality_id))


def locked_accounts(by: User) -> QuerySet[User]:
    """The administered accounts that are locked out right now (hallowerk/accounts/lockout.py);
    the lock per client address belongs to no account and is not listed."""
    return (administered_accounts(by).annotate(login=Lower("email"))
            .filter(login__in=locked_logins())
            .select_related("municipality", "employer")
            .order_by("last_name", "first_name", "id"))


def _require_manages(by: User, user: User, accounts=administered_staff) -> None:
    _require_administrator(by)
    if not accounts(by).filter(pk=user.pk).exists():
        raise PermissionDenied("This account is not one this administrator manages.")
    if user.pk == by.pk:
        raise ValidationError(_("U kunt dit niet voor uw eigen account doen. Vraag een andere "
                                "beheerder."))


def staff_invite(*, by: User, email: str, role: str, first_name: str, last_name: str,
                 municipality: Municipality) -> User:
    _require_administrator(by)
    if role not in STAFF_ROLES:
        raise ValidationError({"role": _("Kies een rol voor een medewerker.")})
    if not administered_municipalities(by).filter(pk=municipality.pk).exists():
        raise PermissionDenied("Administrators invite for their own municipality.")
    user, _token = invitation_create(by=by, email=email, role=role, first_name=first_name,
                                     last_name=last_name, municipality=municipality)
    return user


def _search_documents_follow(user: User) -> None:
    """A jobseeker's account state is part of who employers may find."""
    from candidates.search_documents import candidate_search_documents_refresh

    candidate_search_documents_refresh(
        user.candidate_set.values_list("pk", flat=True) if user.role == Role.JOBSEEKER else [])


@transaction.atomic
def user_deactivate(*, by: User, user: User, request=None) -> User:
    """The account stops working at once: login and every open session refuse it."""
    _require_manages(by, user)
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        user.invitations.filter(accepted_at__isnull=True, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now())
        _search_documents_follow(user)
        audit_changed(actor=by, target=user, fields=["is_active"], request=request)
    return user


@transaction.atomic
def user_reactivate(*, by: User, user: User, request=None) -> User:
    _require_manages(by, user)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        _search_documents_follow(user)
        audit_changed(actor=by, target=user, fields=["is_active"], request=request)
    return user


def user_two_factor_reset(*, by: User, user: User, request=None) -> None:
    """For a colleague who lost their phone: they get a link by e-mail to set up a new app
    (the password alone does not let anyone do that)."""
    _require_manages(by, user)
    two_factor_reset(by=by, user=user, request=request)


@transaction.atomic
def user_unlock(*, by: User, user: User, request=None) -> bool:
    """For someone locked out after too many tries (who is sure it was them): they can log
    in again at once instead of after the cool-off time. Any administered account, not only
    staff: a jobseeker or an employer user locked out has nobody else to ask."""
    _require_manages(by, user, accounts=administered_accounts)
    return account_unlock(by=by, user=user, request=request)


@transaction.atomic
def municipality_update(*, by: User, municipality: Municipality, changes: dict,
                        request=None) -> list[str]:
    _require_administrator(by)
    if not administered_municipalities(by).filter(pk=municipality.pk).exists():
        raise PermissionDenied("Administrators change their own municipality.")
    if "theme" in changes and changes["theme"] not in dict(THEMES):
        raise ValidationError({"theme": _("Kies een van de kleurthema's.")})
    changed = model_update(instance=municipality, fields=MUNICIPALITY_EDITABLE_FIELDS,
                           data=changes)
    if changed:
        audit_changed(actor=by, target=municipality, fields=changed, request=request)
    return changed


@transaction.atomic
def legal_text_publish(*, by: User, kind: str, body_nl: str, body_en: str,
                       request=None, edit_base: str | None = None) -> LegalText:
    """A new version of the terms of use or the privacy statement; older versions stay, so
    it remains clear which terms someone accepted. `edit_base` (hallowerk/edit_base.py)
    holds the version the administrator started from: a version published meanwhile
    refuses this one, so it is not replaced unseen."""
    _require_administrator(by)
    if kind not in LegalText.Kind.values:
        raise ValidationError(_("Onbekende soort tekst."))
    body_nl, body_en = (body_nl or "").strip(), (body_en or "").strip()
    if not body_nl:
        raise ValidationError({"body_nl": _("Schrijf de Nederlandse tekst.")})
    if not body_en:
        raise ValidationError({"body_en": _("Schrijf de Engelse tekst.")})
    # Locks the rows of this kind, so two administrators cannot publish the same number.
    versions = LegalText.objects.select_for_update().filter(kind=kind).values_list(
        "version", flat=True)
    latest = max(versions, default=0)
    edit_merge(token=edit_base, current={"version": latest}, changes={},
               labels={"version": _("Nieuwste versie")})
    text = LegalText.objects.create(kind=kind, version=latest + 1, body_nl=body_nl,
                                    body_en=body_en)
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=text,
                 data={"event": "legal_text_published", "kind": kind, "version": text.version})
    return text
