"""The jobseeker's own privacy pages: my data (download), who viewed my profile."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django_otp import user_has_device

from candidates.models import Candidate
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.access_log import profile_views
from privacy.audit import audit_export
from privacy.export import candidate_export
from privacy.models import RetentionNotice
from privacy.tips.selectors import tips_opted_out

UPLOADS = {"foto": "photo", "cv": "cv"}


def own_candidate(request) -> Candidate:
    return get_object_or_404(Candidate.objects.visible_to(request.user)
                             .select_related("profile"))


def download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@role_required(Role.JOBSEEKER)
def my_data(request):
    candidate = own_candidate(request)
    profile = getattr(candidate, "profile", None)
    uploads = [(slug, field) for slug, field in UPLOADS.items()
               if profile is not None and getattr(profile, field)]
    return render(request, "privacy/jobseeker/my_data.html", {
        "candidate": candidate, "uploads": uploads,
        "notice": RetentionNotice.objects.filter(candidate=candidate).first(),
        "tips_on": not tips_opted_out(request.user),
        # Jobseekers may switch two-step verification on; nobody forces them (issue 2).
        "two_factor_on": user_has_device(request.user, confirmed=True)})


@role_required(Role.JOBSEEKER)
def my_data_export(request, kind):
    candidate = own_candidate(request)
    return download(*candidate_export(by=request.user, candidate=candidate, kind=kind,
                                      base_url=absolute_url(),
                                      request=request))


@role_required(Role.JOBSEEKER)
def my_upload(request, slug):
    """The person's own photo or CV, as part of their copy of their data."""
    if slug not in UPLOADS:
        raise Http404
    profile = getattr(own_candidate(request), "profile", None)
    upload = getattr(profile, UPLOADS[slug], None) if profile else None
    if not upload:
        raise Http404
    try:
        handle = upload.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    audit_export(actor=request.user, kind=f"own_upload_{UPLOADS[slug]}",
                 target=profile.candidate, request=request)
    extension = upload.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(handle, as_attachment=True, filename=f"{slug}.{extension}")
    response["Cache-Control"] = "no-store"
    return response


@role_required(Role.JOBSEEKER)
def who_viewed(request):
    candidate = own_candidate(request)
    page = Paginator(profile_views(candidate), 25).get_page(request.GET.get("pagina"))
    return render(request, "privacy/jobseeker/who_viewed.html", {"page": page})
