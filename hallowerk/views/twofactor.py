import base64

import qrcode
import qrcode.image.svg
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import user_has_device

from hallowerk.accounts.reenrolment import (
    enrolment_allowed,
    enrolment_link_open,
    enrolment_link_pending,
    enrolment_link_state,
)
from hallowerk.accounts.twofactor import (
    two_factor_enroll_confirm,
    two_factor_is_locked,
    two_factor_pending_device,
    two_factor_verify,
)
from hallowerk.forms.accounts import TokenForm


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _locked_out(request):
    """Locked: the half-logged-in session ends, so the password step starts over."""
    logout(request)
    return render(request, "account/locked_out.html", status=429)


@login_required
def setup(request):
    if user_has_device(request.user, confirmed=True):
        return redirect("twofactor_verify")
    if two_factor_is_locked(request):
        return _locked_out(request)
    if not enrolment_allowed(request):
        # After a reset: no secret, no QR code, no enrolment before the mailed link is opened.
        return render(request, "twofactor/reenrol_needed.html", {
            "state": enrolment_link_state(enrolment_link_pending(request.user))}, status=403)
    device = two_factor_pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor_enroll_confirm(request=request, device=device,
                                          token=form.cleaned_data["token"])
        if codes:
            return render(request, "twofactor/backup_codes.html", {"codes": codes})
        if two_factor_is_locked(request):
            return _locked_out(request)
        form.add_error("token", "De code klopt niet. Kijk in de app en probeer het opnieuw.")
    secret = base64.b32encode(device.bin_key).decode()
    return render(request, "twofactor/setup.html", {
        "form": form, "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
    })


@login_required
def verify(request):
    if not user_has_device(request.user, confirmed=True):
        return redirect("twofactor_setup")
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if two_factor_is_locked(request):
        return _locked_out(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor_verify(request=request, token=form.cleaned_data["token"]):
            return redirect(next_url or "start")
        if two_factor_is_locked(request):
            return _locked_out(request)
        form.add_error("token", "De code klopt niet. Kijk in de app en probeer het opnieuw.")
    return render(request, "twofactor/verify.html", {"form": form, "next": next_url})


@login_required
@require_http_methods(["GET", "POST"])
def reenrol(request, token):
    """The link from the mail after a reset. It needs the account's own login first (so it
    logs nobody in), asks before it is used up (a mail scanner only ever GETs), and then
    lets this session set up the new app."""
    if request.method == "POST":
        if enrolment_link_open(request=request, token=token):
            return redirect("twofactor_setup")
        return render(request, "twofactor/reenrol_unusable.html", status=404)
    link = enrolment_link_pending(request.user)
    if link is None or enrolment_link_state(link) != "waiting":
        return render(request, "twofactor/reenrol_unusable.html", status=404)
    return render(request, "twofactor/reenrol_open.html")
