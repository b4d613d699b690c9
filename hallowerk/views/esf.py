"""The ESF report (hallowerk/stats_esf.py): the team lead's and the administrator's view of
ESF-funded dossiers, on screen and as CSV. Aggregates only; every use is in the audit log."""

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hallowerk.administration import administered_municipalities
from hallowerk.forms.choices import ModelChoiceField
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from hallowerk.stats import SMALL_CELL
from hallowerk.stats_esf import esf_csv, esf_report, report_years
from privacy.audit import audit_export, audit_record
from privacy.models import AuditAction
from privacy.views.jobseeker import download

esf_roles = role_required(Role.TEAM_LEAD, Role.ADMINISTRATOR)


class EsfReportForm(forms.Form):
    """The year, and the municipality for a platform administrator only: everyone else sees
    their own municipality, whatever the address asks for."""

    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int, required=False)
    gemeente = ModelChoiceField(label=_("Gemeente"), queryset=None, required=False,
                                      empty_label=None)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        years = report_years()
        self.fields["jaar"].choices = [(year, str(year)) for year in years]
        self.fields["jaar"].initial = years[0]
        municipalities = administered_municipalities(viewer).order_by("name")
        if viewer.role == Role.ADMINISTRATOR and viewer.municipality_id is None:
            self.fields["gemeente"].queryset = municipalities
            self.fields["gemeente"].initial = municipalities.first()
        else:
            del self.fields["gemeente"]
        self.viewer = viewer

    def chosen(self):
        """(municipality, year), or None when the input is not valid."""
        if self.is_bound and not self.is_valid():
            return None
        data = self.cleaned_data if self.is_bound else {}
        year = data.get("jaar") or self.fields["jaar"].initial
        if "gemeente" in self.fields:
            municipality = data.get("gemeente") or self.fields["gemeente"].initial
        else:
            municipality = self.viewer.municipality
        return (municipality, year) if municipality is not None else None


def _chosen(request):
    form = EsfReportForm(request.GET or None, viewer=request.user)
    return form, form.chosen()


@esf_roles
def esf_report_page(request):
    form, chosen = _chosen(request)
    report = esf_report(municipality=chosen[0], year=chosen[1]) if chosen else None
    audit_record(action=AuditAction.ESF_REPORT_VIEWED, request=request, data={
        "municipality": chosen[0].pk, "year": chosen[1]} if chosen else {"invalid": True})
    return render(request, "hallowerk/esf_report.html", {
        "form": form, "report": report, "small_cell": SMALL_CELL,
        "query": request.GET.urlencode()}, status=200 if chosen else 400)


@esf_roles
def esf_report_download(request):
    form, chosen = _chosen(request)
    if chosen is None:
        return render(request, "hallowerk/esf_report.html", {"form": form, "report": None},
                      status=400)
    municipality, year = chosen
    audit_export(actor=request.user, kind="esf_report_csv", request=request,
                 data={"municipality": municipality.pk, "year": year})
    content = esf_csv(esf_report(municipality=municipality, year=year))
    return download(content.encode(), f"esf-{municipality.slug}-{year}-"
                    f"{timezone.localdate().isoformat()}.csv", "text/csv; charset=utf-8")
