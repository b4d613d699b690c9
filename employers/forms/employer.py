"""Forms of the employer portal pages (the search form is employers/forms/search.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models.messaging import MESSAGE_MAX_LENGTH
from employers.models import Shortlist, Vacancy
from employers.models.shortlists import SAVED_SEARCH_NAME_MAX_LENGTH, SHORTLIST_NAME_MAX_LENGTH
from hallowerk.forms.choices import ModelChoiceField
from hallowerk.forms.unbound_html import UnboundHtmlCached

MESSAGE_ERRORS = {
    "required": _("Schrijf eerst een bericht."),
    "max_length": _("Uw bericht is te lang: maximaal %(limit_value)d tekens (nu "
                    "%(show_value)d)."),
}


class ServerValidatedForm(forms.Form):
    # The vendor CSS paints every empty `required` field red as :invalid before anyone typed;
    # the server validates and the label says "(verplicht)", so the attribute is left out.
    use_required_attribute = False


class MessageForm(UnboundHtmlCached, ServerValidatedForm):
    body = forms.CharField(
        label=_("Uw bericht"), widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MESSAGE_MAX_LENGTH, error_messages=MESSAGE_ERRORS,
        help_text=_("De kandidaat leest uw bericht in HalloWerk en krijgt een e-mail dat er "
                    "een bericht is."))


class ContactRequestForm(UnboundHtmlCached, ServerValidatedForm):
    message = forms.CharField(
        label=_("Uw bericht voor de kandidaat"), widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MESSAGE_MAX_LENGTH, error_messages=MESSAGE_ERRORS,
        help_text=_("De werkmatcher leest uw bericht eerst en stuurt het door als de kandidaat "
                    "dat wil. Vertel wie u bent en welk werk u hebt."))
    vacancy = ModelChoiceField(
        label=_("Over welke vacature gaat het?"), required=False,
        queryset=Vacancy.objects.none(), empty_label=_("Geen bepaalde vacature"),
        error_messages={"invalid_choice": _("Kies een van uw eigen vacatures.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset_from(lambda: Vacancy.objects.visible_to(user).published())


class ShortlistForm(ServerValidatedForm):
    name = forms.CharField(label=_("Naam van de lijst"), max_length=SHORTLIST_NAME_MAX_LENGTH,
                           help_text=_("Bijvoorbeeld: Kok voor ons restaurant."),
                           error_messages={"required": _("Geef de lijst een naam."),
                                           "max_length": _("De naam is te lang: maximaal "
                                                           "%(limit_value)d tekens.")})
    vacancy = ModelChoiceField(
        label=_("Hoort bij vacature"), required=False, queryset=Vacancy.objects.none(),
        empty_label=_("Geen vacature"),
        error_messages={"invalid_choice": _("Kies een van uw eigen vacatures.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = Vacancy.objects.visible_to(user).exclude(
            status=Vacancy.Status.CLOSED)


class ShortlistAddForm(UnboundHtmlCached, ServerValidatedForm):
    shortlist = ModelChoiceField(
        label=_("Op welke lijst?"), required=False, queryset=Shortlist.objects.none(),
        empty_label=_("Een nieuwe lijst"),
        error_messages={"invalid_choice": _("Kies een van uw eigen lijsten.")})
    new_name = forms.CharField(
        label=_("Naam van de nieuwe lijst"), required=False,
        max_length=SHORTLIST_NAME_MAX_LENGTH,
        help_text=_("Alleen invullen als u een nieuwe lijst maakt."),
        error_messages={"max_length": _("De naam is te lang: maximaal %(limit_value)d "
                                        "tekens.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shortlist"].queryset_from(lambda: Shortlist.objects.visible_to(user))

    def clean(self):
        data = super().clean()
        if not data.get("shortlist") and not (data.get("new_name") or "").strip() \
                and "shortlist" not in self.errors:
            self.add_error("new_name", _("Kies een lijst of geef de nieuwe lijst een naam."))
        return data


class SavedSearchForm(ServerValidatedForm):
    name = forms.CharField(
        label=_("Naam van de zoekopdracht"), max_length=SAVED_SEARCH_NAME_MAX_LENGTH,
        help_text=_("Bijvoorbeeld: Magazijn in de buurt."),
        error_messages={"required": _("Geef de zoekopdracht een naam."),
                        "max_length": _("De naam is te lang: maximaal %(limit_value)d tekens.")})
    alerts_enabled = forms.BooleanField(
        label=_("Stuur mij een e-mail als er nieuwe profielen bij komen (hoogstens één keer "
                "per dag)"), required=False, initial=True)
    query = forms.CharField(widget=forms.HiddenInput, required=False)


class AlertToggleForm(forms.Form):
    enabled = forms.BooleanField(required=False)

