"""The jobseeker's start page: what HalloWerk is, that it is voluntary, who sees what (from
the field catalogue), what to do first and how complete the profile is."""

from dataclasses import dataclass
from functools import cache

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from candidates.completeness import profile_completeness
from candidates.forms.steps import STEPS
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.catalogue import Category, EmployerVisibility, FilledBy, specs_for

from .common import own_candidate_or_none, profile_to_score

E = EmployerVisibility
# Headings for what an employer sees of each field, in the order the page shows them.
VISIBILITY_HEADINGS = [
    (E.SHOWN, _("Werkgevers zien dit als u uw profiel deelt")),
    (E.WHEN_APPROACHABLE,
     _("Werkgevers zien dit alleen als u direct benaderbaar bent en uw profiel deelt")),
    (E.YES_NO, _("Werkgevers zien hiervan alleen ja of nee")),
    (E.NEVER, _("Werkgevers zien dit nooit")),
]
ENTRY_LABELS = [_("Werkervaring"), _("Opleidingen"), _("Cursussen en trainingen"), _("Talen")]


@dataclass(frozen=True)
class VisibilityGroup:
    heading: str
    labels: tuple[str, ...]


@cache
def visibility_groups(language: str) -> tuple[VisibilityGroup, ...]:
    """The jobseeker's and the coach's fields, grouped by what an employer sees of them.

    Built from the catalogue, so a field added there shows up here; the catalogue is code,
    so the groups are built once per language and process. Bookkeeping fields
    (category 'usage') are left out; the physical-work questions are shown as one line.
    """
    labels: dict[str, list[str]] = {visibility: [] for visibility, _heading in VISIBILITY_HEADINGS}
    for model_label in ("candidates.Candidate", "candidates.Profile"):
        for spec in specs_for(model_label):
            if spec.category == Category.USAGE or spec.filled_by == FilledBy.SYSTEM:
                continue
            if spec.category == Category.HEALTH_RELATED:
                continue
            labels[spec.employer].append(spec.employer_label(language)
                                         if spec.employer == E.YES_NO else spec.label(language))
    labels[E.SHOWN] += [str(label) for label in ENTRY_LABELS]
    labels[E.YES_NO].append(str(_("Lichamelijk werk: per onderdeel kan ik / kan ik niet")))
    return tuple(VisibilityGroup(str(heading), tuple(labels[visibility]))
                 for visibility, heading in VISIBILITY_HEADINGS if labels[visibility])


@role_required(Role.JOBSEEKER)
def home(request):
    candidate = own_candidate_or_none(request)
    context = {"candidate": candidate, "groups": visibility_groups(get_language() or "nl")}
    if candidate is not None:
        profile = profile_to_score(candidate)
        completeness = profile_completeness(profile)
        missing_steps = {check.step for check in completeness.missing}
        context.update({
            "completeness": completeness,
            "first_open": next((s for s in STEPS if s.slug in missing_steps), None),
            "response_count": candidate.vacancy_responses.count(),
        })
    return render(request, "candidates/jobseeker/home.html", context)
