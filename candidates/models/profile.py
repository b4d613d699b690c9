"""What the jobseeker enters about themself (SPEC §3), apart from the municipal dossier.

One row per candidate (plus the repeatable entries), so "erase everything I entered"
is deleting this row.
"""

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from candidates.choices import DrivingLicence, Transport
from candidates.physical import PHYSICAL_ITEMS, physical_field_name

from .completeness_rule import COMPLETENESS_MAX
from .querysets import CandidateRelatedQuerySet
from .storage import cv_upload_to, photo_upload_to, private_storage

MAX_HOURS_PER_WEEK = 60


def _short_text_list(label, size=80):
    return ArrayField(models.CharField(max_length=size), verbose_name=label, default=list,
                      blank=True)


class Profile(models.Model):
    candidate = models.OneToOneField("candidates.Candidate", on_delete=models.CASCADE,
                                     related_name="profile", verbose_name=_("kandidaat"))
    place_of_residence = models.ForeignKey(
        "hallowerk.Place", verbose_name=_("woonplaats"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+")
    personal_description = models.TextField(_("over mij"), blank=True)
    kind_of_work = models.TextField(_("werk dat bij mij past"), blank=True)
    competences = _short_text_list(_("talenten"))
    professional_skills = _short_text_list(_("vakkennis en vaardigheden"))
    what_suits_me = models.TextField(_("wat past bij mij"), blank=True)
    moodboard = models.TextField(_("moodboard"), blank=True)
    # Both uploads on private storage: a photo is personal data too, served by a checked view.
    photo = models.ImageField(_("foto"), storage=private_storage, upload_to=photo_upload_to,
                              null=True, blank=True)
    cv = models.FileField(_("cv"), storage=private_storage, upload_to=cv_upload_to,
                          null=True, blank=True)
    video_url = models.URLField(_("link naar video"), blank=True)
    social_links = ArrayField(models.URLField(), verbose_name=_("links naar sociale media"),
                              default=list, blank=True)
    assessments = models.TextField(_("uitslagen van testen"), blank=True)
    free_text = models.TextField(_("vrije tekst"), blank=True)
    driving_licences = ArrayField(
        models.CharField(max_length=2, choices=DrivingLicence.choices),
        verbose_name=_("rijbewijzen"), default=list, blank=True)
    transport = ArrayField(models.CharField(max_length=20, choices=Transport.choices),
                           verbose_name=_("vervoer"), default=list, blank=True)
    max_travel_km = models.PositiveSmallIntegerField(
        _("maximale reisafstand (km)"), null=True, blank=True,
        validators=[MaxValueValidator(300)])
    available_from = models.DateField(_("beschikbaar vanaf"), null=True, blank=True)
    hours_per_week_min = models.PositiveSmallIntegerField(
        _("minimaal aantal uren per week"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_HOURS_PER_WEEK)])
    hours_per_week_max = models.PositiveSmallIntegerField(
        _("maximaal aantal uren per week"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_HOURS_PER_WEEK)])
    availability_notes = models.TextField(_("toelichting beschikbaarheid"), blank=True)
    preferred_occupations = models.ManyToManyField(
        "hallowerk.Occupation", verbose_name=_("beroepen die ik zoek"), blank=True,
        related_name="+")
    sectors = models.ManyToManyField("hallowerk.Sector", verbose_name=_("sectoren"),
                                     blank=True, related_name="+")
    # physical_<code> fields are added below from PHYSICAL_ITEMS.
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # The coach's score (candidates/models/completeness_rule.py), stored so the coach's list
    # filters on an index; written only by profile_completeness_store(), never edited.
    completeness = models.PositiveSmallIntegerField(
        _("volledigheid"), default=0, editable=False,
        validators=[MaxValueValidator(COMPLETENESS_MAX)])

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")
        indexes = [
            # The coach's completeness filter: candidates with a score in a range.
            models.Index(fields=["completeness", "candidate"], name="profile_completeness"),
            # Matching scores each profile of a vacancy's pool from this index alone, by id
            # (an index-only probe, matching/sql/candidates.py): every column a score reads,
            # so the wide row (texts, the search document) is never visited.
            models.Index(fields=["id"], include=[
                "candidate", "place_of_residence", "max_travel_km", "transport",
                "driving_licences", "hours_per_week_min", "hours_per_week_max",
                "available_from", "competences", "professional_skills",
                *(physical_field_name(code) for code, _nl, _en in PHYSICAL_ITEMS)],
                name="matching_profile_features"),
        ]
        constraints = [
            models.CheckConstraint(
                name="profile_hours_min_not_above_max",
                condition=Q(hours_per_week_min__isnull=True) | Q(hours_per_week_max__isnull=True)
                | Q(hours_per_week_min__lte=F("hours_per_week_max"))),
            models.CheckConstraint(
                name="profile_hours_within_week",
                condition=(Q(hours_per_week_min__isnull=True)
                           | Q(hours_per_week_min__lte=MAX_HOURS_PER_WEEK))
                & (Q(hours_per_week_max__isnull=True)
                   | Q(hours_per_week_max__lte=MAX_HOURS_PER_WEEK))),
            models.CheckConstraint(
                name="profile_completeness_in_range",
                condition=Q(completeness__gte=0) & Q(completeness__lte=COMPLETENESS_MAX)),
        ]

    def __str__(self):
        return f"profile of candidate {self.candidate_id}"

    def physical_answers(self) -> dict[str, bool | None]:
        """code → True (can), False (cannot), None (not answered)."""
        return {code: getattr(self, physical_field_name(code)) for code, _nl, _en in PHYSICAL_ITEMS}


for _code, _label_nl, _label_en in PHYSICAL_ITEMS:
    # None = not answered, True = can, False = cannot. The reason is never asked.
    Profile.add_to_class(physical_field_name(_code),
                         models.BooleanField(_label_nl, null=True, blank=True))
