"""Find citizen service numbers (BSN): nine digits that pass the eleven-test (elfproef).

Written as 123456782, 1234.56.782, 123.456.782 or 123 456 782. One in eleven random nine-digit
numbers passes the test too, so we skip the usual look-alikes: a number glued to other digits or
letters (IBAN, order numbers), a mobile number after +31/0031, an amount after € or EUR. A
number right after the word BSN/burgerservicenummer/sofinummer is flagged even if it fails the
test: the writer says what it is.
"""

import re
from collections.abc import Iterator

_GROUPED = r"\d{9}|\d{4}([.\s])\d{2}\1\d{3}|\d{3}([.\s])\d{3}\2\d{3}"
# Not part of a longer number, word or grouped number ("0417 1643 00", "NL91ABNA0417164300").
_NUMBER = re.compile(rf"(?<![\w+])(?<!\d[.,\s])(?:{_GROUPED})(?![.,\s]?\d)(?!\w)")
_PHONE_OR_AMOUNT_BEFORE = re.compile(
    r"(?:\+\s?31|\b0031|€|\beur|\beuro)\s*(?:\(0\))?[\s\-.]*$", re.IGNORECASE
)
_LABEL_BEFORE = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofi[\s-]?nummer|citizen service number)"
    r"(?:[\s-]?(?:nummer|nr\.?|number))?\s*(?:is|:|=)?\s*$",
    re.IGNORECASE,
)


def passes_elfproef(digits: str) -> bool:
    """9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, digits, strict=True)) % 11 == 0


def _labelled(text: str, start: int) -> bool:
    return bool(_LABEL_BEFORE.search(text[max(0, start - 40) : start]))


def find_bsns(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every likely BSN in the text."""
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        digits = re.sub(r"\D", "", match.group())
        before = text[max(0, start - 12) : start]
        if _labelled(text, start):
            yield start, end
        elif passes_elfproef(digits) and not _PHONE_OR_AMOUNT_BEFORE.search(before):
            yield start, end
    # Eight digits (old numbers with the leading zero dropped) only with a label.
    for match in re.finditer(r"(?<![\w.])\d{8}(?![\w])", text):
        if _labelled(text, match.start()) and passes_elfproef("0" + match.group()):
            yield match.span()
