"""What a jobseeker says about a suggestion: "this helps" or "this doesn't fit, because …".

The reason is a choice, never free text: a free-text answer to "why doesn't this fit" invites
health details, which the platform must not collect (SPEC §1). Feedback changes nothing by
itself; it is counted in the monitoring report (the workshop's control cycle) and shown to
the coach, who discusses it with the jobseeker.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models.querysets import CandidateRelatedQuerySet


class FeedbackVerdict(models.TextChoices):
    HELPS = "helps", _("Deze suggestie helpt mij")
    DOES_NOT_FIT = "does_not_fit", _("Deze suggestie past niet")


class FeedbackReason(models.TextChoices):
    OTHER_WORK = "other_work", _("Ik zoek ander soort werk")
    TOO_FAR = "too_far", _("Het werk is te ver weg")
    HOURS = "hours", _("De uren of de startdatum passen niet")
    REQUIREMENTS = "requirements", _("Ik heb niet wat de werkgever vraagt")
    ALREADY_KNOWN = "already_known", _("Ik ken deze vacature of werkgever al")
    OTHER = "other", _("Een andere reden")


class SuggestionFeedback(models.Model):
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE,
                                  related_name="suggestion_feedback")
    vacancy = models.ForeignKey("employers.Vacancy", on_delete=models.CASCADE,
                                related_name="suggestion_feedback")
    verdict = models.CharField(_("oordeel"), max_length=15, choices=FeedbackVerdict.choices)
    reason = models.CharField(_("reden"), max_length=15, choices=FeedbackReason.choices,
                              blank=True)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("reactie op een suggestie")
        verbose_name_plural = _("reacties op suggesties")
        ordering = ["-updated_at", "-id"]
        constraints = [
            # One opinion per suggestion; giving it again replaces it.
            models.UniqueConstraint(fields=["candidate", "vacancy"],
                                    name="suggestion_feedback_once"),
            models.CheckConstraint(name="suggestion_feedback_verdict_valid",
                                   condition=Q(verdict__in=FeedbackVerdict.values)),
            # A reason belongs to "doesn't fit", and "doesn't fit" always has one.
            models.CheckConstraint(
                name="suggestion_feedback_reason_iff_does_not_fit",
                condition=Q(verdict=FeedbackVerdict.HELPS, reason="")
                | Q(verdict=FeedbackVerdict.DOES_NOT_FIT, reason__in=FeedbackReason.values)),
        ]

    def __str__(self):
        return f"feedback {self.pk}"
