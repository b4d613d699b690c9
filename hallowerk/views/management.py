"""The team lead's overview (aggregates only) and the administrator's start page."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from hallowerk.administration import administered_municipalities, administered_staff
from hallowerk.charts import SERIES_NOTE, monthly_charts
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from hallowerk.stats import (
    DEFAULT_PERIOD,
    REFRESH_MINUTES,
    SMALL_CELL,
    figures_refresh_request,
    municipality_overview,
)


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
        "refresh_minutes": REFRESH_MINUTES,
        "overview": municipality_overview(municipality=request.user.municipality, period=period),
        "charts": monthly_charts(municipality=request.user.municipality),
        "charts_note": SERIES_NOTE,
    })


@role_required(Role.TEAM_LEAD)
@require_POST
def team_lead_refresh(request):
    if figures_refresh_request(municipality=request.user.municipality):
        messages.success(request, _("De cijfers worden opnieuw geteld. Open deze pagina over een "
                                    "minuut opnieuw."))
    else:
        messages.info(request, _("De cijfers zijn minder dan een minuut geleden geteld."))
    period = request.POST.get("period", "")
    form = PeriodForm({"period": period})
    query = f"?period={form.cleaned_data['period']}" if period and form.is_valid() else ""
    return redirect(reverse("team_lead_home") + query)


@role_required(Role.ADMINISTRATOR)
def administrator_home(request):
    staff = administered_staff(request.user)
    return render(request, "hallowerk/administrator_home.html", {
        "municipalities": administered_municipalities(request.user),
        "staff_active": staff.filter(is_active=True).count(),
        "staff_inactive": staff.filter(is_active=False).count(),
    })
