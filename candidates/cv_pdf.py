"""The jobseeker's own profile as a printable CV (WeasyPrint).

It is the jobseeker's CV, for them to hand to whoever they like: it holds what they entered
and their own name and contact details — never the client number, target groups, the
physical-work answers or anything else the municipality keeps for its own work.
"""

import base64

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from .choices import DrivingLicence, Transport
from .models import Candidate
from .uploads import content_type_for

# Prefetch for one fixed number of queries.
CV_SELECT = ["profile", "profile__place_of_residence", "municipality"]
CV_PREFETCH = ["profile__preferred_occupations", "profile__sectors",
               "profile__work_experiences", "profile__educations", "profile__courses",
               "profile__language_skills"]


def _photo_data_uri(profile) -> str:
    if not profile.photo:
        return ""
    try:
        with profile.photo.open("rb") as stored:
            data = stored.read()
    except FileNotFoundError:
        return ""
    encoded = base64.b64encode(data).decode("ascii")
    return f"data:{content_type_for(profile.photo.name)};base64,{encoded}"


def cv_pdf_render(candidate: Candidate, language: str = "nl") -> bytes:
    candidate = (Candidate.objects.select_related(*CV_SELECT).prefetch_related(*CV_PREFETCH)
                 .get(pk=candidate.pk))
    profile = candidate.profile
    with translation.override(language):
        html = render_to_string("candidates/jobseeker/cv_pdf.html", {
            "candidate": candidate, "profile": profile, "photo": _photo_data_uri(profile),
            "language": language,
            "transport_labels": [str(Transport(code).label) for code in profile.transport],
            "licence_labels": [str(DrivingLicence(code).label) for code in
                               profile.driving_licences],
        })
    # No base URL: the document loads nothing from anywhere (the photo is inline).
    return HTML(string=html).write_pdf()
