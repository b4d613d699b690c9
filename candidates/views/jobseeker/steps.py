"""The profile in steps: an overview with the completeness score, and one page per step."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.completeness import profile_completeness
from candidates.forms.occupations import OccupationSearchForm
from candidates.forms.steps import (
    ENTRIES,
    FORM,
    OCCUPATIONS,
    STEP_BY_SLUG,
    STEPS,
    UPLOADS,
    Step,
    next_step,
    previous_step,
    step_number,
)
from candidates.forms.uploads import CvForm, PhotoForm
from candidates.models import Profile
from candidates.profile_services import (
    profile_occupation_add,
    profile_occupation_remove,
    profile_update,
)
from hallowerk.edit_base import instance_values, posted_edit_base, with_edit_base
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.models import Occupation
from hallowerk.permissions import role_required
from hallowerk.reference import occupation_search
from hallowerk.roles import Role

from .common import own_candidate, own_profile, profile_to_score
from .sensitive import confirmed, confirmed_warnings, form_warnings, refuse_bsn

GO_NEXT = "next"


def step_or_404(slug: str) -> Step:
    step = STEP_BY_SLUG.get(slug)
    if step is None:
        raise Http404("No such profile step.")
    return step


def after_save(request, step: Step):
    """'Save and continue' goes to the next step; 'save' stays on this one."""
    following = next_step(step)
    if request.POST.get("go") == GO_NEXT:
        if following is None:
            return redirect("candidates:jobseeker_profile")
        return redirect("candidates:jobseeker_step", slug=following.slug)
    return redirect("candidates:jobseeker_step", slug=step.slug)


def step_context(request, step: Step, profile: Profile, **extra) -> dict:
    completeness = profile_completeness(profile)
    return {
        "step": step, "number": step_number(step), "total": len(STEPS),
        "previous": previous_step(step), "next": next_step(step),
        "completeness": completeness, "missing_here": completeness.missing_in(step.slug),
        "steps": STEPS, "profile": profile, **extra,
    }


def render_step(request, step: Step, profile: Profile, **extra):
    return render(request, f"candidates/jobseeker/steps/{step.kind}.html",
                  step_context(request, step, profile, **extra))


@role_required(Role.JOBSEEKER)
def overview(request):
    profile = profile_to_score(own_candidate(request))
    completeness = profile_completeness(profile)
    missing_steps = {check.step for check in completeness.missing}
    return render(request, "candidates/jobseeker/profile_overview.html", {
        "profile": profile, "completeness": completeness,
        "steps": [(step_number(step), step, step.slug in missing_steps) for step in STEPS],
        "first_open": next((s for s in STEPS if s.slug in missing_steps), STEPS[0]),
    })


@role_required(Role.JOBSEEKER)
def step_page(request, slug):
    step = step_or_404(slug)
    # Every page this renders shows the profile as read here: a save that succeeds
    # redirects, one that fails changed nothing.
    profile = profile_to_score(own_candidate(request))
    if step.kind == FORM:
        return form_step(request, step, profile)
    if request.method == "POST":
        return redirect("candidates:jobseeker_step", slug=step.slug)
    if step.kind == ENTRIES:
        kind = step.entry_kind
        return render_step(request, step, profile, kind=kind,
                           entries=getattr(profile, kind.relation).all())
    if step.kind == OCCUPATIONS:
        return occupations_step(request, step, profile)
    if step.kind == UPLOADS:
        return render_step(request, step, profile, photo_form=PhotoForm(), cv_form=CvForm())
    raise Http404


def form_step(request, step: Step, profile: Profile):
    form_class = step.form_class
    # The step's lists (the sectors) once for both the form and its edit base.
    prefetch_related_objects([profile], *(name for name in form_class.profile_fields
                                          if Profile._meta.get_field(name).many_to_many))
    saved = form_class.initial_for(profile)
    # What this page shows now: a save based on it never overwrites a newer change unseen.
    base = instance_values(profile, form_class.profile_fields)
    if request.method != "POST":
        return render_step(request, step, profile,
                           form=with_edit_base(form_class(initial=saved), base))
    form = with_edit_base(form_class(request.POST), base)
    if not form.is_valid():
        return render_step(request, step, profile, form=form)
    if refuse_bsn(form, saved):
        return render_step(request, step, profile, form=form)
    warnings = form_warnings(form, saved)
    if warnings and not confirmed(request):
        return render_step(request, step, profile, form=form, warnings=warnings)
    try:
        profile_update(by=request.user, profile=profile, changes=form.changes(),
                       request=request, edit_base=posted_edit_base(form),
                       confirmed=confirmed_warnings(warnings))
    except ValidationError as error:
        add_service_errors(form, error)
        return render_step(request, step, profile, form=form)
    messages.success(request, _("Opgeslagen."))
    return after_save(request, step)


# --- preferred occupations: a server-side search, works without JavaScript ---------------

def occupations_step(request, step: Step, profile: Profile):
    search = OccupationSearchForm(request.GET or None)
    query = search.cleaned_data["zoek"] if search.is_valid() else ""
    chosen = list(profile.preferred_occupations.all())
    results = [o for o in occupation_search(query, limit=15) if o not in chosen] if query else []
    return render_step(request, step, profile, search=search, query=query, chosen=chosen,
                       results=results)


def _back_to_occupations(query: str):
    url = reverse("candidates:jobseeker_step", kwargs={"slug": "beroepen"})
    if query:
        url += "?" + urlencode({"zoek": query})
    return redirect(url)


def posted_occupation(request) -> Occupation:
    pk = request.POST.get("occupation", "")
    if not pk.isdigit():
        raise Http404("Not an occupation.")
    return get_object_or_404(Occupation, pk=pk)


@role_required(Role.JOBSEEKER)
@require_POST
def occupation_add(request):
    profile = own_profile(request)
    occupation = posted_occupation(request)
    if profile_occupation_add(by=request.user, profile=profile, occupation=occupation,
                              request=request):
        messages.success(request, _("%(name)s is toegevoegd.") % {"name": occupation.label})
    return _back_to_occupations(request.POST.get("zoek", "")[:100])


@role_required(Role.JOBSEEKER)
@require_POST
def occupation_remove(request):
    profile = own_profile(request)
    occupation = posted_occupation(request)
    if profile_occupation_remove(by=request.user, profile=profile, occupation=occupation,
                                 request=request):
        messages.success(request, _("%(name)s is weggehaald.") % {"name": occupation.label})
    return _back_to_occupations(request.POST.get("zoek", "")[:100])


def uploads_step_with(request, profile: Profile, **forms):
    """The photo-and-CV step with one bound (invalid) form and the other one fresh."""
    forms.setdefault("photo_form", PhotoForm())
    forms.setdefault("cv_form", CvForm())
    return render_step(request, STEP_BY_SLUG["foto-en-cv"], profile, **forms)
