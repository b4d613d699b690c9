from django.shortcuts import render
from django.utils.translation import get_language

from hallowerk.models import Municipality
from privacy.models import LegalText
from privacy.statement import privacy_statement as build_statement


def privacy_statement(request):
    """Generated from the field catalogue and the retention rules; it informs, nobody
    accepts it (the terms of use are separate)."""
    return render(request, "privacy/statement.html", {
        "statement": build_statement(get_language()),
        "municipalities": Municipality.objects.order_by("name"),
    })


def terms(request):
    text = LegalText.objects.filter(kind=LegalText.Kind.TERMS).order_by("-version").first()
    return render(request, "privacy/terms.html", {
        "text": text, "body": text.body(get_language()) if text else ""})
