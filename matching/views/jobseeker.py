"""The jobseeker's "vacancies that may suit you", with a word on each suggestion."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers.models import Vacancy
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from matching.forms import FeedbackForm
from matching.selectors import candidate_for_matching, vacancy_suggestions, weights_for
from matching.services import suggestion_feedback_give

from .common import weights_table


def _page(request, candidate, bound: dict | None = None, status: int = 200):
    suggestions = vacancy_suggestions(viewer=request.user, candidate=candidate)
    for suggestion in suggestions:
        given = suggestion.feedback
        suggestion.form = (bound or {}).get(suggestion.vacancy.pk) or FeedbackForm(
            prefix=f"v{suggestion.vacancy.pk}",
            initial={"verdict": given.verdict, "reason": given.reason} if given else None)
    profile = getattr(candidate, "profile", None)
    return render(request, "matching/jobseeker/suggestions.html", {
        "suggestions": suggestions,
        "has_wishes": profile is not None and (profile.preferred_occupations.all()
                                               or profile.sectors.all()),
        "weights": weights_table(weights_for(candidate.municipality)),
    }, status=status)


@role_required(Role.JOBSEEKER)
def suggestions(request):
    return _page(request, candidate_for_matching(request.user))


@require_POST
@role_required(Role.JOBSEEKER)
def feedback(request, vacancy_pk):
    candidate = candidate_for_matching(request.user)
    vacancy = get_object_or_404(Vacancy.objects.visible_to(request.user), pk=vacancy_pk)
    form = FeedbackForm(request.POST, prefix=f"v{vacancy.pk}")
    if form.is_valid():
        try:
            suggestion_feedback_give(by=request.user, candidate=candidate, vacancy=vacancy,
                                     verdict=form.cleaned_data["verdict"],
                                     reason=form.cleaned_data["reason"], request=request)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Bedankt voor uw reactie. Uw werkmatcher ziet die "
                                        "ook."))
            return redirect(f"{reverse('matching:jobseeker_suggestions')}#vacature-{vacancy.pk}")
    return _page(request, candidate, bound={vacancy.pk: form}, status=400)
