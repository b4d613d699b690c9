"""Forms of the coach module. They parse and explain; the services decide and save."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hallowerk.forms.choices import ModelChoiceField
from hallowerk.forms.dates import DATE_INPUT_FORMATS, dutch_date_widget
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.forms.unbound_html import UnboundHtmlCached
from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.validators import validate_postcode

from ..models import Candidate, EndReason
from ..services_coach import COACH_EDITABLE_FIELDS

YES_NO = [("yes", _("Ja")), ("no", _("Nee"))]


def _date_field(label, *, required=False, help_text=""):
    return forms.DateField(
        label=label, required=required, help_text=help_text, widget=dutch_date_widget(),
        input_formats=DATE_INPUT_FORMATS,
        error_messages={"invalid": _("Vul een datum in als dag-maand-jaar, bijvoorbeeld "
                                     "31-12-1990."),
                        "required": _("Vul een datum in.")})


def _coaches_of(municipality_id):
    return User.objects.filter(role=Role.COACH, municipality_id=municipality_id,
                               is_active=True).order_by("first_name", "last_name")


class CoachChoiceField(ModelChoiceField):
    """The municipality's coaches, the viewer's own option marked "(ikzelf)": one option per
    person, never both "Ikzelf" and the viewer's own name."""

    viewer_pk: int | None = None

    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.email
        return _("%(name)s (ikzelf)") % {"name": name} if obj.pk == self.viewer_pk else name


class DossierFieldsForm(forms.ModelForm):
    """The fields the coach enters (SPEC §3). Shared by the intake and the edit page."""

    date_of_birth = _date_field(_("Geboortedatum"))
    # The model stores "3511AB"; people type "3511 AB", so the form allows the space.
    postcode = forms.CharField(
        label=_("Postcode"), required=False, max_length=8, validators=[validate_postcode],
        help_text=_("4 cijfers en 2 letters, bijvoorbeeld 3511 AB."))
    responsible_coach = CoachChoiceField(
        label=_("Klantmanager (werkmatcher)"), queryset=User.objects.none(), required=False,
        empty_label=None, help_text=_("Wie de kandidaat begeleidt."))

    class Meta:
        model = Candidate
        fields = list(COACH_EDITABLE_FIELDS)
        widgets = {"gender": forms.RadioSelect, "service_type": forms.RadioSelect}
        error_messages = {
            "client_number": {"required": _("Vul het klantnummer in.")},
            "first_name": {"required": _("Vul de voornaam in.")},
            "last_name": {"required": _("Vul de achternaam in.")},
            "email": {"required": _("Vul het e-mailadres in. Daar komt de uitnodiging."),
                      "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld "
                                   "naam@voorbeeld.nl.")},
        }

    def __init__(self, *args, municipality_id, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality_id = municipality_id
        coach = self.fields["responsible_coach"]
        coach.queryset = _coaches_of(municipality_id)
        coach.viewer_pk = viewer.pk
        if not self.instance.pk:
            coach.initial = viewer.pk
        self.fields["gender"].choices = [c for c in self.fields["gender"].choices if c[0]]
        self.fields["service_type"].choices = [
            c for c in self.fields["service_type"].choices if c[0]]

    def clean_client_number(self):
        # The database refuses a duplicate too; checking here puts the message at the field.
        number = self.cleaned_data["client_number"].strip()
        duplicates = Candidate.objects.filter(municipality_id=self.municipality_id,
                                              client_number=number)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(_("Er is al een kandidaat met dit klantnummer in uw "
                                          "gemeente."))
        return number

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and born > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum kan niet in de toekomst liggen."))
        if born and born < date(1900, 1, 1):
            raise forms.ValidationError(_("Controleer het jaar van de geboortedatum."))
        return born

    def _post_clean(self):
        # The services validate the whole dossier (with the municipality, which this form
        # does not carry); validating a half-built instance here would give wrong messages.
        pass


class IntakeForm(DossierFieldsForm):
    class Meta(DossierFieldsForm.Meta):
        fields = [*COACH_EDITABLE_FIELDS, "directly_approachable"]


class DossierEditForm(DossierFieldsForm):
    """Edit after the intake. The e-mail address can change only until the invitation is
    accepted (it becomes the login name); the service enforces that, the form says it."""

    def __init__(self, *args, email_editable: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not email_editable:
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _(
                "De kandidaat gebruikt dit adres om in te loggen en kan het zelf veranderen.")
        if self.instance.responsible_coach_id is None:
            self.fields["responsible_coach"].empty_label = _("Nog niemand")

    def changes_fields(self) -> list[str]:
        return [name for name in self.fields
                if name in COACH_EDITABLE_FIELDS and not self.fields[name].disabled]

    def changes(self) -> dict:
        editable = self.changes_fields()
        return {name: self.cleaned_data[name] for name in self.changed_data if name in editable}


class ApproachableForm(forms.Form):
    directly_approachable = forms.ChoiceField(
        label=_("Mogen werkgevers deze kandidaat zelf benaderen?"), choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_("Nee: werkgevers sturen eerst een contactverzoek naar de werkmatcher."),
        error_messages={"required": _("Kies ja of nee."),
                        "invalid_choice": _("Kies ja of nee.")})


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De kandidaat ziet deze reden. Schrijf in gewone taal wat er niet klopt "
                    "of waarom het profiel de kandidaat kan schaden. Maximaal 1000 tekens."),
        error_messages={"required": _("Schrijf op waarom u het profiel verbergt. De kandidaat "
                                      "ziet deze reden."),
                        "max_length": _("De reden is te lang: maximaal %(limit_value)d tekens "
                                        "(nu %(show_value)d).")})


class EndDossierForm(forms.Form):
    ended_on = _date_field(_("Einddatum"), required=True)
    reason = forms.ChoiceField(
        label=_("Reden van beëindigen"), choices=EndReason.choices, widget=forms.RadioSelect,
        help_text=_("Dit bepaalt hoe lang het dossier bewaard blijft: afgebroken 1 jaar, "
                    "geweigerd 5 jaar, beëindigd 10 jaar."),
        error_messages={"required": _("Kies waarom het dossier stopt."),
                        "invalid_choice": _("Kies waarom het dossier stopt.")})
    esf_programme_end = _date_field(
        _("Einddatum ESF-programma"),
        help_text=_("Alleen invullen als het dossier nodig is voor de verantwoording van "
                    "ESF-subsidie. Het dossier blijft dan 10 jaar na deze datum bewaard."))
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat het profiel verdwijnt voor werkgevers en dat dit niet "
                "ongedaan kan worden"),
        error_messages={"required": _("Vink aan dat u het dossier wilt beëindigen.")})

    def clean_ended_on(self):
        ended_on = self.cleaned_data["ended_on"]
        if ended_on > timezone.localdate():
            raise forms.ValidationError(_("De einddatum kan niet in de toekomst liggen."))
        return ended_on

    def clean_esf_programme_end(self):
        value = self.cleaned_data.get("esf_programme_end")
        if value and value.year < 2000:
            raise forms.ValidationError(_("Controleer het jaar van de einddatum van het "
                                          "ESF-programma."))
        return value


FILTER_ANY = [("", _("Alle"))]


class CandidateFilterForm(UnboundHtmlCached, forms.Form):
    """The list's filters, read from the query string (a GET form, so a filtered list can be
    bookmarked and works without JavaScript). Without a filter in the query string (the
    first visit, page 2) it is unbound, and its HTML comes from memory (unbound_html.py)."""

    @classmethod
    def from_query(cls, query) -> "CandidateFilterForm":
        return cls(query if any(name in query for name in cls.base_fields) else None)

    q = forms.CharField(label=_("Zoek op naam of klantnummer"), required=False, max_length=100)
    mine = forms.BooleanField(label=_("Alleen mijn kandidaten"), required=False)
    leaving = forms.BooleanField(label=_("Alleen wie wil stoppen met HalloWerk"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        *FILTER_ANY, ("active", _("Actief")), ("inactive", _("Inactief")),
        ("ended", _("Dossier beëindigd"))])
    shared = forms.ChoiceField(label=_("Gedeeld met werkgevers"), required=False,
                               choices=[*FILTER_ANY, *YES_NO])
    hidden = forms.ChoiceField(label=_("Verborgen door de gemeente"), required=False,
                               choices=[*FILTER_ANY, *YES_NO])
    approachable = forms.ChoiceField(label=_("Direct benaderbaar"), required=False,
                                     choices=[*FILTER_ANY, *YES_NO])
    completeness = forms.ChoiceField(label=_("Profiel ingevuld"), required=False, choices=[
        *FILTER_ANY, ("empty", _("Nog niets")), ("started", _("Begonnen")),
        ("complete", _("Bijna of helemaal"))])
    activity = forms.ChoiceField(label=_("Laatst actief"), required=False, choices=[
        *FILTER_ANY, ("recent", _("In de laatste 30 dagen")),
        ("30", _("Meer dan 30 dagen geleden")), ("90", _("Meer dan 90 dagen geleden")),
        ("180", _("Meer dan 180 dagen geleden"))])
    invitation = forms.ChoiceField(label=_("Uitnodiging"), required=False, choices=[
        *FILTER_ANY, ("pending", _("Nog niet geaccepteerd")), ("expired", _("Verlopen")),
        ("withdrawn", _("Ingetrokken")), ("accepted", _("Geaccepteerd"))])
    sort = forms.ChoiceField(label=_("Sorteren op"), required=False, choices=[
        ("name", _("Naam (A-Z)")), ("-name", _("Naam (Z-A)")),
        ("-last_activity", _("Laatst actief (nieuwste eerst)")),
        ("last_activity", _("Laatst actief (oudste eerst)")),
        ("-created", _("Nieuwste dossiers eerst"))])

    def filters(self) -> dict:
        """The valid filters; a tampered value is dropped (and shown as an error)."""
        if self.is_valid():
            return self.cleaned_data
        return {name: value for name, value in self.cleaned_data.items()
                if name not in self.errors}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("Eén regel per persoon, met een kopregel. Gescheiden door puntkomma's of "
                    "komma's, opgeslagen als UTF-8."),
        error_messages={"required": _("Kies een CSV-bestand."),
                        "empty": _("Het bestand is leeg.")})


def hide_form_submit(request, candidate) -> tuple["HideForm", bool]:
    """The hide-from-employers form as coaches and account managers both use it: returns the
    form (with any Dutch error on the reason) and whether the profile is now hidden."""
    from candidates.services import candidate_hide

    form = HideForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return form, False
    try:
        candidate_hide(by=request.user, candidate=candidate,
                       reason=form.cleaned_data["reason"], request=request)
    except ValidationError as error:
        add_service_errors(form, error, default="reason")
        return form, False
    return form, True
