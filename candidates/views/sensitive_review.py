"""The coach's list of likely sensitive data that jobseekers of the municipality published
after a warning, with a "looked at it" action. The passage is read live from the profile
(the review itself keeps only the part and the kinds of data)."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.models import SensitiveReview
from candidates.profile_services import ENTRY_MODELS
from candidates.publication_hold import UNCHECKED_FILE
from candidates.sensitive_reviews import (
    sensitive_review_for_coach,
    sensitive_review_resolve,
    sensitive_reviews_open,
)
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.catalogue import field_spec
from privacy.sensitive import Category, highlight, scan_text

from .profile_files import profile_file_url

CATEGORY_LABELS = {
    Category.BSN: gettext_lazy("BSN"),
    Category.HEALTH: gettext_lazy("gezondheid"),
    Category.RELIGION: gettext_lazy("geloof"),
    Category.CRIMINAL_RECORD: gettext_lazy("strafblad"),
    Category.UNION: gettext_lazy("vakbond"),
    Category.ETHNICITY: gettext_lazy("afkomst"),
    Category.SEXUAL_ORIENTATION: gettext_lazy("seksuele voorkeur of gender"),
    Category.POLITICAL: gettext_lazy("politieke voorkeur"),
    UNCHECKED_FILE: gettext_lazy("bestand kon niet worden gecontroleerd"),
}
RELATION_MODELS = {relation: model for model, relation in ENTRY_MODELS.items()}


@dataclass
class ReviewRow:
    review: SensitiveReview
    part: str
    categories: list[str]
    passages: list[SafeString]
    file_url: str = ""


# Parts that are a file: the coach opens the file instead of reading passages.
FILE_PARTS = ("cv", "photo")


def _texts(review: SensitiveReview) -> tuple[str, list[str]]:
    """(label of the part, its current texts)."""
    language = get_language() or "nl"
    profile = getattr(review.candidate, "profile", None)
    relation, _dot, name = review.field.partition(".")
    if name and relation in RELATION_MODELS:
        model = RELATION_MODELS[relation]
        label = field_spec(model._meta.label, name).label(language)
        values = ([getattr(entry, name) for entry in getattr(profile, relation).all()]
                  if profile is not None else [])
        return f"{model._meta.verbose_name_plural}: {label}".capitalize(), values
    try:
        label = field_spec("candidates.Profile", review.field).label(language)
    except KeyError:
        return review.field, []
    value = getattr(profile, review.field, "") if profile is not None else ""
    if review.field in FILE_PARTS:
        return label, []
    return label, ["\n".join(value) if isinstance(value, list) else (value or "")]


def review_row(review: SensitiveReview) -> ReviewRow:
    part, texts = _texts(review)
    passages = []
    for text in texts:
        findings = scan_text(text)
        if findings:
            passages.append(highlight(text, findings))
    profile = getattr(review.candidate, "profile", None)
    file_url = (profile_file_url(review.candidate, review.field)
                if review.field in FILE_PARTS and profile is not None
                and getattr(profile, review.field) else "")
    return ReviewRow(review, part,
                     [str(CATEGORY_LABELS.get(c, c)) for c in review.categories],
                     passages, file_url)


@role_required(Role.COACH)
def review_list(request):
    reviews = sensitive_reviews_open(viewer=request.user)[:200]
    return render(request, "candidates/coach/sensitive_reviews.html",
                  {"rows": [review_row(review) for review in reviews]})


@role_required(Role.COACH)
@require_POST
def review_resolve(request, pk):
    review = sensitive_review_for_coach(request.user, pk)
    try:
        sensitive_review_resolve(by=request.user, review=review, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De melding over %(name)s is afgehandeld. Werkgevers zien dit "
                                   "deel nu.")
                         % {"name": review.candidate.full_name})
    return redirect("candidates:sensitive_reviews")
