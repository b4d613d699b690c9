from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from hallowerk.forms.dates import DATE_INPUT_FORMATS, dutch_date_widget
from privacy.retention.holds import REASON_MAX_LENGTH
from privacy.retention.rules import MAX_MONTHS, MIN_MONTHS

DATE_INPUT = dutch_date_widget()
MAX_REPORT_DAYS = 366 * 10


class RetentionRuleForm(forms.Form):
    months = forms.IntegerField(
        label=_("Bewaartermijn in maanden"), min_value=MIN_MONTHS, max_value=MAX_MONTHS,
        help_text=_("12 maanden is 1 jaar, 120 maanden is 10 jaar."),
        error_messages={"required": _("Vul een aantal maanden in."),
                        "invalid": _("Vul een heel getal in, bijvoorbeeld 12."),
                        "min_value": _("Kies minstens %(limit_value)s maand."),
                        "max_value": _("Kies hoogstens %(limit_value)s maanden.")})
    reason = forms.CharField(
        label=_("Waarom verandert de termijn?"), widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500, help_text=_("Bijvoorbeeld: nieuwe VNG-selectielijst. Dit komt in het "
                                    "logboek."),
        error_messages={"required": _("Schrijf op waarom de termijn verandert."),
                        "max_length": _("Gebruik hoogstens %(limit_value)d tekens.")})


class LegalHoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van de bewaarplicht"), widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REASON_MAX_LENGTH,
        help_text=_("Bijvoorbeeld: bezwaarprocedure loopt, of een verzoek van de rechter. "
                    "Schrijf geen gegevens over de gezondheid van de persoon op."),
        error_messages={"required": _("Schrijf op waarom dit dossier langer bewaard moet "
                                      "blijven."),
                        "max_length": _("Gebruik hoogstens %(limit_value)d tekens.")})


class ReportPeriodForm(forms.Form):
    start = forms.DateField(label=_("Vernietigd vanaf"), widget=DATE_INPUT, required=False,
                            input_formats=DATE_INPUT_FORMATS,
                            error_messages={"invalid": _("Vul een datum in, zoals 1-1-2026.")})
    end = forms.DateField(label=_("tot en met"), widget=DATE_INPUT, required=False,
                          input_formats=DATE_INPUT_FORMATS,
                          error_messages={"invalid": _("Vul een datum in, zoals 31-12-2026.")})

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        data = super().clean()
        start = data.get("start") or date(self.today.year, 1, 1)
        end = data.get("end") or self.today
        if not self.errors:
            if start > end:
                self.add_error("end", _("De einddatum ligt voor de begindatum."))
            elif (end - start) > timedelta(days=MAX_REPORT_DAYS):
                self.add_error("start", _("Kies een periode van hoogstens 10 jaar."))
        data["start"], data["end"] = start, end
        return data


class TipsPreferenceForm(forms.Form):
    tips = forms.BooleanField(
        label=_("Stuur me tips per e-mail"), required=False,
        help_text=_("Hoogstens één e-mail per week, met tips om uw profiel beter te maken. "
                    "Nooit een besluit."))


class StaffErasureForm(forms.Form):
    requested = forms.BooleanField(
        label=_("De kandidaat heeft mij gevraagd alles te wissen wat hij of zij zelf heeft "
                "ingevuld."),
        error_messages={"required": _("Wis alleen als de kandidaat erom heeft gevraagd. Zet "
                                      "dan een vinkje.")})
    understood = forms.BooleanField(
        label=_("Ik begrijp dat dit niet ongedaan kan worden."),
        error_messages={"required": _("Zet een vinkje als u zeker weet dat u alles wilt "
                                      "wissen.")})
