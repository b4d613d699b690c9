"""The monitoring report (team leads, administrators) and the weighting (administrators)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hallowerk.models import Municipality
from hallowerk.outbox import outbox_add
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from matching.explain import COMPONENT_LABELS
from matching.fairness import feedback_counts
from matching.forms import WeightsForm
from matching.models import (
    COMPONENT_KEYS,
    FairnessReport,
    FeedbackReason,
    FeedbackVerdict,
    MatchingWeights,
    WeightsChange,
)
from matching.selectors import weights_for
from matching.services import weights_update
from matching.tasks import fairness_report_task

from .common import weights_table
from .labels import BREAKDOWN_TITLES, group_label


def _municipality(request) -> Municipality:
    """Staff of a municipality see their own; a platform administrator picks one."""
    if request.user.municipality_id:
        return request.user.municipality
    slug = request.GET.get("gemeente") or request.POST.get("gemeente")
    if slug:
        return get_object_or_404(Municipality, slug=slug)
    first = Municipality.objects.order_by("name").first()
    if first is None:  # a platform without municipalities has nothing to monitor
        raise Http404
    return first


def _labelled(rows: list[dict], breakdown: str) -> list[dict]:
    return [{**row, "label": group_label(breakdown, row["group"]),
             "mean": (row["appearances"] / row["population"]
                      if row["appearances"] is not None and row["population"] else None)}
            for row in rows]


def _differences(change: WeightsChange, labels: dict[str, str]) -> list[dict]:
    return [{"label": labels[key], "before": change.before.get(key), "after": value}
            for key, value in change.after.items() if change.before.get(key) != value]


@role_required(Role.TEAM_LEAD, Role.ADMINISTRATOR)
def fairness(request):
    municipality = _municipality(request)
    report = FairnessReport.objects.filter(municipality=municipality).first()
    breakdowns = []
    if report:
        breakdowns = [(BREAKDOWN_TITLES[name], _labelled(rows, name))
                      for name, rows in report.data["breakdowns"].items()]
    counts = feedback_counts(municipality)
    return render(request, "matching/monitoring/fairness.html", {
        "municipality": municipality, "report": report, "breakdowns": breakdowns,
        "verdicts": [(FeedbackVerdict(row["group"]).label, row["count"])
                     for row in counts["verdicts"]],
        "reasons": [(FeedbackReason(row["group"]).label, row["count"])
                    for row in counts["reasons"]],
        "municipalities": (Municipality.objects.order_by("name")
                           if not request.user.municipality_id else None),
        "weights": weights_table(weights_for(municipality)),
    })


@require_POST
@role_required(Role.TEAM_LEAD, Role.ADMINISTRATOR)
def fairness_refresh(request):
    municipality = _municipality(request)
    outbox_add(fairness_report_task, municipality.pk, key_prefix="fairness-report")
    messages.info(request, _("Het rapport wordt opnieuw berekend. Dat kan enkele minuten "
                             "duren; kijk straks nog eens."))
    if request.user.municipality_id:
        return redirect("matching:fairness")
    return redirect(f"{reverse('matching:fairness')}?gemeente={municipality.slug}")


@role_required(Role.ADMINISTRATOR)
def weights(request):
    municipality = request.user.municipality
    current = weights_for(municipality)
    form = WeightsForm(request.POST or None, initial=dict(current.values))
    if request.method == "POST" and form.is_valid():
        weights_update(by=request.user, values=form.cleaned_data, request=request)
        messages.success(request, _("De weging is opgeslagen. Nieuwe suggesties gebruiken "
                                    "haar meteen."))
        return redirect("matching:weights")
    own = MatchingWeights.objects.filter(municipality=municipality).first()
    labels = {key: str(COMPONENT_LABELS[key]) for key in COMPONENT_KEYS}
    changes = list(own.changes.select_related("changed_by")[:20]) if own else []
    for change in changes:  # each row carries its differences to the template
        change.differences = _differences(change, labels)  # type: ignore[attr-defined]
    return render(request, "matching/monitoring/weights.html", {
        "form": form, "municipality": municipality, "changes": changes, "inherited": own is None,
    }, status=400 if form.is_bound else 200)
