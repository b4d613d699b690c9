from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models.messaging import MESSAGE_MAX_LENGTH


class ErasureConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat alles wat ik zelf heb ingevuld wordt gewist, en dat dit niet "
                "ongedaan kan worden."),
        error_messages={"required": _("Zet een vinkje als u zeker weet dat u alles wilt "
                                      "wissen.")})


class LeaveRequestForm(forms.Form):
    note = forms.CharField(
        label=_("Wilt u uw werkmatcher nog iets laten weten?"), required=False,
        max_length=MESSAGE_MAX_LENGTH - 500, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Niet verplicht."),
        error_messages={"max_length": _("Uw bericht is te lang: maximaal %(limit_value)d "
                                        "tekens (nu %(show_value)d).")})
