from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OversightSettings(models.Model):
    """A municipality's thresholds for unusual access and its inactivity periods. A
    municipality without a row uses the defaults (the field defaults below)."""

    municipality = models.OneToOneField("hallowerk.Municipality", on_delete=models.CASCADE,
                                        related_name="oversight_settings")
    employer_views_per_day = models.PositiveIntegerField(
        _("profielen per dag door één werkgeversaccount"), default=40,
        validators=[MinValueValidator(1)],
        help_text=_("Een signaal als een werkgeversaccount op één dag meer profielen opent."))
    usual_factor = models.PositiveSmallIntegerField(
        _("keer meer dan gewoonlijk"), default=3, validators=[MinValueValidator(1),
                                                             MaxValueValidator(100)],
        help_text=_("Ook boven de drempel pas een signaal als het zoveel keer meer is dan "
                    "het gemiddelde per dag van die persoon in de 4 weken ervoor."))
    staff_searches_per_day = models.PositiveIntegerField(
        _("zoekopdrachten op naam per dag door één medewerker"), default=50,
        validators=[MinValueValidator(1)])
    exports_per_day = models.PositiveIntegerField(
        _("exports per dag door één persoon"), default=5, validators=[MinValueValidator(1)])
    office_hours_start = models.PositiveSmallIntegerField(
        _("kantoortijd begint om (uur)"), default=7, validators=[MaxValueValidator(23)])
    office_hours_end = models.PositiveSmallIntegerField(
        _("kantoortijd eindigt om (uur)"), default=19, validators=[MaxValueValidator(24)])
    weekend_is_off_hours = models.BooleanField(
        _("zaterdag en zondag zijn buiten kantoortijd"), default=True)
    professional_inactive_months = models.PositiveSmallIntegerField(
        _("account van een professional ongebruikt (maanden)"), default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)])
    deactivation_notice_days = models.PositiveSmallIntegerField(
        _("dagen tussen bericht en uitschakelen"), default=30,
        validators=[MinValueValidator(7), MaxValueValidator(365)])
    jobseeker_inactive_months = models.PositiveSmallIntegerField(
        _("werkzoekende niet ingelogd (maanden)"), default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)])

    class Meta:
        verbose_name = _("instellingen voor toezicht")
        verbose_name_plural = _("instellingen voor toezicht")
        constraints = [
            models.CheckConstraint(name="oversight_office_hours_in_order",
                                   condition=Q(office_hours_start__lt=models.F(
                                       "office_hours_end")),
                                   violation_error_message=_(
                                       "De kantoortijd moet eindigen na het begin.")),
        ]

    def __str__(self):
        return f"oversight settings {self.municipality_id}"


class AccessSignal(models.Model):
    """One unusual day of one person's access, found by the daily job; the administrator
    looks into it and marks it handled with a note."""

    class Kind(models.TextChoices):
        EMPLOYER_VIEWS = "employer_views", _("Veel profielen geopend door een werkgever")
        STAFF_SEARCHES = "staff_searches", _("Veel zoekopdrachten op naam door een medewerker")
        EXPORTS = "exports", _("Veel exports")
        OFF_HOURS = "off_hours", _("Medewerker buiten kantoortijd in persoonsgegevens")

    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.CASCADE,
                                     related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # A bare id like the audit log's actor: removing an account never rewrites this history.
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING,
                              db_constraint=False, null=True, related_name="+")
    actor_role = models.CharField(max_length=20)
    day = models.DateField()
    count = models.PositiveIntegerField()
    threshold = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    note = models.TextField(_("notitie"), blank=True)

    class Meta:
        verbose_name = _("signaal van ongewone toegang")
        verbose_name_plural = _("signalen van ongewone toegang")
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "actor", "day"],
                                    name="access_signal_once_per_person_kind_day"),
            models.CheckConstraint(name="access_signal_handled_has_note",
                                   condition=Q(handled_at__isnull=True)
                                   | (Q(handled_at__isnull=False) & ~Q(note=""))),
        ]
        indexes = [models.Index(fields=["municipality", "handled_at", "-day"],
                                name="access_signal_open")]

    def __str__(self):
        return f"signal {self.kind} {self.day} ({self.count})"

    @property
    def is_handled(self) -> bool:
        return self.handled_at is not None


class InactivityNotice(models.Model):
    """An account found unused: a professional was told it will be switched off, or a
    jobseeker's coach was reminded. Gone again when the person logs in (privacy/oversight/
    inactivity.py), so each period of inactivity is told once."""

    class Kind(models.TextChoices):
        DEACTIVATION = "deactivation", _("Account wordt uitgeschakeld")
        COACH_REMINDER = "coach_reminder", _("Werkmatcher herinnerd")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="inactivity_notice")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    notified_at = models.DateTimeField(default=timezone.now)
    # Deactivation only: the day the account is switched off unless used before.
    deactivate_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(name="inactivity_notice_deactivation_has_date",
                                   condition=Q(kind="coach_reminder", deactivate_on__isnull=True)
                                   | Q(kind="deactivation", deactivate_on__isnull=False)),
        ]

    def __str__(self):
        return f"inactivity {self.kind} for {self.user_id}"
