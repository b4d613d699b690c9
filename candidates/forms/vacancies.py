from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models.messaging import MESSAGE_MAX_LENGTH
from hallowerk.distinct_values import distinct_values
from hallowerk.forms.choices import ModelChoiceField
from hallowerk.models import Occupation, Place, Sector


class VacancySearchForm(forms.Form):
    """Search and filters; the choices are only what the jobseeker's vacancies contain."""

    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100,
                        help_text=_("Bijvoorbeeld een functie of een woord uit de vacature."))
    occupation = ModelChoiceField(label=_("Beroep"), required=False,
                                        queryset=Occupation.objects.none(),
                                        empty_label=_("Alle beroepen"))
    sector = ModelChoiceField(label=_("Sector"), required=False,
                                    queryset=Sector.objects.none(),
                                    empty_label=_("Alle sectoren"))
    place = ModelChoiceField(label=_("Plaats"), required=False,
                                   queryset=Place.objects.none(), empty_label=_("Alle plaatsen"))
    hours = forms.IntegerField(
        label=_("Hoeveel uur per week wilt u werken?"), required=False, min_value=1,
        max_value=60, widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Leeg laten voor alle vacatures."),
        error_messages={"invalid": _("Vul een heel getal in, bijvoorbeeld 24."),
                        "min_value": _("Vul minimaal 1 uur in."),
                        "max_value": _("Vul maximaal 60 uur in.")})

    def __init__(self, *args, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        # The values the jobseeker's vacancies hold, one index step per value: a DISTINCT
        # over all of them cost ~55 ms a list at 500,000 candidates (issue 11).
        self.fields["occupation"].queryset = Occupation.objects.filter(
            pk__in=distinct_values(vacancies, "occupation_id")).order_by("label_nl")
        self.fields["sector"].queryset = Sector.objects.filter(
            pk__in=distinct_values(vacancies, "sector_id")).order_by("label_nl")
        self.fields["place"].queryset = Place.objects.filter(
            pk__in=distinct_values(vacancies, "place_id")).order_by("name")
        for name in ("occupation", "sector", "place"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Deze keuze bestaat niet meer. Kies opnieuw.")


class VacancyResponseForm(forms.Form):
    message = forms.CharField(
        label=_("Uw bericht aan de werkgever"), required=False, max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Niet verplicht. Vertel kort waarom deze baan bij u past."),
        error_messages={"max_length": _("Uw bericht is te lang: maximaal %(limit_value)d "
                                        "tekens (nu %(show_value)d).")})
