"""How much each component of a match counts, per municipality (SPEC §7, §8 "control over
technology": the municipality that posts a vacancy answers for the advice given on it).

A municipality without its own row uses the platform row (municipality empty); without
that, the defaults each component declares (matching/components/). Changes go through
services.weights_update(), which keeps a WeightsChange row and an audit event; the Django
admin only shows them.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..components import COMPONENT_KEYS, DECLARED

DEFAULT_WEIGHTS = {key: component.weight.default for key, component in DECLARED.items()}
MAX_WEIGHT = 10


def weight_field(key: str) -> models.PositiveSmallIntegerField:
    """The weight of a component, as its declaration (matching/components/) sets it."""
    weight = DECLARED[key].weight
    validators = [MinValueValidator(weight.minimum)] if weight.minimum else []
    return models.PositiveSmallIntegerField(
        weight.label, default=weight.default,
        validators=[*validators, MaxValueValidator(MAX_WEIGHT)])


def _range(key: str) -> models.CheckConstraint:
    minimum = DECLARED[key].weight.minimum
    if minimum:
        return models.CheckConstraint(name=f"matching_weights_{key}_counts", condition=Q(
            **{f"{key}__gte": minimum, f"{key}__lte": MAX_WEIGHT}))
    return models.CheckConstraint(name=f"matching_weights_{key}_in_range",
                                  condition=Q(**{f"{key}__lte": MAX_WEIGHT}))


class MatchingWeights(models.Model):
    municipality = models.OneToOneField(
        "hallowerk.Municipality", verbose_name=_("gemeente"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="matching_weights",
        help_text=_("Leeg: de weging voor het hele platform."))
    # One field per component (a test holds them to COMPONENT_KEYS).
    occupation = weight_field("occupation")
    skills = weight_field("skills")
    sector = weight_field("sector")
    availability = weight_field("availability")
    travel = weight_field("travel")
    driving_licence = weight_field("driving_licence")
    languages = weight_field("languages")
    physical = weight_field("physical")
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
            *(_range(key) for key in COMPONENT_KEYS),
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
