"""Employers: vet and invite (KvK number first), edit, invite their users, deactivate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from employers.forms.account_manager import (
    EmployerForm,
    EmployerInviteForm,
    EmployerSearchForm,
    EmployerUserInviteForm,
    KvkLookupForm,
)
from employers.kvk import KvkLookupError, kvk_lookup
from employers.models import Employer, Vacancy
from employers.services import (
    EMPLOYER_EDITABLE_FIELDS,
    employer_deactivate,
    employer_invite,
    employer_update,
    employer_user_invite,
)
from hallowerk.edit_base import instance_values, posted_edit_base, with_edit_base
from hallowerk.forms.service_errors import add_service_errors, edit_saved
from hallowerk.models import Invitation, User
from hallowerk.permissions import role_required
from hallowerk.roles import Role

from .common import employer_or_404, page_of


@role_required(Role.ACCOUNT_MANAGER)
def employer_list(request):
    form = EmployerSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    employers = Employer.objects.visible_to(request.user)
    text = (filters.get("q") or "").strip()
    if text:
        employers = employers.filter(Q(name__icontains=text) | Q(kvk_number=text.replace(" ", "")))
    if filters.get("active") in ("yes", "no"):
        employers = employers.filter(is_active=filters["active"] == "yes")
    page = page_of(request, employers.order_by("name", "id"))
    page.object_list = _with_counts(employers, list(page.object_list))
    return render(request, "employers/account_manager/employer_list.html",
                  {"form": form, "page": page})


def _with_counts(visible, employers: list[Employer]) -> list[Employer]:
    """Users and published vacancies, counted for the employers on the page only (read
    through the same scoped queryset `visible`): counted for every employer of the
    municipality before paging, the list cost ~100 ms of PostgreSQL at 500,000 candidates
    (issue 11)."""
    counted = (visible.filter(pk__in=[employer.pk for employer in employers])
               .annotate(user_count=Count("users", distinct=True),
                         published_count=Count("vacancies", distinct=True, filter=Q(
                             vacancies__status=Vacancy.Status.PUBLISHED)))
               .values_list("pk", "user_count", "published_count"))
    counts = {pk: (users, published) for pk, users, published in counted}
    for employer in employers:
        employer.user_count, employer.published_count = counts[employer.pk]
    return employers


@role_required(Role.ACCOUNT_MANAGER)
def employer_invite_start(request):
    """Step 1: the KvK number. The company data comes from the register in step 2."""
    form = KvkLookupForm(request.POST or None, municipality_id=request.user.municipality_id)
    if request.method == "POST" and form.is_valid():
        query = urlencode({"kvk": form.cleaned_data["kvk_number"]})
        return redirect(f"{reverse('employers:am_employer_invite_details')}?{query}")
    return render(request, "employers/account_manager/employer_invite_start.html", {
        "form": form, "existing": form.existing_employer})


def _company_initial(kvk_number: str) -> tuple[dict, str, bool]:
    """(initial form data, a message about the lookup, whether the register says the company
    has ended)."""
    try:
        company = kvk_lookup(kvk_number)
    except KvkLookupError as error:
        return {"kvk_number": kvk_number}, error.user_message, False
    initial = {"kvk_number": company.kvk_number, "name": company.name,
               "address": company.street_address, "postcode": company.postcode,
               "city": company.city}
    if not company.is_active:
        return initial, _("Volgens het KvK-register bestaat dit bedrijf niet meer. Nodig het "
                          "alleen uit als u zeker weet dat dat niet klopt."), True
    return initial, "", False


@role_required(Role.ACCOUNT_MANAGER)
def employer_invite_details(request):
    """Step 2: the company data from the register, to check and complete; the contact person;
    and whether to invite them right away."""
    municipality_id = request.user.municipality_id
    if request.method == "POST":
        form = EmployerInviteForm(request.POST, municipality_id=municipality_id)
        lookup_message, ended = "", False
        if form.is_valid():
            data = form.cleaned_data
            try:
                employer, user = employer_invite(
                    by=request.user, request=request, kvk_number=data["kvk_number"],
                    invite_contact=data["invite_contact"],
                    **{field: data[field] for field in form.Meta.fields if field != "kvk_number"})
            except ValidationError as error:
                add_service_errors(form, error, codes={"exists": "contact_email"})
            else:
                text = _("%(name)s doet nu mee.") % {"name": employer.name}
                if user is not None:
                    text += " " + _("%(email)s heeft een uitnodiging gekregen.") % {
                        "email": user.email}
                messages.success(request, text)
                return redirect("employers:am_employer", pk=employer.pk)
    else:
        kvk_form = KvkLookupForm({"kvk_number": request.GET.get("kvk", "")},
                                 municipality_id=municipality_id)
        if not kvk_form.is_valid():
            return render(request, "employers/account_manager/employer_invite_start.html", {
                "form": kvk_form, "existing": kvk_form.existing_employer})
        initial, lookup_message, ended = _company_initial(kvk_form.cleaned_data["kvk_number"])
        form = EmployerInviteForm(initial=initial, municipality_id=municipality_id)
    return render(request, "employers/account_manager/employer_invite_details.html", {
        "form": form, "lookup_message": lookup_message, "ended": ended})


def _users_with_invitations(employer: Employer):
    users = list(User.objects.filter(employer=employer).order_by("first_name", "last_name"))
    latest = {}
    for invitation in Invitation.objects.filter(user__in=users).order_by("created_at", "id"):
        latest[invitation.user_id] = invitation
    return [(user, latest.get(user.pk)) for user in users]


def _render_detail(request, employer, *, user_form=None):
    return render(request, "employers/account_manager/employer_detail.html", {
        "employer": employer,
        "users": _users_with_invitations(employer),
        "vacancies": employer.vacancies.select_related("occupation").order_by("-created_at"),
        "user_form": user_form or EmployerUserInviteForm(),
    })


@role_required(Role.ACCOUNT_MANAGER)
def employer_detail(request, pk):
    return _render_detail(request, employer_or_404(request, pk))


@role_required(Role.ACCOUNT_MANAGER)
def employer_edit(request, pk):
    employer = employer_or_404(request, pk)
    form = EmployerForm(request.POST or None, instance=employer)
    with_edit_base(form, instance_values(employer, EMPLOYER_EDITABLE_FIELDS))
    if request.method == "POST" and form.is_valid() and edit_saved(
            request, form=form, instance=employer, saved_message=_("De gegevens zijn opgeslagen."),
            save=lambda: employer_update(by=request.user, employer=employer,
                                         changes=form.changes(), request=request,
                                         edit_base=posted_edit_base(form))):
        return redirect("employers:am_employer", pk=employer.pk)
    return render(request, "employers/account_manager/employer_edit.html",
                  {"employer": employer, "form": form})


@role_required(Role.ACCOUNT_MANAGER)
def employer_user_add(request, pk):
    employer = employer_or_404(request, pk)
    if request.method != "POST":
        return redirect("employers:am_employer", pk=employer.pk)
    form = EmployerUserInviteForm(request.POST)
    if form.is_valid():
        try:
            user = employer_user_invite(by=request.user, employer=employer, request=request,
                                        **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error, codes={"exists": "email"})
        else:
            messages.success(request, _("%(email)s heeft een uitnodiging gekregen.")
                             % {"email": user.email})
            return redirect("employers:am_employer", pk=employer.pk)
    return _render_detail(request, employer, user_form=form)


@role_required(Role.ACCOUNT_MANAGER)
def employer_stop(request, pk):
    """Confirm, then deactivate: its people lose access at once."""
    employer = employer_or_404(request, pk)
    if request.method == "POST":
        employer_deactivate(by=request.user, employer=employer, request=request)
        messages.success(request, _("%(name)s doet niet meer mee. De mensen van dit bedrijf "
                                    "kunnen niet meer inloggen.") % {"name": employer.name})
        return redirect("employers:am_employer", pk=employer.pk)
    return render(request, "employers/account_manager/employer_stop.html",
                  {"employer": employer,
                   "user_count": employer.users.filter(is_active=True).count()})
