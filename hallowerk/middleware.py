import logging
import time

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from hallowerk.request_id import new_request_id, request_id_reset, request_id_set
from hallowerk.request_memo import request_memo_scope

request_log = logging.getLogger("hallowerk.requests")

# Reachable while the second factor is still missing: the 2FA pages themselves,
# logging out, switching language and static files.
_OPEN_PREFIXES = ("/2fa/", "/account/logout/", "/i18n/", "/static/")


class RequireTwoFactorMiddleware:
    """After the password step, staff and employer users see only enrolment or verification."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (user.is_authenticated and not user.is_verified()
                and not request.path.startswith(_OPEN_PREFIXES)):
            from django_otp import user_has_device

            from hallowerk.accounts.twofactor import two_factor_required

            if two_factor_required(user):
                if user_has_device(user, confirmed=True):
                    return redirect(f"{reverse('twofactor_verify')}?next={request.path}")
                return redirect("twofactor_setup")
        return self.get_response(request)


class RoleSessionExpiryMiddleware:
    """Staff sessions end after a shorter period of inactivity than jobseekers' sessions."""

    def __init__(self, get_response):
        self.get_response = get_response

    # Refreshing the expiry writes the session; once a minute is enough for a sliding
    # 30-minute timeout and spares a database write on every page.
    REFRESH_SECONDS = 60

    def __call__(self, request):
        if request.user.is_authenticated and request.user.is_municipal_staff:
            now = int(time.time())
            if now - request.session.get("_staff_expiry_refreshed", 0) >= self.REFRESH_SECONDS:
                request.session["_staff_expiry_refreshed"] = now
                request.session.set_expiry(settings.STAFF_SESSION_SECONDS)
        return self.get_response(request)


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Dutch unless the person chose English with the language switch.

    The browser's Accept-Language is ignored on purpose: many of our users have a phone set
    to another language but read Dutch best in plain wording, and the switch is on every page.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class RequestIdMiddleware:
    """Gives each request an id (kept from X-Request-ID when valid), sends it back in the
    response header and writes one log line per request: method, URL pattern, status and time.

    The URL *pattern* is logged, not the address: addresses carry ids and query strings carry
    search words, neither of which belongs in a log (no personal data, issue 12)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = new_request_id(request.headers.get("X-Request-ID"))
        token = request_id_set(request.id)
        started = time.monotonic()
        try:
            with request_memo_scope():
                response = self.get_response(request)
            response["X-Request-ID"] = request.id
            level = logging.ERROR if response.status_code >= 500 else logging.INFO
            request_log.log(level, "%s %s %s %.0fms", request.method, _route(request),
                            response.status_code, (time.monotonic() - started) * 1000)
            # This line replaces Django's "Not Found: /address" warning, which would be
            # written after the id is gone and with the address. (An exception was already
            # logged where it happened, with its traceback and this id.)
            response._has_been_logged = True
            return response
        finally:
            request_id_reset(token)


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match and match.route else "(no route)"


class MethodNotAllowedPageMiddleware:
    """Django answers a wrong method (GET on a POST-only address) with an empty 405; this gives
    it our own page. The Allow header stays."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            from hallowerk.views.errors import error_page

            page = error_page(request, 405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


class NoStoreMiddleware:
    """No page of ours may be kept by a browser or a proxy cache: most carry personal data,
    and a shared computer (library, job centre) or a cache in between must not show one to
    the next person. Placed after WhiteNoise, so static files keep their long caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "no-store" not in response.get("Cache-Control", ""):
            if response.has_header("Cache-Control"):
                patch_cache_control(response, no_store=True, private=True)
            else:
                response["Cache-Control"] = "no-store"
        return response
