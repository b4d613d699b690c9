from django.shortcuts import render
from django.utils.translation import get_language

from privacy.models import LegalText


def _latest(request, kind, template):
    text = LegalText.objects.filter(kind=kind).order_by("-version").first()
    return render(request, template, {"text": text,
                                      "body": text.body(get_language()) if text else ""})


def privacy_statement(request):
    return _latest(request, LegalText.Kind.PRIVACY, "privacy/statement.html")


def terms(request):
    return _latest(request, LegalText.Kind.TERMS, "privacy/terms.html")
