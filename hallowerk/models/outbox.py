"""Work that must not be lost with a broker message (the transactional outbox, STYLE §14)."""

from django.db import models
from django.utils import timezone


class QueuedTask(models.Model):
    """One Celery task run, recorded in the database before it is queued. A periodic sweep
    (hallowerk/outbox.py) runs what is still due, so a message that Redis lost only delays
    the work. `key` names the work (e.g. "saved-search-alert:12"): one due row per key."""

    class Status(models.TextChoices):
        DUE = "due", "due"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    key = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DUE)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The exception's class name only: a message text can hold personal data.
    last_error = models.CharField(max_length=100, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="queued_task_due")]
        constraints = [models.UniqueConstraint(fields=["key"], condition=models.Q(status="due"),
                                               name="queued_task_one_due_per_key")]

    def __str__(self):
        return f"{self.task}{tuple(self.args)} ({self.status})"
