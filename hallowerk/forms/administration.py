"""Forms of the administrator's pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hallowerk.administration import MUNICIPALITY_EDITABLE_FIELDS, THEMES
from hallowerk.forms.accounts import InvitedPersonForm
from hallowerk.forms.choices import ModelChoiceField
from hallowerk.models import Municipality
from hallowerk.roles import STAFF_ROLES, Role

STAFF_ROLE_CHOICES = [(value, label) for value, label in Role.choices if value in STAFF_ROLES]


class StaffInviteForm(InvitedPersonForm):
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254,
        help_text=_("Een persoonlijk werkadres; elk account is van één persoon."),
        error_messages={"required": _("Vul het e-mailadres in. Daar komt de uitnodiging."),
                        "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld "
                                     "naam@gemeente.nl.")})
    role = forms.ChoiceField(label=_("Rol"), choices=STAFF_ROLE_CHOICES, widget=forms.RadioSelect,
                             error_messages={"required": _("Kies een rol."),
                                             "invalid_choice": _("Kies een rol uit de lijst.")})
    municipality = ModelChoiceField(
        label=_("Gemeente"), queryset=Municipality.objects.none(),
        error_messages={"required": _("Kies een gemeente."),
                        "invalid_choice": _("Kies een gemeente uit de lijst.")})

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        if municipalities.count() == 1:
            # A municipal administrator invites for their own municipality only.
            self.fields["municipality"].initial = municipalities.first()
            self.fields["municipality"].widget = forms.HiddenInput()


class StaffFilterForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), required=False,
                             choices=[("", _("Alle")), *STAFF_ROLE_CHOICES])
    active = forms.ChoiceField(label=_("Account"), required=False, choices=[
        ("", _("Alle")), ("yes", _("Actief")), ("no", _("Uitgeschakeld"))])


class MunicipalityForm(forms.ModelForm):
    theme = forms.ChoiceField(label=_("Kleurthema"), choices=THEMES, widget=forms.RadioSelect,
                              help_text=_("Elk thema heeft genoeg contrast voor iedereen."))

    class Meta:
        model = Municipality
        fields = list(MUNICIPALITY_EDITABLE_FIELDS)
        help_texts = {"wsp_contact_name": _("Werkgevers zien dit contact van het "
                                            "WerkgeversServicepunt.")}
        error_messages = {"name": {"required": _("Vul de naam van de gemeente in."),
                                   "unique": _("Er is al een gemeente met deze naam.")},
                          "wsp_contact_email": {"invalid": _("Vul een geldig e-mailadres in.")}}

    def _post_clean(self):
        # The service changes and validates the instance; the form only parses.
        pass

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class LegalTextForm(forms.Form):
    body_nl = forms.CharField(
        label=_("Tekst in het Nederlands"), widget=forms.Textarea(attrs={"rows": 16}),
        max_length=100_000, help_text=_("In gewone taal (B1). Een lege regel begint een nieuwe "
                                         "alinea."),
        error_messages={"required": _("Schrijf de Nederlandse tekst.")})
    body_en = forms.CharField(
        label=_("Tekst in het Engels"), widget=forms.Textarea(attrs={"rows": 16}),
        max_length=100_000, error_messages={"required": _("Schrijf de Engelse tekst.")})
