"""Invitation services: the only way accounts come into existence (SPEC §1)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hallowerk.models import Invitation, User
from hallowerk.models.invitations import new_token, token_digest
from hallowerk.roles import INVITABLE_BY, Role
from hallowerk.site import absolute_url
from privacy.audit import audit_record
from privacy.models import AuditAction, LegalText, TermsAcceptance


def invitation_url(token: str) -> str:
    return absolute_url(reverse("invitation_accept", args=[token]))


def _send_invitation_mail(*, user: User, token: str, valid_until) -> None:
    context = {"user": user, "url": invitation_url(token), "valid_until": valid_until,
               "is_jobseeker": user.role == Role.JOBSEEKER,
               "municipality": user.municipality}
    with translation.override("nl"):
        subject = _("Uitnodiging voor HalloWerk")
        body = render_to_string("account/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


def invitation_create(*, by: User, email: str, role: str, first_name: str = "",
                      last_name: str = "", municipality=None, employer=None) -> tuple[User, str]:
    """Create the (password-less) account and send a one-time link. Returns user and token."""
    if role not in INVITABLE_BY.get(by.role, set()):
        raise PermissionDenied("This role may not invite that role.")
    email = email.strip().lower()
    if employer is not None:
        municipality = employer.municipality
    municipality = municipality or by.municipality
    if by.municipality_id and municipality.pk != by.municipality_id:
        raise PermissionDenied("Staff invite only for their own municipality.")
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("Er bestaat al een account met dit e-mailadres."), code="exists")
    with transaction.atomic():
        user = User.objects.create_user(email, None, role=role, first_name=first_name,
                                        last_name=last_name, municipality=municipality,
                                        employer=employer)
        token = _issue(by=by, user=user)
    return user, token


def _issue(*, by: User, user: User) -> str:
    token = new_token()
    now = timezone.now()
    invitation = Invitation.objects.create(
        user=user, role=user.role, token_hash=token_digest(token), invited_by=by,
        created_at=now, expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS))
    audit_record(action=AuditAction.INVITATION_SENT, actor=by, target=user,
                 data={"role": user.role, "invitation": invitation.pk})
    transaction.on_commit(lambda: _send_invitation_mail(
        user=user, token=token, valid_until=invitation.expires_at))
    return token


def invitation_resend(*, by: User, user: User) -> str:
    """Withdraw open links and send a fresh one (the old link stops working)."""
    if user.has_usable_password():
        raise ValidationError(_("Deze persoon heeft de uitnodiging al geaccepteerd."))
    with transaction.atomic():
        user.invitations.filter(accepted_at__isnull=True, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now())
        return _issue(by=by, user=user)


def invitation_withdraw(*, by: User, user: User) -> None:
    with transaction.atomic():
        count = user.invitations.filter(accepted_at__isnull=True,
                                        withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now())
        audit_record(action=AuditAction.INVITATION_WITHDRAWN, actor=by, target=user,
                     data={"withdrawn": count})


def invitation_by_token(token: str) -> Invitation | None:
    return (Invitation.objects.select_related("user", "user__municipality")
            .filter(token_hash=token_digest(token)).first())


def current_terms() -> LegalText:
    return LegalText.objects.filter(kind=LegalText.Kind.TERMS).order_by("-version").first()


def invitation_accept(*, invitation: Invitation, password: str, request=None) -> User:
    """The invitee accepts the terms and sets their own password; nobody else ever does.

    One time only, also when two requests (or an accept and a withdrawal) arrive together:
    the invitation is claimed with a conditional UPDATE, which PostgreSQL re-checks after
    any concurrent change to the row has committed, so exactly one of them wins.
    """
    invalid = ValidationError(_("Deze uitnodiging is niet meer geldig."))
    if not invitation.is_usable:
        raise invalid
    user = invitation.user
    with transaction.atomic():
        accepted_at = timezone.now()
        claimed = Invitation.objects.pending().filter(pk=invitation.pk).update(
            accepted_at=accepted_at)
        if not claimed:
            raise invalid
        invitation.accepted_at = accepted_at
        user.set_password(password)
        user.save(update_fields=["password"])
        terms = current_terms()
        TermsAcceptance.objects.get_or_create(user=user, terms=terms)
        audit_record(action=AuditAction.TERMS_ACCEPTED, actor=user, request=request,
                     data={"terms_version": terms.version})
        audit_record(action=AuditAction.INVITATION_ACCEPTED, actor=user, request=request,
                     target=user)
    return user
