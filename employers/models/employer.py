"""An employer organisation, vetted and invited by one municipality's WSP (SPEC §3).

The account manager enters all of it; the employer's own users enter nothing here.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hallowerk.validators import (
    KVK_PATTERN,
    POSTCODE_PATTERN,
    validate_kvk_number,
    validate_postcode,
)

from .querysets import EmployerQuerySet


class Employer(models.Model):
    name = models.CharField(_("bedrijfsnaam"), max_length=200)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True,
                                validators=[validate_postcode])
    city = models.CharField(_("vestigingsplaats"), max_length=100, blank=True)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, validators=[validate_kvk_number],
                                  help_text=_("8 cijfers. De bedrijfsgegevens worden daarmee "
                                              "ingevuld."))
    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.PROTECT,
                                     related_name="employers",
                                     verbose_name=_("uitnodigende gemeente"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uitgenodigd door"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    # The contact person is personal data (see privacy/catalogue.py); the rest is company data.
    contact_first_name = models.CharField(_("voornaam contactpersoon"), max_length=100,
                                          blank=True)
    contact_last_name = models.CharField(_("achternaam contactpersoon"), max_length=100,
                                         blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contact_phone = models.CharField(_("telefoon contactpersoon"), max_length=20, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    deactivated_at = models.DateTimeField(_("gedeactiveerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["name"]
        indexes = [
            # The account manager's list, by name, a page at a time (issue 11): read in
            # order from here instead of sorting every employer of the municipality.
            models.Index(fields=["municipality", "name", "id"], name="employer_municipality_name"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kvk_number"], name="employer_kvk_unique_per_municipality",
                violation_error_message=_("Deze werkgever (KvK-nummer) doet al mee via deze "
                                          "gemeente.")),
            models.CheckConstraint(name="employer_kvk_number_format",
                                   condition=Q(kvk_number__regex=KVK_PATTERN)),
            models.CheckConstraint(name="employer_postcode_format",
                                   condition=Q(postcode="") | Q(postcode__regex=POSTCODE_PATTERN)),
            models.CheckConstraint(
                name="employer_deactivated_iff_inactive",
                condition=Q(is_active=True, deactivated_at__isnull=True)
                | Q(is_active=False, deactivated_at__isnull=False)),
        ]

    def __str__(self):
        return self.name

    @property
    def contact_name(self) -> str:
        return f"{self.contact_first_name} {self.contact_last_name}".strip()
