"""A vacancy the account manager posts for an employer (SPEC §3)."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.choices import DrivingLicence, Language
from candidates.physical import PHYSICAL_CHOICES, physical_demand_label

from .querysets import VacancyQuerySet

HOURS_VALIDATORS = [MinValueValidator(1), MaxValueValidator(60)]


class Vacancy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PUBLISHED = "published", _("Gepubliceerd")
        CLOSED = "closed", _("Gesloten")

    employer = models.ForeignKey("employers.Employer", verbose_name=_("werkgever"),
                                 on_delete=models.PROTECT, related_name="vacancies")
    # The municipality whose jobseekers see it: the one of the account manager who posts it.
    municipality = models.ForeignKey("hallowerk.Municipality", verbose_name=_("gemeente"),
                                     on_delete=models.PROTECT, related_name="vacancies")
    title = models.CharField(_("functietitel"), max_length=200)
    occupation = models.ForeignKey("hallowerk.Occupation", verbose_name=_("beroep"),
                                   on_delete=models.PROTECT, related_name="vacancies")
    description = models.TextField(_("omschrijving"))
    sector = models.ForeignKey("hallowerk.Sector", verbose_name=_("sector"),
                               on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="vacancies")
    place = models.ForeignKey("hallowerk.Place", verbose_name=_("werkplaats"),
                              on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="vacancies")
    hours_per_week_min = models.PositiveSmallIntegerField(
        _("minimaal aantal uren per week"), null=True, blank=True, validators=HOURS_VALIDATORS)
    hours_per_week_max = models.PositiveSmallIntegerField(
        _("maximaal aantal uren per week"), null=True, blank=True, validators=HOURS_VALIDATORS)
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    required_driving_licence = models.CharField(
        _("rijbewijs nodig"), max_length=2, choices=DrivingLicence.choices, blank=True)
    required_languages = ArrayField(models.CharField(max_length=5, choices=Language.choices),
                                    verbose_name=_("talen nodig"), default=list, blank=True)
    physical_demands = ArrayField(models.CharField(max_length=20, choices=PHYSICAL_CHOICES),
                                  verbose_name=_("lichamelijke eisen"), default=list, blank=True)
    skills = ArrayField(models.CharField(max_length=80), verbose_name=_("vaardigheden"),
                        default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("aangemaakt door"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["municipality", "status", "-published_at"],
                         name="vacancy_municipality_status"),
            # A candidate's matching pool: the published vacancies of their municipality in
            # a related occupation or a chosen sector (matching/sql/vacancies.py).
            models.Index(fields=["municipality", "occupation"],
                         condition=Q(status="published"), name="vacancy_published_occupation"),
            models.Index(fields=["municipality", "sector"],
                         condition=Q(status="published"), name="vacancy_published_sector"),
            # The jobseeker's filter of places (candidates/forms/vacancies.py): the places of
            # the municipality's published vacancies, read one distinct place at a time
            # (hallowerk/distinct_values.py), as the two above serve occupations and sectors.
            models.Index(fields=["municipality", "place"],
                         condition=Q(status="published"), name="vacancy_published_place"),
            # The account manager's lists, a page at a time in their order (issue 11): at
            # 500,000 candidates Rotterdam has 25,000 vacancies to sort otherwise.
            models.Index(fields=["municipality", "-created_at", "-id"],
                         name="vacancy_municipality_created"),
            models.Index(fields=["municipality", "-published_at", "-created_at", "-id"],
                         condition=~Q(status="closed"), name="vacancy_open_by_published"),
        ]
        constraints = [
            models.CheckConstraint(name="vacancy_status_valid",
                                   condition=Q(status__in=["draft", "published", "closed"])),
            models.CheckConstraint(
                name="vacancy_published_has_date",
                condition=~Q(status="published") | Q(published_at__isnull=False)),
            models.CheckConstraint(
                name="vacancy_hours_min_not_above_max",
                condition=Q(hours_per_week_min__isnull=True) | Q(hours_per_week_max__isnull=True)
                | Q(hours_per_week_min__lte=F("hours_per_week_max"))),
        ]

    def __str__(self):
        return self.title

    def required_language_labels(self) -> list[str]:
        # The names as a language (so "Dutch" in English; the choice label "Nederlands" is
        # also the name of the site's language, which stays Dutch in the language menu).
        from matching.explain import LANGUAGE_NAMES

        return [str(LANGUAGE_NAMES.get(code, Language(code).label))
                for code in self.required_languages if code in Language.values]

    def physical_demand_labels(self) -> list[str]:
        return [physical_demand_label(code) for code in self.physical_demands]
