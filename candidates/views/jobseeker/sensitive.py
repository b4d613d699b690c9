"""The sensitive-data warning before publishing (SPEC §9): scan what the jobseeker typed or
uploaded, show the passages with an explanation, and let them change it or confirm it.
A confirmed warning goes to the coach's review list (candidates/sensitive_reviews.py)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from candidates.publication_checks import text_bsn_refuse
from hallowerk.forms.service_errors import add_service_errors
from privacy.sensitive import Finding, highlight, scan_text

CONFIRM = "confirm"
# Characters shown either side of a finding in a CV, enough to recognise the passage.
CV_CONTEXT = 80


@dataclass(frozen=True)
class SensitiveWarning:
    field: str  # the form field, or "cv"
    review_field: str  # what the coach's review list records
    label: str
    passages: list[SafeString]
    explanations: list[str]
    categories: list[str]


def _as_text(value) -> str:
    if isinstance(value, list | tuple):
        return "\n".join(str(item) for item in value)
    return "" if value is None else str(value)


def _explanations(findings: list[Finding]) -> list[str]:
    language = get_language() or "nl"
    return list(dict.fromkeys(finding.explanation(language) for finding in findings))


def refuse_bsn(form, saved: dict) -> bool:
    """Put a form error on every changed scanned field that holds a BSN; True if any.

    A BSN is never a warning to confirm: the services refuse it too
    (candidates/publication_checks.py), this only says so before the other warnings."""
    changed = {name: form.cleaned_data.get(name) for name in getattr(form, "scanned_fields", ())
               if _as_text(form.cleaned_data.get(name)) != _as_text(saved.get(name))}
    try:
        text_bsn_refuse(changed)
    except ValidationError as error:
        add_service_errors(form, error)
        return True
    return False


def form_warnings(form, saved: dict, *, review_prefix: str = "") -> list[SensitiveWarning]:
    """Warnings for the scanned fields of `form` whose text differs from what is saved."""
    warnings = []
    for name in getattr(form, "scanned_fields", ()):
        text = _as_text(form.cleaned_data.get(name))
        if text == _as_text(saved.get(name)):
            continue  # already published (and, if flagged, already confirmed)
        findings = scan_text(text)
        if findings:
            warnings.append(SensitiveWarning(
                field=name, review_field=f"{review_prefix}{name}", label=str(form[name].label),
                passages=[highlight(text, findings)], explanations=_explanations(findings),
                categories=sorted({str(f.category) for f in findings})))
    return warnings


def _window(text: str, finding: Finding) -> SafeString:
    start = max(0, finding.start - CV_CONTEXT)
    end = min(len(text), finding.end + CV_CONTEXT)
    shifted = Finding(finding.category, finding.start - start, finding.end - start,
                      finding.matched_text, finding.explanation_nl, finding.explanation_en)
    excerpt = highlight(text[start:end], [shifted])
    return SafeString(("… " if start else "") + excerpt + (" …" if end < len(text) else ""))


def cv_warning(label: str, text: str, findings: list[Finding]) -> SensitiveWarning:
    return SensitiveWarning(
        field="cv", review_field="cv", label=label,
        passages=[_window(text, finding) for finding in findings[:10]],
        explanations=_explanations(findings),
        categories=sorted({str(f.category) for f in findings}))


def confirmed(request) -> bool:
    return request.POST.get("sensitive") == CONFIRM


def confirmed_warnings(warnings: list[SensitiveWarning]) -> list[tuple[str, list[str]]]:
    """The confirmed warnings as the profile services record them (review field,
    categories)."""
    return [(warning.review_field, warning.categories) for warning in warnings]
