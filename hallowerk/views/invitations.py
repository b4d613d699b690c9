from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from hallowerk.accounts.invitations import current_terms, invitation_accept, invitation_by_token
from hallowerk.forms.accounts import InvitationAcceptForm


def accept(request, token):
    invitation = invitation_by_token(token)
    if invitation is None:
        raise Http404
    context = {"invitation": invitation, "terms": current_terms()}
    if not invitation.is_usable:
        return render(request, "account/invitation_unusable.html", context, status=410)
    form = InvitationAcceptForm(request.POST or None, user=invitation.user)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(invitation=invitation,
                                     password=form.cleaned_data["password1"], request=request)
        except ValidationError:  # accepted or withdrawn a moment ago, in another request
            return render(request, "account/invitation_unusable.html", context, status=410)
        login(request, user, backend="hallowerk.accounts.backend.AuthenticationBackend")
        return redirect("start")
    context["form"] = form
    return render(request, "account/invitation_accept.html", context)
