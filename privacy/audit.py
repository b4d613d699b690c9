"""The one way to write the audit log. Views and services call audit_record(); nobody
builds AuditEvent rows by hand."""

from django.db import models

from hallowerk.client_address import client_ip
from hallowerk.roles import STAFF_ROLES

from .models import AuditAction, AuditEvent

CANDIDATE = "candidates.candidate"


def _other_municipality(actor, target: models.Model | None) -> int | None:
    """The municipality of the candidate an event is about, when it is not the actor's."""
    if target is None or target._meta.label_lower != CANDIDATE:
        return None
    theirs = getattr(target, "municipality_id", None)
    return theirs if theirs != getattr(actor, "municipality_id", None) else None


def audit_record(*, action: str, actor=None, request=None, target: models.Model | None = None,
                 data: dict | None = None) -> AuditEvent:
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    actor_role = getattr(actor, "role", "") or ""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_role=actor_role,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        municipality_id=getattr(actor, "municipality_id", None),
        other_municipality_id=_other_municipality(actor, target),
        ip_address=client_ip(request) if actor_role in STAFF_ROLES else None,
        data=data or {},
    )


# --- one helper per kind of event, so callers cannot forget what an event must hold


def audit_profile_viewed(*, viewer, candidate: models.Model, request=None) -> AuditEvent | None:
    """A read of a candidate's profile by staff or an employer (not by the jobseeker)."""
    if getattr(candidate, "user_id", None) == viewer.pk:
        return None
    data = {"employer": viewer.employer_id} if viewer.employer_id else {}
    return audit_record(action=AuditAction.PROFILE_VIEWED, actor=viewer, request=request,
                        target=candidate, data=data)


def audit_search(*, viewer, query: str, filters: dict, request=None,
                 result_count: int | None = None) -> AuditEvent:
    """A search over candidates: the query and the filters, as the viewer gave them."""
    data = {"query": query, "filters": filters}
    if result_count is not None:
        data["result_count"] = result_count
    return audit_record(action=AuditAction.SEARCH, actor=viewer, request=request, data=data)


def audit_changed(*, actor, target: models.Model, fields: list[str], request=None,
                  action: str = AuditAction.RECORD_CHANGED) -> AuditEvent | None:
    """Which fields changed, never their values (the values stay in one place only)."""
    if not fields:
        return None
    return audit_record(action=action, actor=actor, request=request, target=target,
                        data={"fields": sorted(fields)})


def audit_export(*, actor, kind: str, target: models.Model | None = None, request=None,
                 data: dict | None = None) -> AuditEvent:
    return audit_record(action=AuditAction.EXPORT, actor=actor, request=request, target=target,
                        data={"kind": kind, **(data or {})})
