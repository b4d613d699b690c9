"""The team lead's overview (aggregates only) and the administrator's start page."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from hallowerk.administration import administered_municipalities, administered_staff
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from hallowerk.stats import DEFAULT_PERIOD, SMALL_CELL, municipality_overview


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Periode"), required=False, initial=DEFAULT_PERIOD,
                               choices=[("30", _("Laatste 30 dagen")),
                                        ("365", _("Laatste 12 maanden")),
                                        ("all", _("Sinds de start"))])


@role_required(Role.TEAM_LEAD)
def team_lead_home(request):
    form = PeriodForm(request.GET or None)
    period = (form.cleaned_data["period"] if form.is_valid() else "") or DEFAULT_PERIOD
    return render(request, "hallowerk/team_lead_home.html", {
        "form": form, "period": period, "small_cell": SMALL_CELL,
        "groups": municipality_overview(municipality=request.user.municipality, period=period),
    })


@role_required(Role.ADMINISTRATOR)
def administrator_home(request):
    staff = administered_staff(request.user)
    return render(request, "hallowerk/administrator_home.html", {
        "municipalities": administered_municipalities(request.user),
        "staff_active": staff.filter(is_active=True).count(),
        "staff_inactive": staff.filter(is_active=False).count(),
    })
