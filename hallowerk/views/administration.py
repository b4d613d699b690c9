"""The administrator's pages: staff accounts, municipality settings, legal text versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import user_has_device

from hallowerk.accounts.lockout import account_is_locked
from hallowerk.administration import (
    administered_accounts,
    administered_municipalities,
    administered_staff,
    legal_text_publish,
    locked_accounts,
    municipality_update,
    staff_invite,
    user_deactivate,
    user_reactivate,
    user_two_factor_reset,
    user_unlock,
)
from hallowerk.edit_base import posted_edit_base, with_edit_base
from hallowerk.forms.administration import (
    LegalTextForm,
    MunicipalityForm,
    StaffFilterForm,
    StaffInviteForm,
)
from hallowerk.forms.service_errors import add_service_errors, edit_saved
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.models import LegalText

admin_only = role_required(Role.ADMINISTRATOR)
# invitation_create: "exists" means the e-mail address already has an account.
EMAIL_EXISTS = {"exists": "email"}


# --- staff accounts ------------------------------------------------------------------------

@admin_only
def users(request):
    form = StaffFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    staff = administered_staff(request.user).select_related("municipality")
    if filters.get("role"):
        staff = staff.filter(role=filters["role"])
    if filters.get("active") in ("yes", "no"):
        staff = staff.filter(is_active=filters["active"] == "yes")
    staff = staff.order_by("last_name", "first_name", "id")
    page = Paginator(staff, 25).get_page(request.GET.get("pagina"))
    return render(request, "hallowerk/admin/users.html", {"form": form, "page": page})


@admin_only
def user_invite(request):
    municipalities = administered_municipalities(request.user)
    form = StaffInviteForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        try:
            user = staff_invite(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error, codes=EMAIL_EXISTS)
        else:
            messages.success(request, _("%(email)s heeft een uitnodiging gekregen. Bij de eerste "
                                        "keer inloggen stelt deze persoon "
                                        "tweestapsverificatie in.") % {"email": user.email})
            return redirect("administrator_user", pk=user.pk)
    return render(request, "hallowerk/admin/user_invite.html", {"form": form})


def _staff_or_404(request, pk):
    return get_object_or_404(administered_staff(request.user).select_related("municipality"),
                             pk=pk)


@admin_only
def user_detail(request, pk):
    person = _staff_or_404(request, pk)
    invitation = person.invitations.order_by("-created_at").first()
    return render(request, "hallowerk/admin/user_detail.html", {
        "person": person, "invitation": invitation,
        "has_two_factor": user_has_device(person, confirmed=True),
        "is_locked": account_is_locked(person),
        "is_self": person.pk == request.user.pk,
    })


ACTIONS = {
    "deactivate": (user_deactivate, gettext_lazy(
        "Het account is uitgeschakeld. Deze persoon kan niet meer inloggen.")),
    "reactivate": (user_reactivate, gettext_lazy("Het account werkt weer.")),
    "reset-2fa": (user_two_factor_reset, gettext_lazy(
        "De tweestapsverificatie is gewist. Deze persoon krijgt een e-mail met een link om "
        "een nieuwe app in te stellen.")),
    "unlock": (user_unlock, gettext_lazy(
        "De blokkering is opgeheven. Deze persoon kan meteen weer inloggen.")),
}


def _act(request, action: str, person) -> None:
    """Run an action's service and say how it went."""
    service, done = ACTIONS[action]
    try:
        service(by=request.user, user=person, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, str(done))


@admin_only
def user_action(request, pk, action):
    """Confirm, then act. Each action is audited by its service."""
    person = _staff_or_404(request, pk)
    if action not in ACTIONS:
        raise Http404
    if request.method == "POST":
        _act(request, action, person)
        return redirect("administrator_user", pk=person.pk)
    return render(request, "hallowerk/admin/user_confirm.html",
                  {"person": person, "action": action})


# --- locked accounts of every role ----------------------------------------------------------

@admin_only
def locked(request):
    """Everyone of the municipality who is locked out now, jobseekers and employer users
    too (the staff pages list staff only)."""
    page = Paginator(locked_accounts(request.user), 50).get_page(request.GET.get("pagina"))
    return render(request, "hallowerk/admin/locked_accounts.html", {"page": page})


@admin_only
def locked_unlock(request, pk):
    """Confirm, then lift the lock (audited by the service)."""
    person = get_object_or_404(administered_accounts(request.user), pk=pk)
    if request.method == "POST":
        _act(request, "unlock", person)
        return redirect("administrator_locked_accounts")
    return render(request, "hallowerk/admin/locked_account_confirm.html", {"person": person})


# --- municipality settings ------------------------------------------------------------------

@admin_only
def municipality(request, pk=None):
    municipalities = administered_municipalities(request.user)
    if pk is None:
        if municipalities.count() != 1:
            return render(request, "hallowerk/admin/municipalities.html",
                          {"municipalities": municipalities})
        chosen = municipalities.get()
    else:
        chosen = get_object_or_404(municipalities, pk=pk)
    form = MunicipalityForm(request.POST or None, instance=chosen)
    if request.method == "POST" and form.is_valid() and edit_saved(
            request, form=form, instance=chosen,
            saved_message=_("De instellingen zijn opgeslagen."),
            save=lambda: municipality_update(by=request.user, municipality=chosen,
                                             changes=form.changes(), request=request)):
        return redirect(request.path)
    return render(request, "hallowerk/admin/municipality.html",
                  {"form": form, "municipality": chosen})


# --- legal texts ----------------------------------------------------------------------------

@admin_only
def legal_texts(request):
    texts = LegalText.objects.order_by("kind", "-version")
    return render(request, "hallowerk/admin/legal_texts.html", {
        "kinds": [(kind, label, [t for t in texts if t.kind == kind])
                  for kind, label in LegalText.Kind.choices]})


@admin_only
def legal_text_new(request, kind):
    if kind not in LegalText.Kind.values:
        raise Http404
    latest = LegalText.objects.filter(kind=kind).order_by("-version").first()
    initial = {"body_nl": latest.body_nl, "body_en": latest.body_en} if latest else {}
    form = LegalTextForm(request.POST or None, initial=initial)
    # Started from the latest version: one published meanwhile refuses this one.
    with_edit_base(form, {"version": latest.version if latest else 0})
    if request.method == "POST" and form.is_valid():
        try:
            text = legal_text_publish(by=request.user, kind=kind, request=request,
                                      body_nl=form.cleaned_data["body_nl"],
                                      body_en=form.cleaned_data["body_en"],
                                      edit_base=posted_edit_base(form))
        except ValidationError as error:
            add_service_errors(form, error, codes=EMAIL_EXISTS)
        else:
            messages.success(request, _("Versie %(version)s is gepubliceerd.")
                             % {"version": text.version})
            return redirect("administrator_legal_texts")
    return render(request, "hallowerk/admin/legal_text_new.html", {
        "form": form, "kind_label": LegalText.Kind(kind).label, "latest": latest})


@admin_only
def legal_text_detail(request, pk):
    return render(request, "hallowerk/admin/legal_text.html",
                  {"text": get_object_or_404(LegalText, pk=pk)})
