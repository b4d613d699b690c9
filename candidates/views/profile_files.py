"""The only way a stored photo or CV leaves the server: for viewers who may see the candidate.

The jobseeker themself, staff and employers who see the candidate through
Candidate.objects.visible_to(); whoever gets the employer's view only when the field
catalogue lets employers see the file. Anyone else — or a crafted id — gets a 404. Reads by
others than the jobseeker are audited.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.text import slugify

from candidates.models import Candidate
from candidates.publication_hold import held_parts
from candidates.selectors import candidate_for_viewer, candidate_sees_as_employer
from candidates.uploads import content_type_for
from privacy.audit import audit_record
from privacy.catalogue import EmployerVisibility, field_spec
from privacy.models import AuditAction

# URL word → Profile field
FILE_FIELDS = {"foto": "photo", "cv": "cv"}
URL_WORD = {field: word for word, field in FILE_FIELDS.items()}


def profile_file_url(candidate: Candidate, field_name: str) -> str:
    """For employer_profile_view(file_url=...): the link that serves the photo or CV."""
    return reverse("candidates:profile_file",
                   kwargs={"pk": candidate.pk, "field": URL_WORD[field_name]})


@login_required
def profile_file(request, pk, field):
    field_name = FILE_FIELDS.get(field)
    if field_name is None:
        raise Http404("No such file.")
    candidate = candidate_for_viewer(request.user, pk)
    if candidate_sees_as_employer(request.user, candidate) and (
            field_spec("candidates.Profile", field_name).employer == EmployerVisibility.NEVER
            # held for the coach's review (candidates/publication_hold.py), as in the
            # employer's own file address
            or field_name in held_parts(candidate)):
        raise Http404("Employers do not see this file.")
    profile = getattr(candidate, "profile", None)
    stored = getattr(profile, field_name, None) if profile is not None else None
    if not stored:
        raise Http404("No file.")
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is gone.") from error
    if candidate.user_id != request.user.pk:
        audit_record(action=AuditAction.PROFILE_VIEWED, actor=request.user, request=request,
                     target=candidate, data={"file": field_name})
    extension = stored.name.rsplit(".", 1)[-1].lower()
    download_name = f"{field}-{slugify(candidate.full_name) or candidate.pk}.{extension}"
    response = FileResponse(handle, content_type=content_type_for(stored.name),
                            as_attachment=field_name == "cv", filename=download_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Nothing in a served file may run or load anything, whatever a browser thinks it is.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
