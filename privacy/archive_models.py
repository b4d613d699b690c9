"""What survives a dossier's destruction: one anonymised statistical row (issue 17).

The team lead's figures count live dossiers plus these rows, so totals do not drop when the
retention job destroys a dossier. The row holds nothing that points at a person: no id of the
dossier or the account, no name, no date finer than a month, and a random primary key — a
serial key, written in the same transaction as the DestructionRecord (which holds an opaque id
of the client number), would let anyone pair the two by order and read one person's figures.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DurationBand(models.TextChoices):
    UNDER_3 = "0-3", _("korter dan 3 maanden")
    UNDER_6 = "3-6", _("3 tot 6 maanden")
    UNDER_12 = "6-12", _("6 tot 12 maanden")
    UNDER_24 = "12-24", _("1 tot 2 jaar")
    LONGER = "24+", _("2 jaar of langer")


class ArchivedActivityCounts(models.Model):
    """The activity counts both archives keep: the team lead's figures add them up the
    same way whether a dossier was destroyed or only its old activity was purged."""

    invitations_sent = models.PositiveIntegerField(default=0)
    contact_requests = models.PositiveIntegerField(default=0)
    contact_forwarded = models.PositiveIntegerField(default=0)
    contact_declined = models.PositiveIntegerField(default=0)
    conversations = models.PositiveIntegerField(default=0)
    responses = models.PositiveIntegerField(default=0)
    responses_invited = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class AnonymisedDossier(ArchivedActivityCounts):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.PROTECT,
                                     related_name="+")
    # The first day of the month; the day itself is never kept.
    started_month = models.DateField()
    ended_month = models.DateField()
    outcome = models.CharField(max_length=15)  # candidates.EndReason
    duration_band = models.CharField(max_length=5, choices=DurationBand.choices)
    esf_funded = models.BooleanField(default=False)
    invitations_accepted = models.PositiveIntegerField(default=0)
    # Suggestions of work the jobseeker answered ("helps" / "does not fit").
    suggestions_answered = models.PositiveIntegerField(default=0)

    class Meta(ArchivedActivityCounts.Meta):
        verbose_name = _("geanonimiseerd dossier")
        verbose_name_plural = _("geanonimiseerde dossiers")
        constraints = [
            models.CheckConstraint(name="anonymised_dossier_months_only",
                                   condition=Q(started_month__day=1, ended_month__day=1)),
            models.CheckConstraint(name="anonymised_dossier_outcome_valid",
                                   condition=Q(outcome__in=["broken_off", "refused", "ended"])),
        ]
        indexes = [models.Index(fields=["municipality", "ended_month"],
                                name="anonymised_dossier_by_month")]

    def __str__(self):
        return f"anonymised dossier {self.municipality_id} {self.ended_month:%Y-%m}"

    @property
    def is_placement(self) -> bool:
        """A placement as the team lead's figures define it (hallowerk/stats.py)."""
        return self.outcome == "ended"


class AnonymisedActivity(ArchivedActivityCounts):
    """What the platform's own purges remove before a dossier ends (contact requests and
    responses after a year, conversations a year after the last message, unused invitations),
    kept as counts per municipality and month, so the figures do not drop either. One row
    per municipality and month, added to in the purge's own transaction."""

    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.PROTECT,
                                     related_name="+")
    # The month the removed rows were created in (their figures count by creation).
    month = models.DateField()

    class Meta(ArchivedActivityCounts.Meta):
        verbose_name = _("geanonimiseerde activiteit")
        verbose_name_plural = _("geanonimiseerde activiteit")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "month"],
                                    name="anonymised_activity_one_per_month"),
            models.CheckConstraint(name="anonymised_activity_months_only",
                                   condition=Q(month__day=1)),
        ]

    def __str__(self):
        return f"anonymised activity {self.municipality_id} {self.month:%Y-%m}"
