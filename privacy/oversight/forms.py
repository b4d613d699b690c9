from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.forms import DATE_INPUT
from privacy.models import AuditAction

from .log import LogFilter
from .models import OversightSettings
from .services import NOTE_MAX_LENGTH

_DATE_ERROR = {"invalid": _("Vul een datum in, zoals 1-1-2026.")}


class AuditLogFilterForm(forms.Form):
    actor = forms.EmailField(label=_("Wie (e-mailadres)"), required=False, max_length=254,
                             error_messages={"invalid": _("Vul een e-mailadres in, zoals "
                                                          "naam@gemeente.nl.")})
    role = forms.ChoiceField(label=_("Rol"), required=False,
                             choices=[("", _("Alle rollen")), *Role.choices])
    client_number = forms.CharField(label=_("Kandidaat (klantnummer)"), required=False,
                                    max_length=30)
    action = forms.ChoiceField(label=_("Handeling"), required=False,
                               choices=[("", _("Alle handelingen")), *AuditAction.choices])
    start = forms.DateField(label=_("Vanaf"), required=False, widget=DATE_INPUT,
                            error_messages=_DATE_ERROR)
    end = forms.DateField(label=_("Tot en met"), required=False, widget=DATE_INPUT,
                          error_messages=_DATE_ERROR)

    def __init__(self, *args, viewer: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.viewer = viewer

    def clean_actor(self):
        email = self.cleaned_data["actor"]
        if not email:
            return None
        # Only people of the administrator's own municipality can be looked up by address:
        # the form must not tell whether an account exists elsewhere.
        user = User.objects.filter(email__iexact=email,
                                   municipality_id=self.viewer.municipality_id).first()
        if user is None:
            raise forms.ValidationError(_("Er is geen account met dit e-mailadres in uw "
                                          "gemeente."))
        return user

    def clean_client_number(self):
        number = self.cleaned_data["client_number"].strip()
        if not number:
            return None
        candidate = Candidate.objects.filter(municipality_id=self.viewer.municipality_id,
                                             client_number=number).first()
        if candidate is None:
            raise forms.ValidationError(_("Er is geen kandidaat met dit klantnummer in uw "
                                          "gemeente."))
        return candidate

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("De einddatum ligt voor de begindatum."))
        return data

    @staticmethod
    def empty_filter() -> LogFilter:
        return LogFilter()

    def log_filter(self) -> LogFilter:
        data = self.cleaned_data
        return LogFilter(actor=data.get("actor"), role=data.get("role") or "",
                         candidate=data.get("client_number"), action=data.get("action") or "",
                         start=data.get("start"), end=data.get("end"))


class SignalHandleForm(forms.Form):
    note = forms.CharField(label=_("Wat hebt u gedaan of gezien?"), max_length=NOTE_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": _("Schrijf op wat u hebt gedaan of "
                                                         "gezien.")})


class OversightSettingsForm(forms.ModelForm):
    class Meta:
        model = OversightSettings
        fields = ["employer_views_per_day", "usual_factor", "staff_searches_per_day",
                  "exports_per_day", "office_hours_start", "office_hours_end",
                  "weekend_is_off_hours",
                  "professional_inactive_months", "deactivation_notice_days",
                  "jobseeker_inactive_months"]
