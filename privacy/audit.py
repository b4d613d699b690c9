"""The one way to write the audit log. Views and services call audit_record(); nobody
builds AuditEvent rows by hand."""

from django.db import models

from hallowerk.roles import STAFF_ROLES

from .models import AuditEvent


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR")


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
        ip_address=client_ip(request) if actor_role in STAFF_ROLES else None,
        data=data or {},
    )
