from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityFigures(models.Model):
    """The team lead's figures for one municipality and period, as the last refresh counted
    them (hallowerk/stats.py). The page reads this one row instead of counting a whole
    municipality per view. Counts only — no person, no employee; the page hides small cells."""

    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.CASCADE,
                                     related_name="+")
    period = models.CharField(max_length=5)  # a key of hallowerk.stats.PERIODS
    counts = models.JSONField(default=dict)  # {"open": 1234, "ended_refused": 7, ...}
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("cijfers voor teamleiders")
        verbose_name_plural = _("cijfers voor teamleiders")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "period"],
                                    name="municipality_figures_one_per_period"),
        ]

    def __str__(self):
        return f"figures {self.municipality_id}/{self.period} at {self.computed_at:%Y-%m-%d %H:%M}"
