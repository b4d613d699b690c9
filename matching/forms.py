from typing import cast

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from hallowerk.forms.unbound_html import UnboundHtmlCached

from .models import COMPONENT_KEYS, FeedbackReason, FeedbackVerdict, MatchingWeights
from .models.weights import MAX_WEIGHT


class FeedbackForm(UnboundHtmlCached, forms.Form):
    """Under each suggested vacancy (25 a page): rendered once, its prefix filled in."""

    verdict = forms.ChoiceField(
        label=_("Wat vindt u van deze suggestie?"), choices=FeedbackVerdict.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of deze suggestie u helpt of niet past.")})
    reason = forms.ChoiceField(
        label=_("Past niet, omdat …"), required=False,
        choices=[("", _("Kies een reden")), *FeedbackReason.choices],
        help_text=_("Alleen nodig als de suggestie niet past. Uw werkmatcher ziet uw antwoord."),
        error_messages={"invalid_choice": _("Kies een reden uit de lijst.")})

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("verdict") == FeedbackVerdict.DOES_NOT_FIT and not cleaned.get("reason"):
            self.add_error("reason", _("Kies waarom deze vacature niet bij u past."))
        return cleaned


class WeightsForm(forms.Form):
    """One number per component, 0 (does not count) to 10; the occupation counts at least 1."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in COMPONENT_KEYS:
            minimum = 1 if key == "occupation" else 0
            self.fields[key] = forms.IntegerField(
                # Each component key names a plain integer field of MatchingWeights.
                label=cast(models.Field, MatchingWeights._meta.get_field(key))
                .verbose_name.capitalize(),
                min_value=minimum, max_value=MAX_WEIGHT,
                help_text=_("Een heel getal van %(low)s tot en met %(high)s.") % {
                    "low": minimum, "high": MAX_WEIGHT},
                error_messages={
                    "required": _("Vul een getal in."),
                    "invalid": _("Vul een heel getal in, bijvoorbeeld 3."),
                    "min_value": _("Het getal mag niet kleiner zijn dan %(limit_value)s."),
                    "max_value": _("Het getal mag niet groter zijn dan %(limit_value)s.")},
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
