"""The jobseeker's text as safe HTML with the flagged passages in <mark>, for the warning page."""

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .findings import Finding


def _merged_spans(findings: Iterable[Finding], length: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in sorted((max(0, f.start), min(length, f.end)) for f in findings):
        if start >= end:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(text: str, findings: Iterable[Finding]) -> SafeString:
    """Escape everything; overlapping findings share one <mark>."""
    pieces, position = [], 0
    for start, end in _merged_spans(findings, len(text)):
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 — every piece of user text is escaped
