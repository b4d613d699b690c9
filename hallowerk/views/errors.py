"""Our own error pages (issue 12): in the site's layout, in the visitor's language, with the
request id so a support question can be matched to the log. Without them a 404 showed
Django's bare English "Not Found".
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token

from hallowerk.request_id import current_request_id

PAGES = {
    400: (_("Dit verzoek klopt niet"),
          _("De website kon uw verzoek niet lezen. Ga terug en probeer het opnieuw.")),
    403: (_("Geen toegang"),
          _("U mag deze pagina niet bekijken. Denkt u dat dit niet klopt? Neem contact op "
            "met uw contactpersoon bij de gemeente.")),
    404: (_("Pagina niet gevonden"),
          _("Deze pagina bestaat niet (meer). Misschien is de link oud of staat er een "
            "typfout in het adres.")),
    405: (_("Dit kan zo niet"),
          _("Deze pagina kan dit verzoek niet verwerken. Ga terug en gebruik de knoppen op "
            "de pagina.")),
    500: (_("Er ging iets mis"),
          _("Er ging bij ons iets mis. Probeer het over een paar minuten opnieuw. Gaat het "
            "steeds mis? Geef dan het kenmerk hieronder door aan de gemeente.")),
    # A NUL character in an address or a form (hallowerk/input_guard.py).
    "nul": (_("Er staat een teken in dat niet kan"),
            _("In wat u heeft ingevuld of in het adres staat een onzichtbaar teken (een "
              "nulteken) dat wij niet kunnen opslaan. Er is niets opgeslagen. Ga terug, typ de "
              "tekst opnieuw in plaats van hem te plakken, en probeer het nog een keer.")),
    "csrf": (_("Het formulier is verlopen"),
             _("Uw gegevens zijn niet opgeslagen, omdat het formulier te lang open stond of "
               "cookies uit staan. Laad de pagina opnieuw en probeer het nog een keer.")),
}


def _context(kind, status: int) -> dict:
    title, explanation = PAGES[kind]
    return {"title": title, "explanation": explanation, "status": status,
            "request_id": current_request_id()}


def error_page(request, status: int, kind=None) -> HttpResponse:
    return render(request, "errors/error.html", _context(kind or status, status), status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return error_page(request, 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return error_page(request, 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return error_page(request, 404)


def server_error(request):
    """Without the request's context processors: they read the user, the session and the
    municipality, and the failure may be the database itself."""
    return HttpResponse(render_to_string("errors/500.html", _context(500, 500)), status=500)


def csrf_failure(request, reason=""):
    return error_page(request, 403, kind="csrf")
