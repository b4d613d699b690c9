import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hallowerk.roles import Role


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, withdrawn_at__isnull=True,
                           expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A one-time, expiring link that lets an invited person set their own password.

    Only the digest of the token is stored: whoever reads the database cannot use it.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="invitations")
    role = models.CharField(max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(name="invitation_expires_after_creation",
                                   condition=Q(expires_at__gt=models.F("created_at"))),
        ]
        indexes = [
            # The coach's list filters on the state of a jobseeker's invitation: open ones
            # (pending or expired, by expires_at) and accepted ones. Small partial indexes the
            # database can read without visiting the table.
            models.Index(fields=["user", "expires_at"], name="invitation_open_user",
                         condition=Q(accepted_at__isnull=True, withdrawn_at__isnull=True)),
            models.Index(fields=["user"], name="invitation_accepted_user",
                         condition=Q(accepted_at__isnull=False)),
        ]

    def __str__(self):
        return f"invitation {self.pk} ({self.status})"

    @property
    def is_usable(self) -> bool:
        return (self.accepted_at is None and self.withdrawn_at is None
                and self.expires_at > timezone.now())

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.withdrawn_at:
            return "withdrawn"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"
