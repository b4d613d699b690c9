"""One short form per profile step. Each form knows which Profile fields it edits
(`profile_fields`) and which of them hold free text to check for sensitive data
(`scanned_fields`)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from candidates.choices import DrivingLicence, Transport
from candidates.models import Profile
from candidates.models.profile import MAX_HOURS_PER_WEEK
from candidates.physical import PHYSICAL_ITEMS, physical_field_name, physical_label
from hallowerk.forms.choices import ModelMultipleChoiceField
from hallowerk.models import Sector

from .fields import DutchDateField, LinesField, PlaceField, UrlLinesField

LONG_TEXT_MAX = 3000


def long_text(label, help_text="", rows=5, **kwargs):
    return forms.CharField(
        label=label, help_text=help_text, required=False, max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": _("Deze tekst is te lang: maximaal %(limit_value)d "
                                        "tekens (nu %(show_value)d).")}, **kwargs)


def hours_field(label):
    return forms.IntegerField(
        label=label, required=False, min_value=1, max_value=MAX_HOURS_PER_WEEK,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Vul een heel getal in, bijvoorbeeld 24."),
            "min_value": _("Vul minimaal 1 uur in."),
            "max_value": _("Vul maximaal %(limit_value)s uur in."),
        })


class ProfileStepForm(forms.Form):
    profile_fields: tuple[str, ...] = ()
    scanned_fields: tuple[str, ...] = ()

    @classmethod
    def initial_for(cls, profile: Profile) -> dict:
        initial = {}
        for name in cls.profile_fields:
            value = getattr(profile, name)
            if Profile._meta.get_field(name).many_to_many:
                value = list(value.all())
            initial[name] = value
        return initial

    def changes(self) -> dict:
        """What the service saves: the cleaned value of every profile field of this step."""
        return {name: self.cleaned_data[name] for name in self.profile_fields}


class ResidenceTravelForm(ProfileStepForm):
    profile_fields = ("place_of_residence", "transport", "driving_licences", "max_travel_km")

    place_of_residence = PlaceField(
        label=_("Woonplaats"), help_text=_("De plaats waar u woont, bijvoorbeeld Utrecht."))
    transport = forms.MultipleChoiceField(
        label=_("Hoe kunt u naar uw werk reizen?"), choices=Transport.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Kies alles wat past."))
    driving_licences = forms.MultipleChoiceField(
        label=_("Welke rijbewijzen hebt u?"), choices=DrivingLicence.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Geen rijbewijs? Dan kiest u niets."))
    max_travel_km = forms.IntegerField(
        label=_("Hoe ver wilt u hoogstens reizen, in kilometers?"), required=False,
        min_value=0, max_value=300, widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Enkele reis, bijvoorbeeld 15."),
        error_messages={"invalid": _("Vul een heel getal in, bijvoorbeeld 15."),
                        "min_value": _("Vul 0 of meer kilometer in."),
                        "max_value": _("Vul maximaal %(limit_value)s kilometer in.")})


class AboutForm(ProfileStepForm):
    profile_fields = ("personal_description", "competences", "professional_skills")
    scanned_fields = profile_fields

    personal_description = long_text(
        _("Over mij"), _("Vertel in een paar zinnen wie u bent en wat u graag doet."))
    competences = LinesField(
        label=_("Mijn talenten"),
        help_text=_("Waar bent u goed in? Zet elk talent op een nieuwe regel, bijvoorbeeld "
                    "geduldig, op tijd, goed met mensen."))
    professional_skills = LinesField(
        label=_("Vakkennis en vaardigheden"),
        help_text=_("Wat kunt u al? Zet elke vaardigheid op een nieuwe regel, bijvoorbeeld "
                    "heftruck rijden, kassa, Word."))


class WorkThatSuitsForm(ProfileStepForm):
    profile_fields = ("kind_of_work", "what_suits_me", "sectors")
    scanned_fields = ("kind_of_work", "what_suits_me")

    kind_of_work = long_text(
        _("Wat voor werk zoekt u?"),
        _("Bijvoorbeeld: werk met mijn handen, buiten, in een team, met klanten."), rows=4)
    what_suits_me = long_text(
        _("Wat past bij mij"),
        _("Wat hebt u nodig om goed te werken? Bijvoorbeeld vaste tijden, rust of afwisseling."),
        rows=4)
    sectors = ModelMultipleChoiceField(
        label=_("In welke sectoren wilt u werken?"), queryset=Sector.objects.all(),
        required=False, widget=forms.CheckboxSelectMultiple, help_text=_("Kies alles wat past."))


class AvailabilityForm(ProfileStepForm):
    profile_fields = ("available_from", "hours_per_week_min", "hours_per_week_max",
                      "availability_notes")
    scanned_fields = ("availability_notes",)

    available_from = DutchDateField(label=_("Vanaf wanneer kunt u beginnen?"), required=False)
    hours_per_week_min = hours_field(_("Minimaal aantal uren per week"))
    hours_per_week_max = hours_field(_("Maximaal aantal uren per week"))
    availability_notes = long_text(
        _("Toelichting"), _("Bijvoorbeeld: alleen overdag, niet in het weekend."), rows=3)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("hours_per_week_min"), cleaned.get("hours_per_week_max")
        if low is not None and high is not None and low > high:
            self.add_error("hours_per_week_max", ValidationError(
                _("Het maximum is lager dan het minimum. Vul bij maximaal %(low)s uur of meer "
                  "in.") % {"low": low}, code="hours_order"))
        return cleaned


PHYSICAL_CAN, PHYSICAL_CANNOT, PHYSICAL_UNSAID = "yes", "no", ""
PHYSICAL_CHOICES = [(PHYSICAL_CAN, _("Dat kan ik")), (PHYSICAL_CANNOT, _("Dat kan ik niet")),
                    (PHYSICAL_UNSAID, _("Zeg ik liever niet"))]


class PhysicalForm(ProfileStepForm):
    """Can / cannot per item; 'rather not say' leaves it unanswered. Never a reason."""

    profile_fields = tuple(physical_field_name(code) for code, _nl, _en in PHYSICAL_ITEMS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _nl, _en in PHYSICAL_ITEMS:
            self.fields[physical_field_name(code)] = forms.ChoiceField(
                label=physical_label(code), choices=PHYSICAL_CHOICES, required=False,
                widget=forms.RadioSelect)

    @classmethod
    def initial_for(cls, profile: Profile) -> dict:
        as_choice = {True: PHYSICAL_CAN, False: PHYSICAL_CANNOT, None: PHYSICAL_UNSAID}
        return {name: as_choice[getattr(profile, name)] for name in cls.profile_fields}

    def changes(self) -> dict:
        as_value = {PHYSICAL_CAN: True, PHYSICAL_CANNOT: False, PHYSICAL_UNSAID: None}
        return {name: as_value[self.cleaned_data[name] or ""] for name in self.profile_fields}


class MoreAboutMeForm(ProfileStepForm):
    profile_fields = ("video_url", "social_links", "moodboard", "assessments", "free_text")
    scanned_fields = ("moodboard", "assessments", "free_text")

    video_url = forms.URLField(
        label=_("Link naar een video over uzelf"), required=False, assume_scheme="https",
        max_length=200, help_text=_("Bijvoorbeeld een filmpje op YouTube. Het hoeft niet."),
        error_messages={"invalid": _("Dit is geen werkende link. Kopieer de link uit de "
                                     "adresbalk, bijvoorbeeld https://youtu.be/abc123.")})
    social_links = UrlLinesField(
        label=_("Links naar sociale media"),
        help_text=_("Bijvoorbeeld uw LinkedIn-profiel. Zet elke link op een nieuwe regel."))
    moodboard = long_text(
        _("Moodboard: wat geeft u energie?"),
        _("Beschrijf wat u inspireert of waar u blij van wordt in werk."), rows=4)
    assessments = long_text(
        _("Uitslagen van testen"),
        _("Hebt u een test gedaan, bijvoorbeeld een beroepskeuzetest? Schrijf hier de "
          "uitkomst."), rows=4)
    free_text = long_text(_("Wat wilt u verder nog vertellen?"), rows=5)
