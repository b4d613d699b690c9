from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A participating municipality; its labour-market region drives the sharing scope."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    # The arbeidsmarktregio (35 in the Netherlands); several municipalities share one.
    labour_market_region = models.CharField(_("arbeidsmarktregio"), max_length=100)
    theme = models.SlugField(_("thema"), default="default",
                             help_text=_("Naam van het kleurthema (CSS-klasse hw-theme-…)."))
    wsp_contact_name = models.CharField(_("contactpersoon WSP"), max_length=200, blank=True)
    wsp_contact_email = models.EmailField(_("e-mail WSP"), blank=True)
    wsp_contact_phone = models.CharField(_("telefoon WSP"), max_length=30, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name
