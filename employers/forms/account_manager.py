"""Forms of the account manager's module. They parse and explain; employers/services.py
decides and saves."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from candidates.choices import Language
from candidates.physical import PHYSICAL_CHOICES
from hallowerk.forms.accounts import InvitedPersonForm
from hallowerk.forms.choices import ModelChoiceField
from hallowerk.forms.dates import DATE_INPUT_FORMATS, dutch_date_widget
from hallowerk.forms.occupations import OccupationField
from hallowerk.models import Sector
from hallowerk.reference.places import place_resolve
from hallowerk.validators import validate_postcode

from ..kvk import KvkInvalidNumber, kvk_number_validate
from ..models import Employer, Vacancy
from ..services import EMPLOYER_EDITABLE_FIELDS


def _kvk_field():
    return forms.CharField(
        label=_("KvK-nummer"), max_length=20,
        help_text=_("8 cijfers. Wij zoeken de bedrijfsgegevens op in het KvK-register."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Vul het KvK-nummer in.")})


class KvkNumberMixin:
    """A KvK number as people type it ('9000 0001'), checked against our own employers."""

    municipality_id: int

    def clean_kvk_number(self):
        try:
            number = kvk_number_validate(self.cleaned_data["kvk_number"])
        except KvkInvalidNumber as error:
            raise forms.ValidationError(error.user_message) from None
        existing = Employer.objects.filter(municipality_id=self.municipality_id,
                                           kvk_number=number).first()
        if existing is not None:
            self.existing_employer = existing
            raise forms.ValidationError(_("Deze werkgever (KvK-nummer) doet al mee via uw "
                                          "gemeente: %(name)s.") % {"name": existing.name})
        return number


class KvkLookupForm(KvkNumberMixin, forms.Form):
    kvk_number = _kvk_field()

    def __init__(self, *args, municipality_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality_id = municipality_id
        self.existing_employer = None


class EmployerForm(forms.ModelForm):
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=8,
                               validators=[validate_postcode],
                               help_text=_("4 cijfers en 2 letters, bijvoorbeeld 3511 AB."))

    class Meta:
        model = Employer
        fields = list(EMPLOYER_EDITABLE_FIELDS)
        error_messages = {
            "name": {"required": _("Vul de bedrijfsnaam in.")},
            "contact_email": {"invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld "
                                           "naam@bedrijf.nl.")},
        }

    def _post_clean(self):
        # The service validates the complete employer (with its municipality).
        pass

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class EmployerInviteForm(KvkNumberMixin, EmployerForm):
    kvk_number = _kvk_field()
    invite_contact = forms.BooleanField(
        label=_("Stuur de contactpersoon een uitnodiging voor HalloWerk"), required=False,
        initial=True,
        help_text=_("De contactpersoon krijgt een e-mail om een eigen wachtwoord te kiezen. "
                    "Later kunt u meer mensen van dit bedrijf uitnodigen."))

    class Meta(EmployerForm.Meta):
        fields = ["kvk_number", *EMPLOYER_EDITABLE_FIELDS]

    def __init__(self, *args, municipality_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality_id = municipality_id
        self.existing_employer = None

    def clean(self):
        data = super().clean()
        if data.get("invite_contact") and not data.get("contact_email") \
                and "contact_email" not in self.errors:
            self.add_error("contact_email", _("Vul het e-mailadres van de contactpersoon in; "
                                              "daar komt de uitnodiging."))
        return data


class EmployerUserInviteForm(InvitedPersonForm):
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254,
        error_messages={"required": _("Vul het e-mailadres in. Daar komt de uitnodiging."),
                        "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld "
                                     "naam@bedrijf.nl.")})


class LabelChoiceField(ModelChoiceField):
    """Occupations and sectors by their label in the current language."""

    def label_from_instance(self, obj):
        return obj.label


class VacancyForm(forms.ModelForm):
    occupation = OccupationField(
        label=_("Beroep"),
        help_text=_("Typ een deel van het beroep en kies uit de lijst, bijvoorbeeld kok of "
                    "schoonmaker. Dit helpt bij het zoeken van kandidaten."),
        error_messages={"required": _("Kies een beroep.")})
    sector = LabelChoiceField(label=_("Sector"), queryset=Sector.objects.order_by("label_nl"),
                                   required=False)
    place_name = forms.CharField(
        label=_("Werkplaats"), required=False, max_length=120,
        help_text=_("De plaats waar het werk is, bijvoorbeeld Utrecht."))
    required_languages = forms.MultipleChoiceField(
        label=_("Talen nodig"), required=False, choices=Language.choices,
        widget=forms.CheckboxSelectMultiple)
    physical_demands = forms.MultipleChoiceField(
        label=_("Lichamelijke eisen"), required=False, choices=PHYSICAL_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Wat het werk vraagt. Kandidaten geven alleen ja of nee op; nooit een "
                    "reden."))
    skills = forms.CharField(
        label=_("Vaardigheden"), required=False, max_length=1000,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: klantvriendelijk, heftruck."))
    start_date = forms.DateField(
        label=_("Startdatum"), required=False, input_formats=DATE_INPUT_FORMATS,
        widget=dutch_date_widget(),
        error_messages={"invalid": _("Vul een datum in als dag-maand-jaar, bijvoorbeeld "
                                     "1-9-2026.")})

    class Meta:
        model = Vacancy
        fields = ["title", "occupation", "description", "sector", "place_name",
                  "hours_per_week_min", "hours_per_week_max", "start_date",
                  "required_driving_licence", "required_languages", "physical_demands",
                  "skills"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {"required": _("Vul de functietitel in.")},
            "description": {"required": _("Beschrijf het werk.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["place_name"] = self.instance.place.name if self.instance.place else ""
            self.initial["skills"] = ", ".join(self.instance.skills)
        self.fields["required_driving_licence"].choices = [
            ("", _("Geen rijbewijs nodig")),
            *[c for c in self.fields["required_driving_licence"].choices if c[0]]]
        hours = _("Vul een aantal uren van 1 tot en met 60 in.")
        for name in ("hours_per_week_min", "hours_per_week_max"):
            field = self.fields[name]
            field.validators = [MinValueValidator(1, hours), MaxValueValidator(60, hours)]
            field.error_messages["invalid"] = _("Vul een heel getal in.")

    def clean_place_name(self):
        name = self.cleaned_data["place_name"].strip()
        self.place = None
        if not name:
            return ""
        place = place_resolve(name)
        if place is None:
            raise forms.ValidationError(_("We kennen de plaats '%(name)s' niet. Controleer de "
                                          "spelling.") % {"name": name})
        self.place = place
        return name

    def clean_skills(self):
        skills = [s.strip() for s in self.cleaned_data["skills"].split(",") if s.strip()]
        too_long = [s for s in skills if len(s) > 80]
        if too_long:
            raise forms.ValidationError(_("Een vaardigheid mag maximaal 80 tekens zijn: "
                                          "%(skill)s") % {"skill": too_long[0][:40] + "…"})
        return skills

    def clean(self):
        data = super().clean()
        low, high = data.get("hours_per_week_min"), data.get("hours_per_week_max")
        if low and high and low > high:
            self.add_error("hours_per_week_min", _("Het minimum aantal uren is hoger dan het "
                                                   "maximum."))
        return data

    def _post_clean(self):
        pass

    def fields_for_service(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in (
            "title", "occupation", "description", "sector", "hours_per_week_min",
            "hours_per_week_max", "start_date", "required_driving_licence",
            "required_languages", "physical_demands", "skills")}
        fields["place"] = self.place
        return fields


class CandidateSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), required=False, max_length=100)
    origin = forms.ChoiceField(label=_("Gemeente"), required=False, choices=[
        ("", _("Alle")), ("own", _("Mijn gemeente")),
        ("other", _("Andere gemeenten (alleen gedeelde profielen)"))])


class EmployerSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam of KvK-nummer"), required=False, max_length=100)
    active = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("Alle")), ("yes", _("Doet mee")), ("no", _("Gestopt"))])


class VacancyFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Alle")), *Vacancy.Status.choices])
