"""Reference lists shared by candidates, vacancies and matching (no personal data).

Occupations are keyed to ISCO-08 unit groups so matching can grade closeness by the
code's hierarchy (unit group 4 digits, minor group 3, sub-major 2, major 1).
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualLabel(models.Model):
    label_nl = models.CharField(max_length=200)
    label_en = models.CharField(max_length=200)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" else self.label_nl


class Occupation(BilingualLabel):
    isco_code = models.CharField(_("ISCO-08-code"), max_length=4, unique=True)
    # Job titles people use for this unit group ("orderpicker; heftruckchauffeur"), written
    # as the search folds words, separated by ";" as in reference/data/occupations.csv.
    # The employer's search and the occupation picker read them
    # (hallowerk/reference/occupations.py).
    other_names = models.TextField(_("andere namen"), blank=True, default="")

    class Meta:
        ordering = ["label_nl"]
        verbose_name = _("beroep")
        verbose_name_plural = _("beroepen")

    @property
    def other_names_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.split(";") if name.strip()]

    @property
    def minor_group(self) -> str:
        return self.isco_code[:3]

    @property
    def major_group(self) -> str:
        return self.isco_code[:1]


class Sector(BilingualLabel):
    code = models.SlugField(unique=True)

    class Meta:
        ordering = ["label_nl"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")


class Place(models.Model):
    """A Dutch place (population ≥ 500) with coordinates, for travel distance."""

    geonames_id = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=120, db_index=True)
    province = models.CharField(max_length=60, blank=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    population = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("plaats")
        verbose_name_plural = _("plaatsen")

    def __str__(self):
        return self.name
