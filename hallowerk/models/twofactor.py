from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TwoFactorEnrolmentLinkQuerySet(models.QuerySet):
    def open(self):
        """Not replaced by a newer reset and not yet used for a new device (an expired link
        stays open: the account still needs a new one from an administrator)."""
        return self.filter(withdrawn_at__isnull=True, completed_at__isnull=True)


class TwoFactorEnrolmentLink(models.Model):
    """After an administrator reset someone's two-factor verification, a new app can be set
    up only in a session that opened this one-time link, sent to the account's e-mail
    address: the password alone is not enough (issue 14).

    Only the digest of the token is stored, as for invitations.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="two_factor_enrolment_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = TwoFactorEnrolmentLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("link voor een nieuwe app")
        verbose_name_plural = _("links voor een nieuwe app")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(name="enrolment_link_expires_after_creation",
                                   condition=Q(expires_at__gt=models.F("created_at"))),
            # At most one open link per account: a new reset withdraws the previous one.
            models.UniqueConstraint(fields=["user"], name="enrolment_link_one_open_per_user",
                                    condition=Q(withdrawn_at__isnull=True,
                                                completed_at__isnull=True)),
        ]

    def __str__(self):
        return f"two-factor enrolment link {self.pk}"
