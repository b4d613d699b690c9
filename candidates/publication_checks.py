"""What may never be saved where an employer can see it: a citizen service number (BSN).

The other special categories are a warning the jobseeker may confirm (then held for the
coach's review, candidates/sensitive_reviews.py); a BSN is refused outright, because
"HalloWerk gebruikt nooit uw BSN" (the privacy statement) and SPEC §4: a document with a BSN
never reaches an employer. Every refusal says exactly where the number is and what to do.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from privacy.sensitive import scan_bsns

# Characters shown either side of the number, so the jobseeker finds it in a long CV.
CONTEXT = 30


def _masked(number: str) -> str:
    """The number as the jobseeker recognises it, without repeating it whole on screen."""
    digits = [c for c in number if c.isdigit()]
    return "•" * max(0, len(digits) - 3) + "".join(digits[-3:])


def bsn_passages(text: str) -> list[str]:
    """Where the text holds a BSN, as short excerpts with the number masked."""
    passages = []
    for finding in scan_bsns(text or ""):
        before = text[max(0, finding.start - CONTEXT):finding.start].split("\n")[-1]
        after = text[finding.end:finding.end + CONTEXT].split("\n")[0]
        passages.append(f"…{before}{_masked(finding.matched_text)}{after}…".strip())
    return passages


def _text_message(passages: list[str]) -> str:
    return _("Hier staat een burgerservicenummer (BSN): %(where)s. Haal dat nummer weg en "
             "sla het opnieuw op. HalloWerk gebruikt uw BSN nooit, en werkgevers mogen het "
             "niet zien.") % {"where": "; ".join(f"“{p}”" for p in passages[:3])}


def text_bsn_refuse(values: Mapping[str, object]) -> None:
    """Raise a ValidationError per text field that holds a BSN."""
    errors = {}
    for name, value in values.items():
        text = "\n".join(map(str, value)) if isinstance(value, list | tuple) else value
        if isinstance(text, str) and (passages := bsn_passages(text)):
            errors[name] = _text_message(passages)
    if errors:
        raise ValidationError(errors)


def document_bsn_refuse(text: str) -> None:
    """Refuse an uploaded document (its extracted text) that holds a BSN."""
    passages = bsn_passages(text)
    if passages:
        raise ValidationError(
            _("In dit bestand staat een burgerservicenummer (BSN): %(where)s. Haal dat nummer "
              "uit het document, sla het opnieuw op als PDF of Word (DOCX) en kies het bestand "
              "dan opnieuw. HalloWerk gebruikt uw BSN nooit, en werkgevers mogen het niet "
              "zien.") % {"where": "; ".join(f"“{p}”" for p in passages[:3])},
            code="bsn")
