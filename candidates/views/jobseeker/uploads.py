"""Photo and CV uploads. A CV with likely sensitive data waits in a private folder until the
jobseeker confirms it (then the coach reviews it) or chooses another file."""

import functools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from candidates.file_storage import file_save_or_refuse
from candidates.forms.uploads import CvForm, PhotoForm
from candidates.models.storage import private_storage
from candidates.profile_services import profile_cv_replace, profile_photo_replace
from candidates.publication_hold import UNCHECKED_FILE
from candidates.uploads import CheckedFile, content_type_for, pending_dir
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.sensitive import Extraction, extract_upload_text, scan_text

from .common import own_profile
from .sensitive import cv_warning
from .steps import uploads_step_with
from .upload_failures import storage_failure_shown

if TYPE_CHECKING:  # django-stubs' name for a lazy translated string (dev only)
    from django_stubs_ext import StrPromise

UPLOADS_STEP = "foto-en-cv"
PENDING_SESSION_KEY = "jobseeker_pending_cv"

# Stores a valid upload: (request, the jobseeker's profile, the bound valid form) -> response.
StoreUpload = Callable[[HttpRequest, object, forms.Form], HttpResponse]
View = Callable[[HttpRequest], HttpResponse]


def _back():
    return redirect("candidates:jobseeker_step", slug=UPLOADS_STEP)


def _upload_view(form_class: type[forms.Form], replace: Callable[..., object], form_name: str,
                 removed: "str | StrPromise") -> Callable[[StoreUpload], View]:
    """What the photo and CV views share: only the jobseeker, only POST, a storage failure
    shown on the step; "remove" takes the file away, an invalid form shows the step again.
    The decorated function stores a valid upload (`form` is bound and valid)."""
    def decorate(store: StoreUpload) -> View:
        @role_required(Role.JOBSEEKER)
        @require_POST
        @storage_failure_shown(UPLOADS_STEP)
        @functools.wraps(store)
        def view(request: HttpRequest) -> HttpResponse:
            profile = own_profile(request)
            if "remove" in request.POST:
                replace(by=request.user, profile=profile, checked=None, request=request)
                messages.success(request, removed)
                return _back()
            form = form_class(request.POST, request.FILES)
            if not form.is_valid():
                return uploads_step_with(request, profile, **{form_name: form})
            return store(request, profile, form)
        return view
    return decorate


@_upload_view(PhotoForm, profile_photo_replace, "photo_form",
              gettext_lazy("Uw foto is weggehaald."))
def photo(request, profile, form):
    checked: CheckedFile = form.cleaned_data["photo"]
    # The OCR check failed or took too long (forms/uploads.py): held like an unreadable CV.
    unchecked = checked.extraction is not None and not checked.extraction.ok
    profile_photo_replace(by=request.user, profile=profile, checked=checked, request=request,
                          confirmed=[("photo", {UNCHECKED_FILE})] if unchecked else [])
    if unchecked:
        messages.success(request, _(
            "Uw foto is opgeslagen. We konden de foto niet controleren op gevoelige gegevens. "
            "Daarom kijkt uw werkmatcher eerst naar de foto. Daarna kunnen werkgevers de foto "
            "zien."))
    else:
        messages.success(request, _("Uw foto is opgeslagen."))
    return _back()


def _drop_pending(request) -> None:
    name = request.session.pop(PENDING_SESSION_KEY, None)
    if name:
        private_storage().delete(name)


def _tell_what_was_removed(request, checked: CheckedFile) -> None:
    if checked.removed_active_content:
        messages.info(request, _(
            "In uw PDF zat iets dat een programma kan starten of code kan uitvoeren (zoals "
            "JavaScript of een ingesloten bestand). Dat hebben we eruit gehaald. De tekst van "
            "uw cv is hetzelfde gebleven."))


def _store_cv(request, profile, checked: CheckedFile, extraction: Extraction) -> None:
    """Store the CV; hold it for the coach when it has findings the jobseeker confirmed or
    when the check could not read it (publication_hold.UNCHECKED_FILE), and say so."""
    categories = {str(finding.category) for finding in scan_text(extraction.text)}
    if not extraction.ok:
        categories.add(UNCHECKED_FILE)
    profile_cv_replace(by=request.user, profile=profile, checked=checked, request=request,
                       confirmed=[("cv", categories)] if categories else [])
    _tell_what_was_removed(request, checked)
    if not extraction.ok:
        messages.success(request, _(
            "Uw cv is opgeslagen. We konden het niet helemaal lezen, en dus niet controleren "
            "op gevoelige gegevens. Daarom kijkt uw werkmatcher eerst mee. Daarna kunnen "
            "werkgevers het openen."))
    elif categories:
        messages.success(request, _("Uw cv is opgeslagen. Uw werkmatcher kijkt eerst mee; "
                                    "daarna kunnen werkgevers het openen."))
    else:
        messages.success(request, _("Uw cv is opgeslagen."))


@_upload_view(CvForm, profile_cv_replace, "cv_form", gettext_lazy("Uw cv is weggehaald."))
def cv(request, profile, form):
    checked: CheckedFile = form.cleaned_data["cv"]
    extraction = checked.extraction
    findings = scan_text(extraction.text)
    if findings:
        _drop_pending(request)
        extension = checked.content.name.rsplit(".", 1)[-1]
        name = file_save_or_refuse(
            private_storage(),
            f"{pending_dir(profile.candidate_id)}/{uuid.uuid4().hex}.{extension}",
            checked.content)
        request.session[PENDING_SESSION_KEY] = name
        _tell_what_was_removed(request, checked)
        return render(request, "candidates/jobseeker/sensitive_cv.html",
                      {"warning": cv_warning(_("Cv"), extraction.text, findings)})
    _store_cv(request, profile, checked, extraction)
    return _back()


@role_required(Role.JOBSEEKER)
@require_POST
@storage_failure_shown(UPLOADS_STEP)
def cv_confirm(request):
    """Keep the flagged CV after all (the coach gets a review), or drop it."""
    profile = own_profile(request)
    name = request.session.get(PENDING_SESSION_KEY, "")
    storage = private_storage()
    # Only a file this session put in this candidate's own pending folder.
    if not name.startswith(f"{pending_dir(profile.candidate_id)}/") or not storage.exists(name):
        request.session.pop(PENDING_SESSION_KEY, None)
        messages.error(request, _("Dit cv is niet meer beschikbaar. Kies het bestand opnieuw."))
        return _back()
    if request.POST.get("sensitive") != "confirm":
        _drop_pending(request)
        messages.info(request, _("Het cv is niet opgeslagen. U kunt een ander bestand kiezen."))
        return _back()
    with storage.open(name) as stored:
        data = stored.read()
    extension = name.rsplit(".", 1)[-1]
    # The pending copy is already without active content (it was checked before it waited).
    content = ContentFile(data, name=f"cv.{extension}")
    _store_cv(request, profile, CheckedFile(content, content_type_for(content.name)),
              extract_upload_text(content, content.name))
    _drop_pending(request)
    return _back()
