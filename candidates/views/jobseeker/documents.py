from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import get_language

from candidates.cv_pdf import cv_pdf_render
from candidates.profile_services import profile_get_or_create
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.audit import audit_export

from .common import own_candidate


@role_required(Role.JOBSEEKER)
def cv_download(request):
    """The jobseeker's own profile as a PDF CV."""
    candidate = own_candidate(request)
    profile_get_or_create(candidate=candidate)
    pdf = cv_pdf_render(candidate, get_language() or "nl")
    audit_export(actor=request.user, kind="cv_pdf", target=candidate, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(candidate.full_name) or "profiel"
    response["Content-Disposition"] = f'attachment; filename="cv-{name}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
