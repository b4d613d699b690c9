"""The registers generated from the code: the processing register (administrators) and the
matching's algorithm-register entry (public)."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language

from hallowerk.models import Municipality
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.registers.algorithm import algorithm_entry
from privacy.registers.processing import processing_register, register_csv, register_pdf
from privacy.views.jobseeker import download


@role_required(Role.ADMINISTRATOR)
def processing_register_page(request):
    return render(request, "privacy/registers/processing.html",
                  {"register": processing_register(get_language())})


@role_required(Role.ADMINISTRATOR)
def processing_register_download(request, kind):
    register = processing_register(get_language())
    stamp = timezone.localdate().isoformat()
    if kind == "csv":
        return download(register_csv(register).encode(), f"verwerkingsregister-{stamp}.csv",
                        "text/csv; charset=utf-8")
    return download(register_pdf(register, base_url=request.build_absolute_uri("/")),
                    f"verwerkingsregister-{stamp}.pdf", "application/pdf")


def algorithm_register_index(request):
    return render(request, "privacy/registers/algorithm_index.html",
                  {"municipalities": Municipality.objects.order_by("name")})


def algorithm_register_page(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    return render(request, "privacy/registers/algorithm.html", {
        "entry": algorithm_entry(municipality, get_language()), "municipality": municipality})


def algorithm_register_json(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    response = JsonResponse(algorithm_entry(municipality, get_language()).as_data(),
                            json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # public data, meant to be republished
    return response
