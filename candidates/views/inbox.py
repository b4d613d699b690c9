"""The inbox, one for everyone who talks with candidates: the jobseeker, their coach and
employer users. Participants only: anyone else gets a 404 for a thread."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from candidates.selectors_messaging import thread_for_participant, thread_messages, threads_for
from candidates.services_messaging import message_send, thread_mark_read
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role

from ..models.messaging import MESSAGE_MAX_LENGTH

PARTICIPANTS = (Role.JOBSEEKER, Role.COACH, Role.EMPLOYER)


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Uw bericht"), widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Maximaal 5000 tekens. Zet geen gegevens over uw gezondheid in een bericht."),
        error_messages={"required": _("Schrijf eerst een bericht."),
                        "max_length": _("Uw bericht is te lang: maximaal %(limit_value)d "
                                        "tekens (nu %(show_value)d).")})


@role_required(*PARTICIPANTS)
def inbox(request):
    return render(request, "candidates/inbox/list.html",
                  {"threads": threads_for(request.user)[:200]})


@role_required(*PARTICIPANTS)
def thread_detail(request, pk):
    thread = thread_for_participant(request.user, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and thread.candidate_visible and form.is_valid():
        try:
            message_send(by=request.user, thread=thread, body=form.cleaned_data["body"],
                         request=request)
        except ValidationError as error:
            add_service_errors(form, error, default="body")
        else:
            return redirect("candidates:thread", pk=thread.pk)
    thread_mark_read(user=request.user, thread=thread)
    return render(request, "candidates/inbox/thread.html", {
        "thread": thread, "form": form,
        "messages_in_thread": thread_messages(user=request.user, thread=thread),
    })
