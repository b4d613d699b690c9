"""Shortlists: an employer keeps candidates on named lists, optionally per own vacancy.

Lists belong to the employer organisation. Entries are shown only through
Candidate.objects.visible_to(), so keeping someone on a list never keeps them visible.
Each change is audited with the candidate as target, so the candidate's own "who looked at
me" overview can show that an employer kept them on a list.

The reads: employers/selectors.py.
"""

from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction

from .models import Shortlist, ShortlistEntry, Vacancy
from .models.shortlists import SHORTLIST_NAME_MAX_LENGTH

MAX_SHORTLISTS_PER_EMPLOYER = 200


def _require_employer_user(by: User) -> None:
    if by.role != Role.EMPLOYER or not by.employer_id or not by.is_active:
        raise PermissionDenied("Only an employer user keeps shortlists.")


def _require_own(by: User, shortlist: Shortlist) -> None:
    _require_employer_user(by)
    if shortlist.employer_id != by.employer_id:
        raise PermissionDenied("This list belongs to another employer.")


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Geef de lijst een naam.")})
    if len(name) > SHORTLIST_NAME_MAX_LENGTH:
        raise ValidationError({"name": _(
            "De naam is te lang: %(length)s tekens. Gebruik er hoogstens %(max)s.")
            % {"length": len(name), "max": SHORTLIST_NAME_MAX_LENGTH}})
    return name


@transaction.atomic
def shortlist_create(*, by: User, name: str, vacancy: Vacancy | None = None,
                     request=None) -> Shortlist:
    _require_employer_user(by)
    name = _clean_name(name)
    if vacancy is not None and not Vacancy.objects.visible_to(by).filter(pk=vacancy.pk).exists():
        raise PermissionDenied("A shortlist can only belong to the employer's own vacancy.")
    employer_id = cast(int, by.employer_id)  # an employer user has one (checked above)
    lists = Shortlist.objects.filter(employer_id=employer_id)
    if lists.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("U hebt al een lijst met deze naam. Kies een andere "
                                         "naam.")})
    if lists.count() >= MAX_SHORTLISTS_PER_EMPLOYER:
        raise ValidationError({"name": _(
            "U hebt al %(max)s lijsten. Verwijder eerst een lijst die u niet meer gebruikt.")
            % {"max": MAX_SHORTLISTS_PER_EMPLOYER}})
    shortlist = Shortlist.objects.create(employer_id=employer_id, name=name,
                                         vacancy=vacancy, created_by=by)
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                 target=shortlist, data={"event": "shortlist_created"})
    return shortlist


@transaction.atomic
def shortlist_delete(*, by: User, shortlist: Shortlist, request=None) -> None:
    _require_own(by, shortlist)
    candidate_ids = list(shortlist.entries.values_list("candidate_id", flat=True))
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                 target=shortlist, data={"event": "shortlist_deleted",
                                         "candidates": candidate_ids})
    shortlist.delete()


@transaction.atomic
def shortlist_entry_add(*, by: User, shortlist: Shortlist, candidate: Candidate,
                        request=None) -> ShortlistEntry:
    _require_own(by, shortlist)
    if not Candidate.objects.visible_to(by).filter(pk=candidate.pk).exists():
        raise PermissionDenied("Only a candidate the employer can see goes on a list.")
    if shortlist.entries.filter(candidate=candidate).exists():
        raise ValidationError(_("Deze kandidaat staat al op de lijst '%(name)s'.")
                              % {"name": shortlist.name})
    try:
        with transaction.atomic():
            entry = ShortlistEntry.objects.create(shortlist=shortlist, candidate=candidate,
                                                  added_by=by)
    except IntegrityError:  # a colleague added the same candidate a moment ago
        raise ValidationError(_("Deze kandidaat staat al op de lijst '%(name)s'.")
                              % {"name": shortlist.name}) from None
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                 target=candidate, data={"event": "shortlist_entry_added",
                                         "shortlist": shortlist.pk})
    return entry


@transaction.atomic
def shortlist_entry_remove(*, by: User, shortlist: Shortlist, candidate: Candidate,
                           request=None) -> bool:
    """Remove the candidate from the list; False when they were not on it."""
    _require_own(by, shortlist)
    deleted, _details = shortlist.entries.filter(candidate=candidate).delete()
    if deleted:
        audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                     target=candidate, data={"event": "shortlist_entry_removed",
                                             "shortlist": shortlist.pk})
    return bool(deleted)


@transaction.atomic
def shortlist_entry_add_to(*, by: User, shortlist: Shortlist | None, new_name: str,
                           candidate: Candidate, request=None) -> Shortlist:
    """Put a candidate on one of the employer's lists, or on a new list named `new_name`
    (when `shortlist` is None). A new list without its first candidate is not kept."""
    if shortlist is None:
        shortlist = shortlist_create(by=by, name=new_name, request=request)
    shortlist_entry_add(by=by, shortlist=shortlist, candidate=candidate, request=request)
    return shortlist
