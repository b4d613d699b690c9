"""Administrators: the retention periods, legal holds and the retention report."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.audit import audit_export
from privacy.forms import LegalHoldForm, ReportPeriodForm, RetentionRuleForm
from privacy.models import AuditAction, AuditEvent, RetentionRule
from privacy.retention.holds import legal_hold_place, legal_hold_release
from privacy.retention.report import report_csv, report_pdf, retention_report
from privacy.retention.rules import (
    EXPLANATIONS,
    NOTICE_DAYS,
    may_change_rules,
    period_text,
    retention_rule_change,
)
from privacy.retention.selectors import destruction_lookup, dossier_for_hold, hold_for_viewer
from privacy.views.jobseeker import download

administrator_only = role_required(Role.ADMINISTRATOR)


@administrator_only
def rules_list(request):
    rules = [(rule, period_text(rule.months), EXPLANATIONS[rule.kind])
             for rule in RetentionRule.objects.order_by("id")]
    changes = (AuditEvent.objects.filter(action=AuditAction.RETENTION_RULE_CHANGED)
               .order_by("-created_at")[:20])
    return render(request, "privacy/retention/rules.html", {
        "rules": rules, "changes": changes, "may_change": may_change_rules(request.user),
        "notice_days": NOTICE_DAYS, "kinds": dict(RetentionRule.Kind.choices)})


@administrator_only
def rule_edit(request, kind):
    rule = get_object_or_404(RetentionRule, kind=kind)
    if not may_change_rules(request.user):
        return render(request, "privacy/retention/rule_readonly.html", {"rule": rule},
                      status=403)
    form = RetentionRuleForm(request.POST or None, initial={"months": rule.months})
    if request.method == "POST" and form.is_valid():
        try:
            retention_rule_change(by=request.user, rule=rule, months=form.cleaned_data["months"],
                                  reason=form.cleaned_data["reason"], request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De bewaartermijn is opgeslagen."))
            return redirect("privacy:retention_rules")
    return render(request, "privacy/retention/rule_edit.html", {
        "rule": rule, "form": form, "explanation": EXPLANATIONS[rule.kind],
        "period": period_text(rule.months), "notice_days": NOTICE_DAYS})


def _report_for(request):
    """The period form (bound, with this year as default) and the report, or None."""
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("start", date(today.year, 1, 1).isoformat())
    data.setdefault("end", today.isoformat())
    form = ReportPeriodForm(data, today=today)
    if not form.is_valid():
        return form, None
    return form, retention_report(viewer=request.user, start=form.cleaned_data["start"],
                                  end=form.cleaned_data["end"], today=today)


@administrator_only
def report(request):
    form, report = _report_for(request)
    client_number = request.GET.get("klantnummer", "").strip()[:30]
    lookup = destruction_lookup(request.user, client_number) if client_number else None
    return render(request, "privacy/retention/report.html", {
        "form": form, "report": report, "query": request.GET.urlencode(),
        "client_number": client_number, "lookup": lookup, "notice_days": NOTICE_DAYS},
        status=200 if report else 400)


@administrator_only
def report_download(request, kind):
    form, report = _report_for(request)
    if report is None:
        return render(request, "privacy/retention/report.html", {"form": form, "report": None},
                      status=400)
    audit_export(actor=request.user, kind=f"retention_report_{kind}", request=request,
                 data={"start": report.start.isoformat(), "end": report.end.isoformat()})
    stamp = report.today.isoformat()
    if kind == "csv":
        return download(report_csv(report).encode(), f"bewaartermijnen-{stamp}.csv",
                        "text/csv; charset=utf-8")
    return download(report_pdf(report, base_url=absolute_url()),
                    f"bewaartermijnen-{stamp}.pdf", "application/pdf")


@administrator_only
def hold_place(request, pk):
    candidate = dossier_for_hold(request.user, pk)
    form = LegalHoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            legal_hold_place(by=request.user, candidate=candidate,
                             reason=form.cleaned_data["reason"], request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De bewaarplicht staat aan. Dit dossier wordt niet "
                                        "vernietigd tot u hem opheft."))
            return redirect("privacy:retention_report")
    return render(request, "privacy/retention/hold_place.html", {
        "candidate": candidate, "form": form})


@administrator_only
@require_POST
def hold_release(request, pk):
    hold = hold_for_viewer(request.user, pk)
    try:
        legal_hold_release(by=request.user, hold=hold, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De bewaarplicht is opgeheven. De medewerkers horen "
                                    "opnieuw %(days)s dagen van tevoren dat het dossier "
                                    "wordt vernietigd.") % {"days": NOTICE_DAYS})
    return redirect("privacy:retention_report")
