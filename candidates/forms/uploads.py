"""Photo and CV upload forms: the content is checked in candidates/uploads.py."""

from dataclasses import replace

from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.photo_text import PhotoUnreadable, photo_text
from candidates.publication_checks import document_bsn_refuse
from candidates.uploads import CheckedFile, cv_check, photo_check
from privacy.sensitive import Extraction, extract_upload_text

NO_FILE = _("Kies eerst een bestand.")


def _chosen(upload):
    """The upload fields are not required (a photo and a CV are optional in the profile, and
    the form must not say "(verplicht)"), but saving without a file gets a clear message."""
    if not upload:
        raise forms.ValidationError(NO_FILE, code="required")
    return upload


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Foto"), required=False, help_text=_("Een JPG- of PNG-foto van maximaal 5 MB."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png"}),
        error_messages={"required": NO_FILE, "invalid": NO_FILE, "empty": NO_FILE})

    def clean_photo(self) -> CheckedFile:
        uploaded = _chosen(self.cleaned_data["photo"])
        checked = photo_check(uploaded)
        # A photo of a pass or a letter with a BSN is refused like a CV with one. Read from
        # the upload as sent: the stored photo is scaled down, too small to read reliably.
        uploaded.seek(0)
        try:
            text = photo_text(uploaded.read())
        except PhotoUnreadable:
            # Stored but held for the coach (views/jobseeker/uploads.py), as an unreadable CV.
            return replace(checked, extraction=Extraction("", ok=False))
        if text:
            document_bsn_refuse(text)
        return checked


class CvForm(forms.Form):
    cv = forms.FileField(
        label=_("Cv"), required=False,
        help_text=_("Een PDF- of Word-bestand (DOCX) van maximaal 5 MB. U bepaalt zelf wat "
                    "erin staat."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,application/pdf,application/"
                                                "vnd.openxmlformats-officedocument."
                                                "wordprocessingml.document"}),
        error_messages={"required": NO_FILE, "invalid": NO_FILE, "empty": NO_FILE})

    def clean_cv(self) -> CheckedFile:
        checked = cv_check(_chosen(self.cleaned_data["cv"]))
        # Read once (in a bounded child process); the view uses the same text.
        extraction = extract_upload_text(checked.content, checked.content.name)
        # A CV with a BSN is refused outright; other findings are a warning (views/uploads).
        document_bsn_refuse(extraction.text)
        return replace(checked, extraction=extraction)
