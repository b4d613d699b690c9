"""The coach's review list for likely sensitive data a jobseeker chose to publish anyway.

The detector (privacy.sensitive) warns; when the jobseeker confirms a warning, the coach gets
a row here so a person looks at it (SPEC §9). Only the field and the categories are kept,
never the passage: the text itself stays in one place, the profile.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .querysets import CandidateRelatedQuerySet


class SensitiveReview(models.Model):
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE,
                                  related_name="sensitive_reviews")
    # A profile field name ("free_text"), "cv", or "work_experiences.description".
    field = models.CharField(_("onderdeel"), max_length=60)
    categories = ArrayField(models.CharField(max_length=30), verbose_name=_("soort gegevens"),
                            default=list)
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("afgehandeld door"),
                                    on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("controle gevoelige gegevens")
        verbose_name_plural = _("controles gevoelige gegevens")
        ordering = ["created_at", "id"]
        indexes = [
            # The coach's list: open reviews, oldest first.
            models.Index(fields=["created_at"], condition=Q(resolved_at__isnull=True),
                         name="sensitive_review_open"),
        ]
        constraints = [
            models.CheckConstraint(name="sensitive_review_has_field", condition=~Q(field="")),
        ]

    def __str__(self):
        return f"sensitive review {self.pk}"
