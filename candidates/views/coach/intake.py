"""Intake: one candidate by form, or many from a CSV export of the client system."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from candidates.forms.coach import ImportForm, IntakeForm
from candidates.intake_import import (
    IMPORT_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportFileError,
    intake_csv_read,
    intake_import,
)
from candidates.services import candidate_intake_create
from hallowerk.forms.service_errors import add_service_errors
from hallowerk.permissions import role_required
from hallowerk.roles import Role

# The uploaded file waits in the session between the preview and the import, so the coach
# does not have to choose it again; it is removed as soon as it is imported or replaced.
SESSION_KEY = "coach_intake_import"


@role_required(Role.COACH)
def intake(request):
    form = IntakeForm(request.POST or None, municipality_id=request.user.municipality_id,
                      viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate, _token = candidate_intake_create(
                by=request.user, request=request, **{
                    **data, "responsible_coach": data["responsible_coach"] or request.user})
        except ValidationError as error:
            # invitation_create: "exists" means the e-mail address already has an account.
            add_service_errors(form, error, codes={"exists": "email"})
        else:
            messages.success(request, _(
                "%(name)s is ingeschreven. De uitnodiging is verstuurd naar %(email)s.")
                % {"name": candidate.full_name, "email": candidate.email})
            return redirect("candidates:coach_candidate", pk=candidate.pk)
    return render(request, "candidates/coach/intake.html", {"form": form})


def _context(**extra):
    return {"columns": IMPORT_COLUMNS, "max_rows": MAX_ROWS,
            "max_kb": MAX_FILE_BYTES // 1000, **extra}


@role_required(Role.COACH)
def intake_import_upload(request):
    """Step 1 and 2: choose a file, see per row what the import will do."""
    posted = request.method == "POST"
    form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            form.add_error("file", _(
                "Het bestand is te groot (%(size)s kB). Het mag maximaal %(max)s kB zijn. "
                "Splits het bestand in delen.") % {"size": upload.size // 1000,
                                                   "max": MAX_FILE_BYTES // 1000})
        else:
            data = upload.read()
            try:
                rows = intake_csv_read(data)
            except ImportFileError as error:
                form.add_error("file", error.user_message)
            else:
                results = intake_import(by=request.user, rows=rows, dry_run=True,
                                        request=request)
                request.session[SESSION_KEY] = {"name": upload.name,
                                                "text": data.decode("utf-8-sig")}
                return render(request, "candidates/coach/import_preview.html", _context(
                    results=results, file_name=upload.name,
                    to_create=sum(r.created for r in results),
                    to_skip=sum(not r.created for r in results)))
    return render(request, "candidates/coach/import.html", _context(form=form))


@role_required(Role.COACH)
def intake_import_confirm(request):
    """Step 3: import the file from the preview, and show the result per row."""
    if request.method != "POST":
        return redirect("candidates:coach_import")
    stored = request.session.pop(SESSION_KEY, None)
    if not stored:
        messages.warning(request, _("Er staat geen bestand klaar. Kies het bestand opnieuw."))
        return redirect("candidates:coach_import")
    try:
        rows = intake_csv_read(stored["text"].encode("utf-8"))
    except ImportFileError as error:  # read once already; kept for safety
        messages.error(request, error.user_message)
        return redirect("candidates:coach_import")
    results = intake_import(by=request.user, rows=rows, request=request)
    return render(request, "candidates/coach/import_result.html", _context(
        results=results, file_name=stored["name"],
        created=sum(r.created for r in results),
        skipped=sum(not r.created for r in results)))
