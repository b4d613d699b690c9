"""A candidate's profile as an employer sees it, and the two ways to reach them."""

import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.models import ContactRequest
from candidates.presenters import employer_profile_view
from candidates.publication_hold import held_parts
from candidates.selectors import candidate_for_viewer, candidate_profile_for_viewer
from candidates.services_messaging import contact_request_create, message_send, thread_open
from employers.forms.employer import ContactRequestForm, MessageForm, ShortlistAddForm
from employers.selectors import contact_state, shortlists_marked, vacancies_published
from employers.services_shortlists import shortlist_entry_add_to
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.prepared import prepared_statements
from hallowerk.roles import Role
from privacy.audit import audit_profile_viewed, audit_record
from privacy.catalogue import EmployerVisibility, field_spec
from privacy.models import AuditAction

FILE_FIELDS = ("photo", "cv")


def _file_url(candidate, field_name: str) -> str:
    return reverse("employers:candidate_file", args=[candidate.pk, field_name])


def _render_profile(request, candidate, *, message_form=None, contact_form=None,
                    shortlist_form=None):
    user = request.user
    shortlists = shortlists_marked(user, candidate)
    shortlist_form = shortlist_form or ShortlistAddForm(user=user)
    shortlist_form.fields["shortlist"].offer(shortlists)
    contact = contact_state(user, candidate)
    if contact_form is None:
        contact_form = ContactRequestForm(user=user)
        if not (contact["thread"] or candidate.directly_approachable):  # the form is shown
            contact_form.fields["vacancy"].offer(vacancies_published(user))
    return render(request, "employers/employer/candidate.html", {
        "candidate": candidate,
        "sections": employer_profile_view(candidate, user, file_url=_file_url),
        "message_form": message_form or MessageForm(),
        "contact_form": contact_form,
        "shortlist_form": shortlist_form,
        "on_shortlists": [shortlist for shortlist in shortlists if shortlist.holds_candidate],
        **contact,
    })


@role_required(Role.EMPLOYER)
@prepared_statements()  # lookups by key only: the candidate, their rows, this employer's own
def candidate_profile(request, pk):
    candidate = candidate_profile_for_viewer(request.user, pk)
    audit_profile_viewed(viewer=request.user, candidate=candidate, request=request)
    return _render_profile(request, candidate)


@role_required(Role.EMPLOYER)
def candidate_file(request, pk, field):
    """The photo or CV of a candidate the employer may see (private storage, never a URL
    of its own)."""
    if field not in FILE_FIELDS:
        raise Http404
    if field_spec("candidates.Profile", field).employer == EmployerVisibility.NEVER:
        raise Http404
    candidate = candidate_for_viewer(request.user, pk)
    stored = getattr(getattr(candidate, "profile", None), field, None)
    if not stored or field in held_parts(candidate):  # held: not yet reviewed by the coach
        raise Http404
    if field == "cv":
        audit_record(action=AuditAction.PROFILE_VIEWED, actor=request.user, request=request,
                     target=candidate, data={"employer": request.user.employer_id,
                                             "file": field})
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    extension = stored.name.rsplit(".", 1)[-1] if "." in stored.name else "bin"
    response = FileResponse(stored.open("rb"), content_type=content_type,
                            as_attachment=field == "cv", filename=f"{field}.{extension}")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@role_required(Role.EMPLOYER)
def candidate_message(request, pk):
    """First message to a directly approachable candidate: opens (or reuses) the thread."""
    candidate = candidate_profile_for_viewer(request.user, pk)
    if not candidate.directly_approachable:
        messages.error(request, _("Deze kandidaat wil eerst contact via de werkmatcher. Stuur "
                                  "een contactverzoek."))
        return redirect("employers:candidate_profile", pk=candidate.pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            thread = thread_open(by=request.user, candidate=candidate)
            message_send(by=request.user, thread=thread, body=form.cleaned_data["body"],
                         request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Uw bericht is verstuurd."))
            return redirect("candidates:thread", pk=thread.pk)
    return _render_profile(request, candidate, message_form=form)


@require_POST
@role_required(Role.EMPLOYER)
def candidate_contact_request(request, pk):
    """For a candidate who is not directly approachable: the request goes to their coach."""
    candidate = candidate_profile_for_viewer(request.user, pk)
    if candidate.directly_approachable:
        messages.info(request, _("U kunt deze kandidaat direct een bericht sturen."))
        return redirect("employers:candidate_profile", pk=candidate.pk)
    state = contact_state(request.user, candidate)
    last = state["last_request"]
    if state["thread"] or (last and last.status != ContactRequest.Status.FORWARDED):
        messages.info(request, _("U hebt al een contactverzoek gestuurd voor deze kandidaat."))
        return redirect("employers:candidate_profile", pk=candidate.pk)
    form = ContactRequestForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            contact_request_create(by=request.user, candidate=candidate,
                                   message=form.cleaned_data["message"],
                                   vacancy=form.cleaned_data["vacancy"], request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Uw contactverzoek is verstuurd naar de werkmatcher van "
                                        "de kandidaat. U hoort het als de kandidaat contact "
                                        "wil."))
            return redirect("employers:candidate_profile", pk=candidate.pk)
    return _render_profile(request, candidate, contact_form=form)


@require_POST
@role_required(Role.EMPLOYER)
def shortlist_entry_add_view(request, pk):
    candidate = candidate_profile_for_viewer(request.user, pk)
    form = ShortlistAddForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            shortlist = shortlist_entry_add_to(
                by=request.user, shortlist=form.cleaned_data["shortlist"],
                new_name=form.cleaned_data["new_name"], candidate=candidate, request=request)
        except ValidationError as error:
            add_service_errors(form, error, fields={"name": "new_name"})
        else:
            messages.success(request, _("De kandidaat staat nu op de lijst '%(name)s'.")
                             % {"name": shortlist.name})
            return redirect("employers:candidate_profile", pk=candidate.pk)
    return _render_profile(request, candidate, shortlist_form=form)
