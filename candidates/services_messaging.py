"""Conversations between a candidate and an employer user or their coach, contact requests
and responses to vacancies. Every change goes through these services and is audited (without
the message text). Notification e-mails say only that there is something new (SPEC: no
content in mail).

Who may talk to whom:
- a candidate with their own coaches (any coach of their municipality) and with employer users
  who can see them (Candidate.objects.visible_to);
- an employer user writes first only to a *directly approachable* candidate; for anyone else
  they send a contact request, which the candidate's coach forwards or declines;
- once a thread exists, both sides may reply (a forwarded request opens the thread).

The reads (a user's threads and what they may read of them): candidates/selectors_messaging.py.
"""

from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from employers.models import Employer
from hallowerk.mail import notice_send
from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.audit import audit_record
from privacy.models import AuditAction

from .models import Candidate, ContactRequest, Message, Thread, VacancyResponse
from .models.messaging import MESSAGE_MAX_LENGTH
from .publication_checks import text_bsn_refuse


def _clean_body(body: str, *, required: bool = True) -> str:
    body = (body or "").strip()
    text_bsn_refuse({"body": body})  # an employer (or anyone) never receives a BSN
    if required and not body:
        raise ValidationError({"body": _("Schrijf eerst een bericht.")})
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ValidationError({"body": _(
            "Uw bericht is te lang: %(length)s tekens. Het mag maximaal %(max)s tekens zijn.")
            % {"length": len(body), "max": MESSAGE_MAX_LENGTH}})
    return body


def notify_new_message(user: User | None) -> None:
    """A mail without content: only that there is something new, and where to read it."""
    if not user or not user.email or not user.is_active:
        return
    url = absolute_url(reverse("candidates:inbox"))
    with translation.override("nl"):
        subject = _("U hebt een nieuw bericht op HalloWerk")
        body = _("U hebt een nieuw bericht op HalloWerk. Log in om het te lezen:\n%(url)s") % {
            "url": url}
    notice_send(subject, body, [user.email])


@transaction.atomic
def thread_mark_read(*, user: User, thread: Thread) -> int:
    if not thread.candidate_visible:  # type: ignore[attr-defined]  # threads_for() annotates it
        return 0  # what the viewer may no longer read stays unread
    return (thread.messages.filter(read_at__isnull=True).exclude(sender=user)
            .update(read_at=timezone.now()))


def _may_open_thread(by: User, candidate: Candidate) -> bool:
    """A coach who sees the candidate; an employer who sees them, when they are directly
    approachable (otherwise a contact request goes through the coach)."""
    if by.role == Role.EMPLOYER and not candidate.directly_approachable:
        return False
    return (by.role in (Role.COACH, Role.EMPLOYER)
            and Candidate.objects.visible_to(by).filter(pk=candidate.pk).exists())


@transaction.atomic
def thread_open(*, by: User, candidate: Candidate, force: bool = False) -> Thread:
    """The thread between a staff/employer user and a candidate (created when needed).

    `force` is for the contact-request flow, where the coach's decision replaces the
    directly-approachable check.
    """
    if not force and not _may_open_thread(by, candidate):
        raise PermissionDenied("This user may not start a conversation with this candidate.")
    thread, _created = Thread.objects.get_or_create(
        candidate=candidate, counterpart=by,
        defaults={"employer": by.employer if by.role == Role.EMPLOYER else None})
    return thread


@transaction.atomic
def message_send(*, by: User, thread: Thread, body: str, request=None) -> Message:
    """Send a message in a thread the sender takes part in."""
    is_candidate = thread.candidate.user_id == by.pk
    if not is_candidate and thread.counterpart_id != by.pk:
        raise PermissionDenied("Only the two participants write in a thread.")
    if not Thread.objects.visible_to(by).filter(pk=thread.pk).exists():
        raise PermissionDenied("The candidate is out of this user's sight.")
    message = Message.objects.create(thread=thread, sender=by, body=_clean_body(body))
    audit_record(action=AuditAction.MESSAGE_SENT, actor=by, request=request, target=thread,
                 data={"message": message.pk, "length": len(message.body)})
    recipient = thread.counterpart if is_candidate else thread.candidate.user
    transaction.on_commit(lambda: notify_new_message(recipient))
    return message


@transaction.atomic
def contact_request_create(*, by: User, candidate: Candidate, message: str, vacancy=None,
                           request=None) -> ContactRequest:
    """An employer asks to reach a candidate who is not directly approachable; it lands with
    the candidate's coach."""
    if by.role != Role.EMPLOYER or not Candidate.objects.visible_to(by).filter(
            pk=candidate.pk).exists():
        raise PermissionDenied("Only an employer who can see the candidate asks for contact.")
    if vacancy is not None and vacancy.employer_id != by.employer_id:
        raise PermissionDenied("A contact request can only mention the employer's own vacancy.")
    contact_request = ContactRequest.objects.create(
        # An employer user always has an employer (constraint on User; checked above by role).
        candidate=candidate, requested_by=by, employer=cast(Employer, by.employer), vacancy=vacancy,
        message=_clean_body(message))
    audit_record(action=AuditAction.CONTACT_REQUESTED, actor=by, request=request,
                 target=candidate, data={"contact_request": contact_request.pk})
    coach = candidate.responsible_coach
    if coach is not None:
        transaction.on_commit(lambda: notify_new_message(coach))
    return contact_request


def _handle(*, by: User, contact_request: ContactRequest, status: str, action: str,
            request=None) -> ContactRequest:
    if by.role != Role.COACH or not Candidate.objects.visible_to(by).filter(
            pk=contact_request.candidate_id).exists():
        raise PermissionDenied("Only a coach who sees the candidate handles this.")
    if contact_request.status != ContactRequest.Status.PENDING:
        raise ValidationError(_("Dit contactverzoek is al afgehandeld."))
    contact_request.status = status
    contact_request.handled_by = by
    contact_request.handled_at = timezone.now()
    contact_request.save(update_fields=["status", "handled_by", "handled_at"])
    audit_record(action=action, actor=by, request=request, target=contact_request.candidate,
                 data={"contact_request": contact_request.pk})
    return contact_request


@transaction.atomic
def contact_request_forward(*, by: User, contact_request: ContactRequest,
                            request=None) -> Thread:
    """The coach passes the request on: the employer's message opens a thread with the
    candidate, who can answer (or not) in their own inbox."""
    _handle(by=by, contact_request=contact_request, status=ContactRequest.Status.FORWARDED,
            action=AuditAction.CONTACT_REQUEST_FORWARDED, request=request)
    employer_user = contact_request.requested_by
    if employer_user is None:  # the view says so first; a service never forwards to nobody
        raise ValidationError(_("De werkgever die dit vroeg, heeft geen account meer."))
    thread = thread_open(by=employer_user, candidate=contact_request.candidate, force=True)
    Message.objects.create(thread=thread, sender=employer_user, body=contact_request.message)
    candidate_user = contact_request.candidate.user
    transaction.on_commit(lambda: notify_new_message(candidate_user))
    return thread


@transaction.atomic
def contact_request_decline(*, by: User, contact_request: ContactRequest,
                            request=None) -> ContactRequest:
    return _handle(by=by, contact_request=contact_request,
                   status=ContactRequest.Status.DECLINED,
                   action=AuditAction.CONTACT_REQUEST_DECLINED, request=request)


@transaction.atomic
def vacancy_response_create(*, by: User, vacancy, message: str = "",
                            request=None) -> VacancyResponse:
    """A jobseeker responds to a vacancy they can see (their own municipality's)."""
    from employers.models import Vacancy

    if by.role != Role.JOBSEEKER or not Vacancy.objects.visible_to(by).filter(
            pk=vacancy.pk).exists():
        raise PermissionDenied("Only a jobseeker who can see the vacancy responds to it.")
    candidate = Candidate.objects.get(user=by)
    if VacancyResponse.objects.filter(candidate=candidate, vacancy=vacancy).exists():
        raise ValidationError(_("U hebt al op deze vacature gereageerd."))
    response = VacancyResponse.objects.create(candidate=candidate, vacancy=vacancy,
                                              message=_clean_body(message, required=False))
    audit_record(action=AuditAction.VACANCY_RESPONDED, actor=by, request=request,
                 target=vacancy, data={"response": response.pk})
    return response
