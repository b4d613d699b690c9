"""Conversations and contact between a candidate and employers or staff (used by later issues).

Accounts may disappear (a jobseeker leaves, an employer user is removed) while the
conversation follows its own retention period, hence the nullable people.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .querysets import CandidateRelatedQuerySet

MESSAGE_MAX_LENGTH = 5000


class Thread(models.Model):
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE,
                                  related_name="threads")
    # An employer user or a coach: the one person the candidate talks to in this thread.
    counterpart = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="candidate_threads")
    employer = models.ForeignKey("employers.Employer", on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="threads")
    created_at = models.DateTimeField(default=timezone.now)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["candidate", "counterpart"],
                                               name="thread_once_per_counterpart")]

    def __str__(self):
        return f"thread {self.pk}"


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+")
    body = models.TextField(_("bericht"), max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = CandidateRelatedQuerySet.through("thread__candidate").as_manager()

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["thread", "created_at"], name="message_thread_time")]
        constraints = [
            models.CheckConstraint(
                name="message_body_length",
                condition=Q(GreaterThanOrEqual(Length("body"), 1))
                & Q(LessThanOrEqual(Length("body"), MESSAGE_MAX_LENGTH))),
        ]

    def __str__(self):
        return f"message {self.pk}"


class ContactRequest(models.Model):
    """An employer asks to get in touch with a candidate who is not directly approachable."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op de werkmatcher")
        FORWARDED = "forwarded", _("Doorgestuurd naar de kandidaat")
        DECLINED = "declined", _("Niet doorgestuurd")

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE,
                                  related_name="contact_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+")
    employer = models.ForeignKey("employers.Employer", on_delete=models.CASCADE,
                                 related_name="contact_requests")
    vacancy = models.ForeignKey("employers.Vacancy", on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="contact_requests")
    message = models.TextField(_("bericht"), max_length=MESSAGE_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    handled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contactverzoek")
        verbose_name_plural = _("contactverzoeken")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="contact_request_handled_iff_not_pending",
                condition=Q(status="pending", handled_at__isnull=True)
                | (~Q(status="pending") & Q(handled_at__isnull=False))),
        ]

    def __str__(self):
        return f"contact request {self.pk}"


class VacancyResponse(models.Model):
    """A jobseeker responds to a vacancy of their own municipality."""

    class Status(models.TextChoices):
        SENT = "sent", _("Verstuurd")
        SEEN = "seen", _("Bekeken door de werkgever")
        INVITED = "invited", _("Uitgenodigd voor een gesprek")
        DECLINED = "declined", _("Niet gekozen")

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE,
                                  related_name="vacancy_responses")
    vacancy = models.ForeignKey("employers.Vacancy", on_delete=models.CASCADE,
                                related_name="responses")
    message = models.TextField(_("bericht"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("reactie op vacature")
        verbose_name_plural = _("reacties op vacatures")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["candidate", "vacancy"],
                                               name="vacancy_response_once")]

    def __str__(self):
        return f"response {self.pk}"
