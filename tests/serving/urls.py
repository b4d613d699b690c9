"""The site's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from hallowerk.urls import (  # noqa: F401  (Django reads the handlers from this module)
    handler400,
    handler403,
    handler404,
    handler500,
)
from hallowerk.urls import urlpatterns as site_urlpatterns


def bad_request(request):
    raise BadRequest("test")


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug (test)")


@require_POST
def post_only(request):
    return HttpResponse("ok")


urlpatterns = [
    path("test-fout/400/", bad_request),
    path("test-fout/403/", forbidden),
    path("test-fout/500/", broken),
    path("test-fout/405/", post_only),
    *site_urlpatterns,
]
