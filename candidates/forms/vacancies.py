from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models.messaging import MESSAGE_MAX_LENGTH
from employers.models import Vacancy
from hallowerk.compiled_queries import CompiledQuery
from hallowerk.distinct_values import distinct_values
from hallowerk.forms.choices import ModelChoiceField
from hallowerk.models import Occupation, Place, Sector


def _values_among_vacancies(model, column: str, order: str) -> CompiledQuery:
    """The rows of `model` that the viewer's vacancies refer to in `column`, one index step
    per value: a DISTINCT over all of them cost ~55 ms a list at 500,000 candidates (issue
    11). Compiled once per municipality (hallowerk/compiled_queries.py): building the three
    recursive queries cost ~4 ms of CPU on every view of the page."""
    return CompiledQuery(
        lambda viewer: model.objects.filter(
            pk__in=distinct_values(Vacancy.objects.visible_to(viewer), column)).order_by(order),
        ids=(), viewer_pk_varies=True)


_OPTIONS = {
    "occupation": _values_among_vacancies(Occupation, "occupation_id", "label_nl"),
    "sector": _values_among_vacancies(Sector, "sector_id", "label_nl"),
    "place": _values_among_vacancies(Place, "place_id", "name"),
}


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

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        # The values the jobseeker's vacancies hold; a chosen value is checked against the
        # same rows (a value gone since the page was shown: "choose again").
        for name, read in _OPTIONS.items():
            rows = read.rows(viewer)
            field = self.fields[name]
            # Built only when validation asks (hallowerk/forms/choices.py): an unfiltered
            # list never does.
            field.queryset_from(lambda model=field.queryset.model, ids=[r.pk for r in rows]:
                                model.objects.filter(pk__in=ids))
            field.offer(rows)
            field.error_messages["invalid_choice"] = _(
                "Deze keuze bestaat niet meer. Kies opnieuw.")


class VacancyResponseForm(forms.Form):
    message = forms.CharField(
        label=_("Uw bericht aan de werkgever"), required=False, max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Niet verplicht. Vertel kort waarom deze baan bij u past."),
        error_messages={"max_length": _("Uw bericht is te lang: maximaal %(limit_value)d "
                                        "tekens (nu %(show_value)d).")})
