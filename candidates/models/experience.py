"""The jobseeker's repeatable entries: work experience, education, courses, languages."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from candidates.choices import EducationLevel, Language, LanguageLevel

from .querysets import CandidateRelatedQuerySet

YEAR_VALIDATORS = [MinValueValidator(1940), MaxValueValidator(2100)]


class WorkExperience(models.Model):
    profile = models.ForeignKey("candidates.Profile", on_delete=models.CASCADE,
                                related_name="work_experiences")
    job_title = models.CharField(_("functie"), max_length=150)
    employer_name = models.CharField(_("werkgever"), max_length=150, blank=True)
    start_date = models.DateField(_("begonnen op"))
    end_date = models.DateField(_("gestopt op"), null=True, blank=True,
                                help_text=_("Leeg laten als u hier nog werkt."))
    description = models.TextField(_("wat deed u"), blank=True)

    objects = CandidateRelatedQuerySet.through("profile__candidate").as_manager()

    class Meta:
        verbose_name = _("werkervaring")
        verbose_name_plural = _("werkervaring")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                name="work_experience_ends_after_start",
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date"))),
        ]

    def __str__(self):
        return self.job_title


class Education(models.Model):
    profile = models.ForeignKey("candidates.Profile", on_delete=models.CASCADE,
                                related_name="educations")
    name = models.CharField(_("opleiding"), max_length=150)
    institution = models.CharField(_("school"), max_length=150, blank=True)
    level = models.CharField(_("niveau"), max_length=10, choices=EducationLevel.choices,
                             blank=True)
    completed = models.BooleanField(_("afgerond"), default=False)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True,
                                            validators=YEAR_VALIDATORS)
    certificate = models.BooleanField(_("diploma of certificaat"), default=False)

    objects = CandidateRelatedQuerySet.through("profile__candidate").as_manager()

    class Meta:
        verbose_name = _("opleiding")
        verbose_name_plural = _("opleidingen")
        ordering = ["-year", "-id"]

    def __str__(self):
        return self.name


class Course(models.Model):
    profile = models.ForeignKey("candidates.Profile", on_delete=models.CASCADE,
                                related_name="courses")
    name = models.CharField(_("cursus of training"), max_length=150)
    provider = models.CharField(_("gegeven door"), max_length=150, blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True,
                                            validators=YEAR_VALIDATORS)

    objects = CandidateRelatedQuerySet.through("profile__candidate").as_manager()

    class Meta:
        verbose_name = _("cursus")
        verbose_name_plural = _("cursussen")
        ordering = ["-year", "-id"]

    def __str__(self):
        return self.name


class LanguageSkill(models.Model):
    profile = models.ForeignKey("candidates.Profile", on_delete=models.CASCADE,
                                related_name="language_skills")
    language = models.CharField(_("taal"), max_length=5, choices=Language.choices)
    level = models.CharField(_("niveau"), max_length=15, choices=LanguageLevel.choices)

    objects = CandidateRelatedQuerySet.through("profile__candidate").as_manager()

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("talen")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"],
                                    name="language_skill_once_per_profile"),
            models.CheckConstraint(name="language_skill_language_valid",
                                   condition=Q(language__in=Language.values)),
            models.CheckConstraint(name="language_skill_level_valid",
                                   condition=Q(level__in=LanguageLevel.values)),
        ]

    def __str__(self):
        return f"{self.get_language_display()}: {self.get_level_display()}"
