from django.db import models
from django.utils.translation import gettext_lazy as _


class Employer(models.Model):
    """An employer organisation, vetted and invited by one municipality's WSP."""

    name = models.CharField(_("bedrijfsnaam"), max_length=200)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8)
    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.PROTECT,
                                     related_name="employers",
                                     verbose_name=_("uitnodigende gemeente"))
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["name"]

    def __str__(self):
        return self.name
