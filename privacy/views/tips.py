"""Tip e-mails: on or off in the settings, and off through the link in every mail."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.forms import TipsPreferenceForm
from privacy.tips.optout import tips_user_from_token
from privacy.tips.selectors import tips_opted_out
from privacy.tips.services import tips_preference_set


@role_required(Role.JOBSEEKER)
def tips_settings(request):
    form = TipsPreferenceForm(request.POST if request.method == "POST" else None,
                              initial={"tips": not tips_opted_out(request.user)})
    if request.method == "POST" and form.is_valid():
        wanted = form.cleaned_data["tips"]
        tips_preference_set(by=request.user, user=request.user, opted_out=not wanted,
                            request=request)
        messages.success(request, _("U krijgt weer tips per e-mail.") if wanted
                         else _("U krijgt geen tips meer per e-mail."))
        return redirect("privacy:tips_settings")
    return render(request, "privacy/tips/settings.html", {"form": form})


# Mail programs send a one-click unsubscribe (RFC 8058) as a POST without a CSRF token; the
# signed token in the address is what proves who it is, and it can only switch tips off.
@csrf_exempt
def tips_optout(request, token):
    user = tips_user_from_token(token)
    if user is None:
        raise Http404
    if request.method == "POST":
        tips_preference_set(by=user, user=user, opted_out=True, request=request)
        return render(request, "privacy/tips/optout_done.html")
    # A GET changes nothing: mail scanners open links too.
    return render(request, "privacy/tips/optout.html", {"opted_out": tips_opted_out(user)})
