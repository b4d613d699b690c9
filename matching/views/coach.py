"""The coach's view: the same suggestions as the jobseeker's, to discuss together."""

from django.shortcuts import render

from candidates.models import Candidate
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from matching.ranking import matchable_candidates
from matching.selectors import candidate_for_matching, vacancy_suggestions, weights_for
from privacy.audit import audit_profile_viewed

from .common import weights_table

CASELOAD_LIMIT = 300


@role_required(Role.COACH)
def index(request):
    caseload = (matchable_candidates(Candidate.objects.visible_to(request.user))
                .filter(responsible_coach=request.user).order_by("last_name", "first_name", "id"))
    return render(request, "matching/coach/index.html",
                  {"candidates": caseload[:CASELOAD_LIMIT], "limit": CASELOAD_LIMIT})


@role_required(Role.COACH)
def suggestions(request, candidate_pk):
    candidate = candidate_for_matching(request.user, candidate_pk)
    # The explanations are read from the profile: a read of personal data by staff.
    audit_profile_viewed(viewer=request.user, candidate=candidate, request=request)
    return render(request, "matching/coach/suggestions.html", {
        "candidate": candidate,
        "suggestions": vacancy_suggestions(viewer=request.user, candidate=candidate),
        "weights": weights_table(weights_for(candidate.municipality)),
    })
