"""The candidate page: everything recorded, the jobseeker's own entries read-only, and the
coach's actions. Every action is a POST to its own address and goes through a service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.forms.coach import (
    ApproachableForm,
    DossierEditForm,
    EndDossierForm,
    HideForm,
    hide_form_submit,
)
from candidates.models import Candidate, ContactRequest, Thread, VacancyResponse
from candidates.models.querysets import visibility_scope
from candidates.presenters import employer_view_load
from candidates.presenters_staff import (
    STAFF_VIEW_SELECT,
    dossier_items,
    jobseeker_sections,
)
from candidates.related_rows import children
from candidates.selectors_coach import latest_invitation
from candidates.services import (
    candidate_dossier_end,
    candidate_reactivate,
    candidate_set_inactive,
    candidate_unhide,
)
from candidates.services_coach import (
    candidate_intake_update,
    candidate_invitation_resend,
    candidate_invitation_withdraw,
    candidate_set_directly_approachable,
)
from candidates.services_messaging import message_send, thread_open
from candidates.views.inbox import MessageForm
from hallowerk.compiled_queries import CompiledQuery
from hallowerk.edit_base import instance_values, posted_edit_base, with_edit_base
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.audit import audit_profile_viewed

from .common import candidate_or_404, done, error_text

# The page's reads, compiled once per viewer (hallowerk/compiled_queries.py): building and
# compiling them cost more of the page's CPU than running them (the candidate's read joins
# STAFF_VIEW_SELECT's eight tables). The candidate's read is the scoped one; the others
# follow from a candidate it let through, so their SQL does not depend on the viewer
# (but for the conversation, which is the viewer's own).
_FULL_CANDIDATE = CompiledQuery(
    lambda viewer, candidate_id: Candidate.objects.visible_to(viewer).filter(pk=candidate_id)
    .select_related(*STAFF_VIEW_SELECT), ids=("candidate_id",))
_CONTACT_REQUESTS = CompiledQuery(
    lambda viewer, candidate_id: ContactRequest.objects.filter(candidate_id=candidate_id)
    .select_related("employer", "vacancy").order_by("-created_at")[:20],
    ids=("candidate_id",), viewer_pk_varies=True)
_RESPONSES = CompiledQuery(
    lambda viewer, candidate_id: VacancyResponse.objects.filter(candidate_id=candidate_id)
    .select_related("vacancy", "vacancy__employer").order_by("-created_at")[:20],
    ids=("candidate_id",), viewer_pk_varies=True)
_CONVERSATION = CompiledQuery(  # what .first() reads: the newest, by Thread's ordering
    lambda viewer, candidate_id: Thread.objects.filter(candidate_id=candidate_id,
                                                       counterpart=viewer)[:1],
    ids=("candidate_id",), viewer_pk_varies=True)


def _full_candidate(request, pk) -> Candidate:
    """The candidate with everything the page shows. The related rows of STAFF_VIEW_PREFETCH
    and the account's invitations come in one statement of plain SQL after the scoped read
    (candidates/related_rows.py): as Django prefetches they were eight compiled queries,
    ~6 ms of the page's CPU."""
    found = _FULL_CANDIDATE.rows(request.user, scope=visibility_scope(request.user),
                                 candidate_id=pk)
    if not found:
        raise Http404("No candidate matches the given query.")
    candidate = found[0]
    account = {candidate.user.pk: candidate.user} if candidate.user else {}
    return employer_view_load(candidate, also=[children(account, "invitations")])


def candidate_context(candidate: Candidate, viewer) -> dict:
    """What the candidate page shows; shared with the account manager's read-only page."""
    return {
        "candidate": candidate,
        "dossier": dossier_items(candidate),
        "sections": jobseeker_sections(candidate),
        "invitation": latest_invitation(candidate),
        "account_accepted": bool(candidate.user and candidate.user.has_usable_password()),
        "contact_requests": _CONTACT_REQUESTS.rows(viewer, candidate_id=candidate.pk),
        "responses": _RESPONSES.rows(viewer, candidate_id=candidate.pk),
    }


def _render_detail(request, pk, *, message_form=None):
    candidate = _full_candidate(request, pk)
    audit_profile_viewed(viewer=request.user, candidate=candidate, request=request)
    context = candidate_context(candidate, request.user)
    context.update({
        "approachable_form": ApproachableForm(initial={
            "directly_approachable": "yes" if candidate.directly_approachable else "no"}),
        # Unbound forms without `required`, so empty boxes do not look wrong before typing.
        "hide_form": HideForm(use_required_attribute=False),
        "message_form": message_form or MessageForm(use_required_attribute=False),
        "thread": next(iter(_CONVERSATION.rows(request.user, candidate_id=candidate.pk)), None),
        "pending_requests": sum(1 for r in context["contact_requests"]
                                if r.status == ContactRequest.Status.PENDING),
    })
    return render(request, "candidates/coach/candidate.html", context)


@role_required(Role.COACH)
def detail(request, pk):
    return _render_detail(request, pk)


@role_required(Role.COACH)
def edit(request, pk):
    """Only the coach-entered fields; the form has no way to the jobseeker's own entries."""
    candidate = candidate_or_404(request, pk)
    accepted = bool(candidate.user and candidate.user.has_usable_password())
    form = DossierEditForm(request.POST or None, instance=candidate,
                           municipality_id=candidate.municipality_id, viewer=request.user,
                           email_editable=not accepted)
    with_edit_base(form, instance_values(candidate, form.changes_fields()))
    if request.method == "POST" and form.is_valid():
        try:
            changed = candidate_intake_update(by=request.user, candidate=candidate,
                                              changes=form.changes(), request=request,
                                              edit_base=posted_edit_base(form))
        except ValidationError as error:
            candidate.refresh_from_db()
            add_service_errors(form, error)
        else:
            if changed:
                return done(request, _("De gegevens zijn opgeslagen."), candidate)
            return done(request, _("Er was niets veranderd."), candidate)
    return render(request, "candidates/coach/edit.html", {"candidate": candidate, "form": form})


@role_required(Role.COACH)
@require_POST
def set_approachable(request, pk):
    candidate = candidate_or_404(request, pk)
    form = ApproachableForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies ja of nee bij 'direct benaderbaar'."))
        return redirect("candidates:coach_candidate", pk=candidate.pk)
    value = form.cleaned_data["directly_approachable"] == "yes"
    candidate_set_directly_approachable(by=request.user, candidate=candidate, value=value,
                                        request=request)
    if value:
        return done(request, _("Werkgevers mogen deze kandidaat nu zelf benaderen."),
                    candidate)
    return done(request, _("Werkgevers lopen nu via u als ze contact willen."), candidate)


@role_required(Role.COACH)
def hide(request, pk):
    candidate = candidate_or_404(request, pk)
    form, hidden = hide_form_submit(request, candidate)
    if hidden:
        return done(request, _("Het profiel is verborgen voor werkgevers. De kandidaat "
                               "ziet de reden."), candidate)
    return render(request, "candidates/coach/hide.html", {"candidate": candidate,
                                                          "form": form})


@role_required(Role.COACH)
@require_POST
def unhide(request, pk):
    candidate = candidate_or_404(request, pk)
    candidate_unhide(by=request.user, candidate=candidate, request=request)
    return done(request, _("Het profiel is niet meer verborgen."), candidate)


@role_required(Role.COACH)
@require_POST
def set_inactive(request, pk):
    candidate = candidate_or_404(request, pk)
    candidate_set_inactive(by=request.user, candidate=candidate, request=request)
    return done(request, _("Het profiel staat op inactief. Werkgevers zien het niet meer."),
                candidate)


@role_required(Role.COACH)
@require_POST
def reactivate(request, pk):
    candidate = candidate_or_404(request, pk)
    try:
        candidate_reactivate(by=request.user, candidate=candidate, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("candidates:coach_candidate", pk=candidate.pk)
    return done(request, _("Het profiel is weer actief."), candidate)


@role_required(Role.COACH)
def end_dossier(request, pk):
    candidate = candidate_or_404(request, pk)
    if candidate.dossier_ended_on:
        messages.info(request, _("Dit dossier is al beëindigd."))
        return redirect("candidates:coach_candidate", pk=candidate.pk)
    form = EndDossierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate_dossier_end(by=request.user, candidate=candidate,
                                  ended_on=data["ended_on"], reason=data["reason"],
                                  esf_programme_end=data["esf_programme_end"],
                                  request=request)
        except ValidationError as error:
            candidate.refresh_from_db()
            add_service_errors(form, error)
        else:
            return done(request, _("Het dossier is beëindigd. De bewaartermijn is gaan "
                                   "lopen."), candidate)
    return render(request, "candidates/coach/end.html", {"candidate": candidate, "form": form})


@role_required(Role.COACH)
@require_POST
def invitation_resend(request, pk):
    candidate = candidate_or_404(request, pk)
    try:
        candidate_invitation_resend(by=request.user, candidate=candidate)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("candidates:coach_candidate", pk=candidate.pk)
    return done(request, _("Er is een nieuwe uitnodiging verstuurd naar %(email)s. De oude "
                           "link werkt niet meer.") % {"email": candidate.user.email},
                candidate)


@role_required(Role.COACH)
@require_POST
def invitation_withdraw(request, pk):
    candidate = candidate_or_404(request, pk)
    try:
        candidate_invitation_withdraw(by=request.user, candidate=candidate)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("candidates:coach_candidate", pk=candidate.pk)
    return done(request, _("De uitnodiging is ingetrokken. De link werkt niet meer."),
                candidate)


@role_required(Role.COACH)
@require_POST
def send_message(request, pk):
    candidate = candidate_or_404(request, pk)
    if candidate.user is None:
        messages.error(request, _("Deze kandidaat heeft geen account meer en kan geen "
                                  "berichten lezen."))
        return redirect("candidates:coach_candidate", pk=candidate.pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        thread = thread_open(by=request.user, candidate=candidate)
        try:
            message_send(by=request.user, thread=thread, body=form.cleaned_data["body"],
                         request=request)
        except ValidationError as error:
            add_service_errors(form, error, default="body")
        else:
            messages.success(request, _("Uw bericht is verstuurd."))
            return redirect("candidates:thread", pk=thread.pk)
    # The page again with what was typed and why it was not sent: nothing is lost.
    return _render_detail(request, candidate.pk, message_form=form)
