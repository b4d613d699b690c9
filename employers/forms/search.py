"""The employer's search form: the only door from a query string to SearchCriteria.

It knows exactly the fields of SearchCriteria. Anything else in the query string is
ignored — and parameters that try to select people on target group, gender, age or photo
(hand-made URLs such as ?tg_banenafspraak=1 or ?sort=date_of_birth) are ignored with a
notice that says so, so the employer is never misled about what was searched.
"""

import re

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.choices import DrivingLicence, Language
from candidates.physical import PHYSICAL_CHOICES
from hallowerk.forms.choices import ModelChoiceField
from hallowerk.forms.dates import DATE_INPUT_FORMATS, dutch_date_widget
from hallowerk.forms.occupations import OccupationField
from hallowerk.models import Sector
from hallowerk.reference import place_resolve, place_search

from ..fulltext import MAX_QUERY_LENGTH, MAX_TERMS, count_terms
from ..search import (
    DEFAULT_RADIUS_KM,
    RADIUS_MAX_KM,
    RADIUS_MIN_KM,
    SearchCriteria,
)

# What marks a parameter (or a sort value) as an attempt to select on who someone is rather
# than what they can do. Long words count anywhere in the name ("dateOfBirth", "has_photo");
# short ones only as a whole word, so "page" or "language" never trip over "age".
DISCRIMINATING_WORDS = ("doelgroep", "target", "banenafspraak", "praktijkroute", "gender",
                        "geslacht", "leeftijd", "birth", "geboorte", "photo", "picture")
DISCRIMINATING_SHORT_WORDS = frozenset({"tg", "bbl", "tozo", "sex", "age", "dob", "foto"})
SORT_PARAMETERS = ("sort", "order", "ordering", "sorteer", "volgorde", "o")
PAGE_PARAMETER = "page"


def _mentions_discrimination(text: str) -> bool:
    text = text.lower()
    if any(word in text for word in DISCRIMINATING_WORDS):
        return True
    return any(token in DISCRIMINATING_SHORT_WORDS for token in re.split(r"[^a-z]+", text))


def ignored_discriminating_parameters(data: QueryDict, known: set[str]) -> list[str]:
    """Names of unknown parameters that ask for target group, gender, age or photo."""
    ignored = []
    for name in data:
        if name in known or name == PAGE_PARAMETER:
            continue
        values = data.getlist(name)
        if _mentions_discrimination(name) or (
                name.lower() in SORT_PARAMETERS
                and any(_mentions_discrimination(value) for value in values)):
            ignored.append(name)
    return sorted(ignored)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Zoekwoorden"), required=False,
        help_text=gettext_lazy("Bijvoorbeeld: magazijn, heftruck of kok. We zoeken in het hele "
                               "profiel. Het laatste woord mag nog niet af zijn."))
    occupation = OccupationField(
        label=gettext_lazy("Beroep"), required=False,
        help_text=gettext_lazy("Typ een deel van het beroep en kies uit de lijst. Leeg: alle "
                               "beroepen."))
    sector = ModelChoiceField(
        label=gettext_lazy("Sector"), required=False, to_field_name="code",
        queryset=Sector.objects.order_by("label_nl"),
        empty_label=gettext_lazy("Alle sectoren"),
        error_messages={"invalid_choice": gettext_lazy(
            "Deze sector kennen we niet. Kies een sector uit de lijst.")})
    place = forms.CharField(
        label=gettext_lazy("Woonplaats van de kandidaat"), required=False, max_length=120,
        help_text=gettext_lazy("Bijvoorbeeld: Utrecht. We kijken naar de woonplaats, niet naar "
                               "het adres."),
        error_messages={"max_length": gettext_lazy(
            "Deze plaatsnaam is te lang. Vul alleen de naam van de plaats in.")})
    radius = forms.IntegerField(
        label=gettext_lazy("Afstand (km)"), required=False, initial=DEFAULT_RADIUS_KM,
        min_value=RADIUS_MIN_KM, max_value=RADIUS_MAX_KM,
        help_text=gettext_lazy("Hoe ver de kandidaat hoogstens woont, van 1 tot 200 km."),
        error_messages={
            "invalid": gettext_lazy("Vul de afstand in als een getal, bijvoorbeeld 25."),
            "min_value": gettext_lazy("Kies een afstand van 1 tot 200 km."),
            "max_value": gettext_lazy("Kies een afstand van 1 tot 200 km.")})
    available_on = forms.DateField(
        label=gettext_lazy("Beschikbaar op"), required=False,
        widget=dutch_date_widget(),
        input_formats=DATE_INPUT_FORMATS,
        help_text=gettext_lazy("Kandidaten die op deze datum kunnen beginnen. Wie geen datum "
                               "invulde, telt als beschikbaar."),
        error_messages={"invalid": gettext_lazy(
            "Vul een datum in, bijvoorbeeld 1-9-2026.")})
    hours = forms.IntegerField(
        label=gettext_lazy("Uren per week"), required=False, min_value=1, max_value=60,
        help_text=gettext_lazy("Kandidaten die dit aantal uren per week willen werken."),
        error_messages={
            "invalid": gettext_lazy("Vul het aantal uren in als een getal, bijvoorbeeld 24."),
            "min_value": gettext_lazy("Kies 1 tot 60 uur per week."),
            "max_value": gettext_lazy("Kies 1 tot 60 uur per week.")})
    driving_licence = forms.ChoiceField(
        label=gettext_lazy("Rijbewijs"), required=False,
        choices=[("", gettext_lazy("Maakt niet uit")), *DrivingLicence.choices],
        error_messages={"invalid_choice": gettext_lazy(
            "Dit rijbewijs kennen we niet. Kies een rijbewijs uit de lijst.")})
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Spreekt"), required=False, choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy(
            "Deze taal kennen we niet. Kies talen uit de lijst.")})
    physical = forms.MultipleChoiceField(
        label=gettext_lazy("Kan dit lichamelijke werk doen"), required=False,
        choices=PHYSICAL_CHOICES, widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("U ziet alleen wie 'ja' heeft gezegd. Waarom iemand iets niet "
                               "kan, vragen we nooit."),
        error_messages={"invalid_choice": gettext_lazy(
            "Dit onderdeel kennen we niet. Kies uit de lijst.")})

    def __init__(self, data: QueryDict | None = None, **kwargs):
        super().__init__(data, **kwargs)
        self.notices: list[str] = []
        self.resolved_place = None
        if data is not None:
            ignored = ignored_discriminating_parameters(data, set(self.fields))
            if ignored:
                self.notices.append(_(
                    "Zoeken of sorteren op doelgroep, geslacht, leeftijd of foto kan niet: zo "
                    "krijgt iedere kandidaat een eerlijke kans. Dit deel van uw zoekvraag is "
                    "niet gebruikt: %(names)s.") % {"names": ", ".join(ignored)})

    def clean_q(self) -> str:
        text = " ".join(self.cleaned_data["q"].split())
        if len(text) > MAX_QUERY_LENGTH:
            cut = text[:MAX_QUERY_LENGTH]
            # Cut between words when there is a space close to the limit.
            if " " in cut[MAX_QUERY_LENGTH // 2:]:
                cut = cut.rsplit(" ", 1)[0]
            self.notices.append(_(
                "Uw zoektekst was te lang (%(length)s tekens). We hebben gezocht met de eerste "
                "%(used)s tekens.") % {"length": len(text), "used": len(cut)})
            text = cut
        if count_terms(text) > MAX_TERMS:
            self.notices.append(_(
                "We zoeken met de eerste %(max)s woorden. Gebruik minder woorden voor een beter "
                "resultaat.") % {"max": MAX_TERMS})
        return text

    def clean_place(self) -> str:
        name = self.cleaned_data["place"].strip()
        if not name:
            return ""
        place = place_resolve(name)
        if place is None:
            suggestions = [p.name for p in place_search(name, limit=3)]
            if suggestions:
                raise forms.ValidationError(
                    _("We kennen de plaats '%(name)s' niet. Bedoelt u: %(suggestions)s?")
                    % {"name": name, "suggestions": ", ".join(suggestions)})
            raise forms.ValidationError(
                _("We kennen de plaats '%(name)s' niet. Controleer de spelling.")
                % {"name": name})
        self.resolved_place = place
        return place.name

    def criteria(self) -> SearchCriteria:
        """Call after is_valid()."""
        data = self.cleaned_data
        return SearchCriteria(
            text=data["q"], occupation=data["occupation"], sector=data["sector"],
            place=self.resolved_place,
            radius_km=data["radius"] or DEFAULT_RADIUS_KM,
            available_on=data["available_on"], hours_per_week=data["hours"],
            driving_licence=data["driving_licence"], languages=tuple(data["languages"]),
            physical=tuple(data["physical"]))

    def canonical_query(self) -> str:
        """The cleaned search as a query string: for paging, saving and the alert link."""
        data = self.cleaned_data
        params = QueryDict(mutable=True)
        for name, value in [
            ("q", data["q"]),
            ("occupation", data["occupation"].isco_code if data["occupation"] else ""),
            ("sector", data["sector"].code if data["sector"] else ""),
            ("place", data["place"]),
            ("radius", data["radius"] if data["place"] and data["radius"] else ""),
            ("available_on", data["available_on"].isoformat() if data["available_on"] else ""),
            ("hours", data["hours"] or ""),
            ("driving_licence", data["driving_licence"]),
        ]:
            if value:
                params[name] = str(value)
        params.setlist("languages", list(data["languages"]))
        params.setlist("physical", list(data["physical"]))
        return params.urlencode()


def search_form_from_query_string(query_string: str) -> SearchForm:
    """A bound form for a stored query string (a saved search), validated again on use."""
    return SearchForm(QueryDict(query_string))
