"""How much each component of a match counts, per municipality (SPEC §7, §8 "control over
technology": the municipality that posts a vacancy answers for the advice given on it).

A municipality without its own row uses the platform row (municipality empty); without
that, the defaults below. Changes go through services.weights_update(), which keeps a
WeightsChange row and an audit event; the Django admin only shows them.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The components in the order the explanation lists them.
COMPONENT_KEYS = ("occupation", "skills", "sector", "availability", "travel",
                  "driving_licence", "languages", "physical")
DEFAULT_WEIGHTS = {"occupation": 5, "skills": 2, "sector": 2, "availability": 2, "travel": 3,
                   "driving_licence": 1, "languages": 1, "physical": 1}
MAX_WEIGHT = 10


class MatchingWeights(models.Model):
    municipality = models.OneToOneField(
        "hallowerk.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="matching_weights",
        help_text=_("Leeg: de weging voor het hele platform."))
    # The occupation always counts: without it a score would mean nothing.
    occupation = models.PositiveSmallIntegerField(
        _("beroep"), default=DEFAULT_WEIGHTS["occupation"],
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WEIGHT)])
    skills = models.PositiveSmallIntegerField(
        _("vaardigheden"), default=DEFAULT_WEIGHTS["skills"],
        validators=[MaxValueValidator(MAX_WEIGHT)])
    sector = models.PositiveSmallIntegerField(
        _("sector"), default=DEFAULT_WEIGHTS["sector"],
        validators=[MaxValueValidator(MAX_WEIGHT)])
    availability = models.PositiveSmallIntegerField(
        _("beschikbaarheid"), default=DEFAULT_WEIGHTS["availability"],
        validators=[MaxValueValidator(MAX_WEIGHT)])
    travel = models.PositiveSmallIntegerField(
        _("reisafstand"), default=DEFAULT_WEIGHTS["travel"],
        validators=[MaxValueValidator(MAX_WEIGHT)])
    driving_licence = models.PositiveSmallIntegerField(
        _("rijbewijs"), default=DEFAULT_WEIGHTS["driving_licence"],
        validators=[MaxValueValidator(MAX_WEIGHT)])
    languages = models.PositiveSmallIntegerField(
        _("talen"), default=DEFAULT_WEIGHTS["languages"],
        validators=[MaxValueValidator(MAX_WEIGHT)])
    physical = models.PositiveSmallIntegerField(
        _("lichamelijk werk"), default=DEFAULT_WEIGHTS["physical"],
        validators=[MaxValueValidator(MAX_WEIGHT)])
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("gewijzigd door"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("weging van de matching")
        verbose_name_plural = _("wegingen van de matching")
        constraints = [
            # One platform row (municipality empty); one row per municipality via OneToOne.
            models.UniqueConstraint(fields=["municipality"], condition=Q(municipality=None),
                                    name="matching_weights_one_platform_row",
                                    nulls_distinct=False),
            models.CheckConstraint(name="matching_weights_occupation_counts",
                                   condition=Q(occupation__gte=1, occupation__lte=MAX_WEIGHT)),
            *(models.CheckConstraint(name=f"matching_weights_{key}_in_range",
                                     condition=Q(**{f"{key}__lte": MAX_WEIGHT}))
              for key in COMPONENT_KEYS if key != "occupation"),
        ]

    def __str__(self):
        return str(self.municipality or _("hele platform"))

    def as_dict(self) -> dict[str, int]:
        return {key: getattr(self, key) for key in COMPONENT_KEYS}


class WeightsChange(models.Model):
    """One change of a weighting: who, when, from what to what (the audit log keeps the
    event too; this is the history the administrator's page shows)."""

    weights = models.ForeignKey(MatchingWeights, on_delete=models.CASCADE,
                                related_name="changes")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)
    before = models.JSONField()
    after = models.JSONField()

    class Meta:
        verbose_name = _("wijziging van de weging")
        verbose_name_plural = _("wijzigingen van de weging")
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.weights} {self.changed_at:%Y-%m-%d %H:%M}"
