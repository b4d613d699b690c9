"""Administrators: the audit-log viewer, unusual-access signals and their thresholds."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.audit import audit_export, audit_record
from privacy.models import AuditAction
from privacy.oversight.forms import AuditLogFilterForm, OversightSettingsForm, SignalHandleForm
from privacy.oversight.log import (
    COUNT_CAP,
    EXPORT_LIMIT,
    PAGE_SIZE,
    audit_log,
    log_csv,
    log_page,
)
from privacy.oversight.models import AccessSignal
from privacy.oversight.services import access_signal_handle, oversight_settings_change
from privacy.oversight.unusual import settings_for
from privacy.views.jobseeker import download

administrator_only = role_required(Role.ADMINISTRATOR)


def _filtered(request):
    form = AuditLogFilterForm(request.GET or None, viewer=request.user)
    if request.GET and not form.is_valid():
        return form, None
    log_filter = form.log_filter() if form.is_bound else AuditLogFilterForm.empty_filter()
    return form, log_filter


@administrator_only
def audit_log_page(request):
    form, log_filter = _filtered(request)
    page = None
    if log_filter is not None:
        page = log_page(viewer=request.user, filters=log_filter,
                         number=request.GET.get("pagina"))
    # Reading the log is itself in the log: who looked, with which filter, at which page.
    audit_record(action=AuditAction.AUDIT_LOG_VIEWED, request=request, data={
        "filters": log_filter.as_data() if log_filter else {"invalid": True},
        "page": page.number if page else None})
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "privacy/oversight/log.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "export_limit": number_format(EXPORT_LIMIT, force_grouping=True),
        "count_cap": number_format(COUNT_CAP, force_grouping=True)},
        status=200 if log_filter is not None else 400)


@administrator_only
def audit_log_download(request):
    form, log_filter = _filtered(request)
    if log_filter is None:
        return render(request, "privacy/oversight/log.html", {"form": form, "page": None},
                      status=400)
    audit_export(actor=request.user, kind="audit_log_csv", request=request,
                 data={"filters": log_filter.as_data()})
    content = log_csv(audit_log(viewer=request.user, filters=log_filter))
    return download(content.encode(), f"logboek-{timezone.localdate().isoformat()}.csv",
                    "text/csv; charset=utf-8")


@administrator_only
def access_signals(request):
    signals = (AccessSignal.objects.filter(municipality_id=request.user.municipality_id)
               .select_related("actor", "handled_by"))
    show = "alle" if request.GET.get("toon") == "alle" else "open"
    if show == "open":
        signals = signals.filter(handled_at__isnull=True)
    page = Paginator(signals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "privacy/oversight/signals.html", {
        "page": page, "show": show, "show_query": "toon=alle" if show == "alle" else ""})


@administrator_only
def access_signal_handle_page(request, pk):
    signal = get_object_or_404(AccessSignal.objects.select_related("actor"), pk=pk,
                               municipality_id=request.user.municipality_id)
    form = SignalHandleForm(request.POST or None)
    if request.method == "POST" and not signal.is_handled and form.is_valid():
        try:
            access_signal_handle(by=request.user, signal=signal, note=form.cleaned_data["note"],
                                 request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het signaal is afgehandeld."))
            return redirect("privacy:access_signals")
    return render(request, "privacy/oversight/signal_handle.html",
                  {"signal": signal, "form": form})


@administrator_only
def oversight_settings(request):
    current = settings_for(request.user.municipality_id)
    form = OversightSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.fields}
        oversight_settings_change(by=request.user, municipality=request.user.municipality,
                                  data=data, request=request)
        messages.success(request, _("De instellingen zijn opgeslagen."))
        return redirect("privacy:oversight_settings")
    return render(request, "privacy/oversight/settings.html", {"form": form})
