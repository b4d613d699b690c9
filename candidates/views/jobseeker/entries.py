"""Add, change and delete one repeatable entry at a time (work experience, education, …).

Entries are looked up within the jobseeker's own profile, so another person's entry id is
a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from candidates.forms.entries import ENTRY_KINDS, EntryKind
from candidates.forms.steps import STEP_BY_SLUG, step_number
from candidates.profile_services import (
    profile_entry_create,
    profile_entry_delete,
    profile_entry_update,
)
from hallowerk.edit_base import instance_values, posted_edit_base, with_edit_base
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role

from .common import own_profile, posted
from .sensitive import confirmed, confirmed_warnings, form_warnings, refuse_bsn


def kind_or_404(slug: str) -> EntryKind:
    kind = ENTRY_KINDS.get(slug)
    if kind is None:
        raise Http404("No such kind of entry.")
    return kind


def _render_form(request, kind: EntryKind, form, *, entry=None, warnings=None):
    step = STEP_BY_SLUG[kind.slug]
    return render(request, "candidates/jobseeker/entry_form.html", {
        "kind": kind, "form": form, "entry": entry, "warnings": warnings or [],
        "step": step, "number": step_number(step), "total": len(STEP_BY_SLUG),
    })


def _save(request, kind: EntryKind, profile, entry=None):
    form = kind.form_class(posted(request), profile=profile, instance=entry)
    if entry is not None:
        with_edit_base(form, instance_values(entry, form.base_fields))
    if request.method != "POST" or not form.is_valid():
        return _render_form(request, kind, form, entry=entry)
    saved = form.initial if entry is not None else {}
    if refuse_bsn(form, saved):
        return _render_form(request, kind, form, entry=entry)
    warnings = form_warnings(form, saved, review_prefix=f"{kind.relation}.")
    if warnings and not confirmed(request):
        return _render_form(request, kind, form, entry=entry, warnings=warnings)
    try:
        if entry is None:
            profile_entry_create(by=request.user, profile=profile, model=kind.model,
                                 values=form.values(), request=request,
                                 confirmed=confirmed_warnings(warnings))
        else:
            profile_entry_update(by=request.user, entry=entry, values=form.values(),
                                 request=request, edit_base=posted_edit_base(form),
                                 confirmed=confirmed_warnings(warnings))
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_form(request, kind, form, entry=entry)
    messages.success(request, _("Opgeslagen."))
    return redirect("candidates:jobseeker_step", slug=kind.slug)


@role_required(Role.JOBSEEKER)
def entry_add(request, kind):
    return _save(request, kind_or_404(kind), own_profile(request))


@role_required(Role.JOBSEEKER)
def entry_edit(request, kind, pk):
    kind = kind_or_404(kind)
    profile = own_profile(request)
    entry = get_object_or_404(kind.model, pk=pk, profile=profile)
    return _save(request, kind, profile, entry)


@role_required(Role.JOBSEEKER)
def entry_delete(request, kind, pk):
    kind = kind_or_404(kind)
    profile = own_profile(request)
    entry = get_object_or_404(kind.model, pk=pk, profile=profile)
    if request.method == "POST":
        profile_entry_delete(by=request.user, entry=entry, request=request)
        messages.success(request, _("Verwijderd."))
        return redirect("candidates:jobseeker_step", slug=kind.slug)
    return render(request, "candidates/jobseeker/entry_delete.html",
                  {"kind": kind, "entry": entry})
