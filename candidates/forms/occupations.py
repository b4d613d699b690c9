from django import forms
from django.utils.translation import gettext_lazy as _


class OccupationSearchForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoek een beroep"), max_length=100, required=False,
        help_text=_("Typ een deel van het beroep, bijvoorbeeld kok, schoonmaak of chauffeur."))
