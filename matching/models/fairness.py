"""A stored monitoring report: aggregates only (SPEC §2: team leads never see individuals).

The numbers are suppressed *before* they are stored (fairness.py), so a small group's exact
count exists nowhere, not even in this table.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FairnessReport(models.Model):
    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.CASCADE,
                                     related_name="fairness_reports")
    created_at = models.DateTimeField(default=timezone.now)
    vacancy_count = models.PositiveIntegerField()
    candidate_count = models.PositiveIntegerField()
    # {"breakdowns": {"gender": [row, ...], ...}, "weights": {...}}; see fairness.py.
    data = models.JSONField()

    class Meta:
        verbose_name = _("monitoringrapport matching")
        verbose_name_plural = _("monitoringrapporten matching")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-created_at"],
                                name="fairness_report_latest")]

    def __str__(self):
        return f"{self.municipality} {self.created_at:%Y-%m-%d}"
