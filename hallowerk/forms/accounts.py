from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _


class InvitedPersonForm(forms.Form):
    """The name of someone being invited; each invitation form adds its e-mail field (its
    help text says where the invitation goes) and what else it needs."""
    first_name = forms.CharField(label=_("Voornaam"), max_length=100,
                                 error_messages={"required": _("Vul de voornaam in.")})
    last_name = forms.CharField(label=_("Achternaam"), max_length=100,
                                error_messages={"required": _("Vul de achternaam in.")})


class InvitationAcceptForm(forms.Form):
    password1 = forms.CharField(
        label=_("Kies een wachtwoord"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 10 tekens. Gebruik geen wachtwoord dat u ergens anders gebruikt."))
    password2 = forms.CharField(
        label=_("Typ het wachtwoord nog een keer"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    accept_terms = forms.BooleanField(
        label=_("Ik heb de gebruiksvoorwaarden gelezen en ga ermee akkoord"),
        error_messages={"required": _("U kunt alleen verder als u akkoord gaat met de "
                                      "gebruiksvoorwaarden.")})

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet hetzelfde."))
        elif p1:
            try:
                password_validation.validate_password(p1, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"), max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("De code van 6 cijfers uit uw app, of een van uw reservecodes."))
