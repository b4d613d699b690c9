"""Vacancies the account manager posts for the municipality's employers, and the responses."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.models import VacancyResponse
from employers.forms.account_manager import VacancyFilterForm, VacancyForm
from employers.models import Vacancy
from employers.services import (
    VACANCY_EDITABLE_FIELDS,
    vacancy_close,
    vacancy_create,
    vacancy_publish,
    vacancy_update,
)
from hallowerk.edit_base import instance_values, posted_edit_base, with_edit_base
from hallowerk.forms.service_errors import add_service_errors, edit_saved
from hallowerk.permissions import role_required
from hallowerk.roles import Role

from .common import employer_or_404, page_of, vacancy_or_404


@role_required(Role.ACCOUNT_MANAGER)
def vacancy_list(request):
    form = VacancyFilterForm(request.GET or None)
    vacancies = Vacancy.objects.visible_to(request.user).select_related("employer")
    if form.is_valid() and form.cleaned_data["status"]:
        vacancies = vacancies.filter(status=form.cleaned_data["status"])
    vacancies = vacancies.order_by("-created_at", "-id")
    return render(request, "employers/account_manager/vacancy_list.html",
                  {"form": form, "page": page_of(request, vacancies)})


@role_required(Role.ACCOUNT_MANAGER)
def vacancy_new(request, employer_pk):
    employer = employer_or_404(request, employer_pk)
    if not employer.is_active:
        messages.error(request, _("Deze werkgever doet niet meer mee; u kunt geen vacature "
                                  "toevoegen."))
        return redirect("employers:am_employer", pk=employer.pk)
    form = VacancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = vacancy_create(by=request.user, employer=employer,
                                     fields=form.fields_for_service(), request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De vacature is opgeslagen als concept. Publiceer "
                                        "haar om werkzoekenden haar te laten zien."))
            return redirect("employers:am_vacancy", pk=vacancy.pk)
    return render(request, "employers/account_manager/vacancy_form.html",
                  {"form": form, "employer": employer, "vacancy": None})


@role_required(Role.ACCOUNT_MANAGER)
def vacancy_edit(request, pk):
    vacancy = vacancy_or_404(request, pk)
    form = VacancyForm(request.POST or None, instance=vacancy)
    with_edit_base(form, instance_values(vacancy, VACANCY_EDITABLE_FIELDS))
    if request.method == "POST" and form.is_valid() and edit_saved(
            request, form=form, instance=vacancy, saved_message=_("De vacature is opgeslagen."),
            save=lambda: vacancy_update(by=request.user, vacancy=vacancy,
                                        fields=form.fields_for_service(), request=request,
                                        edit_base=posted_edit_base(form))):
        return redirect("employers:am_vacancy", pk=vacancy.pk)
    return render(request, "employers/account_manager/vacancy_form.html",
                  {"form": form, "employer": vacancy.employer, "vacancy": vacancy})


@role_required(Role.ACCOUNT_MANAGER)
def vacancy_detail(request, pk):
    vacancy = vacancy_or_404(request, pk)
    responses = (VacancyResponse.objects.visible_to(request.user).filter(vacancy=vacancy)
                 .select_related("candidate").order_by("-created_at"))
    return render(request, "employers/account_manager/vacancy_detail.html", {
        "vacancy": vacancy, "page": page_of(request, responses)})


@role_required(Role.ACCOUNT_MANAGER)
@require_POST
def vacancy_status(request, pk):
    vacancy = vacancy_or_404(request, pk)
    action = request.POST.get("action")
    try:
        if action == "publish":
            vacancy_publish(by=request.user, vacancy=vacancy, request=request)
            messages.success(request, _("De vacature is gepubliceerd. Werkzoekenden van uw "
                                        "gemeente zien haar nu."))
        elif action == "close":
            vacancy_close(by=request.user, vacancy=vacancy, request=request)
            messages.success(request, _("De vacature is gesloten. Werkzoekenden zien haar "
                                        "niet meer."))
        else:
            messages.error(request, _("Kies publiceren of sluiten."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("employers:am_vacancy", pk=vacancy.pk)
