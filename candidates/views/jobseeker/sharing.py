"""The jobseeker decides whether employers may see the profile, and which employers; the
preview shows exactly what an employer sees (the employer portal's own presenter)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from candidates.forms.sharing import SHARE_NO, SHARE_YES, SharingForm
from candidates.presenters import employer_profile_view
from candidates.selectors import candidate_profile_for_viewer
from candidates.services import candidate_share
from hallowerk.models import Municipality
from hallowerk.permissions import role_required
from hallowerk.roles import Role

from ..profile_files import profile_file_url
from .common import own_candidate, posted


def _region_names(candidate) -> list[str]:
    return list(Municipality.objects.filter(
        labour_market_region=candidate.municipality.labour_market_region)
        .order_by("name").values_list("name", flat=True))


@role_required(Role.JOBSEEKER)
def sharing(request):
    candidate = own_candidate(request)
    initial = {"shared": SHARE_YES if candidate.shared_with_employers else SHARE_NO,
               "scope": candidate.sharing_scope}
    form = SharingForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        shared = form.cleaned_data["shared"] == SHARE_YES
        candidate_share(by=request.user, candidate=candidate, shared=shared,
                        scope=form.cleaned_data["scope"], request=request)
        if not shared:
            messages.success(request, _("Opgeslagen. Werkgevers zien uw profiel niet."))
        elif candidate.is_visible_to_employers:
            messages.success(request, _("Opgeslagen. Werkgevers kunnen uw profiel nu zien."))
        else:
            messages.warning(request, _("Opgeslagen. Werkgevers zien uw profiel toch nog niet: "
                                        "lees hieronder waarom."))
        return redirect("candidates:jobseeker_sharing")
    return render(request, "candidates/jobseeker/sharing.html", {
        "candidate": candidate, "form": form, "region_names": _region_names(candidate),
        "all_names": list(Municipality.objects.order_by("name").values_list("name", flat=True)),
    })


@role_required(Role.JOBSEEKER)
def preview(request):
    candidate = candidate_profile_for_viewer(request.user, own_candidate(request).pk)
    sections = employer_profile_view(candidate, request.user, file_url=profile_file_url)
    return render(request, "candidates/jobseeker/preview.html",
                  {"candidate": candidate, "sections": sections})
