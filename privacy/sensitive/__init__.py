"""Warn a jobseeker before they publish special-category or identifying data (SPEC §9).

The portal calls `scan_text` on free text and `scan_upload` on a CV before publishing, shows
`highlight(text, findings)` with each finding's explanation, and lets the jobseeker change the
text or confirm it (a confirmed warning goes to the coach's review list). It is a word-list and
checksum detector: it warns, it never blocks and never decides. Precision and recall on the
labelled examples: `scripts/measure_sensitive.py`.
"""

from typing import IO, NamedTuple

from .bsn import find_bsns, passes_elfproef
from .context import is_workplace
from .extract import Extraction, extract_upload_text
from .findings import Category, Finding
from .highlight import highlight
from .origin import find_origin
from .terms import find_terms, fold_same_length

# Where a workplace can look like a confession ("beveiliger in een gevangenis").
WORKPLACE_CATEGORIES = frozenset({Category.CRIMINAL_RECORD, Category.RELIGION})

__all__ = [
    "Category",
    "Extraction",
    "Finding",
    "UploadScan",
    "extract_upload_text",
    "highlight",
    "passes_elfproef",
    "scan_bsns",
    "scan_text",
    "scan_upload",
]


class UploadScan(NamedTuple):
    findings: list[Finding]
    # False when the file could not be read (or only partly): it was not checked, not clean.
    extracted_ok: bool


def _without_nested(spans: list[tuple[Category, int, int]]) -> list[tuple[Category, int, int]]:
    """Drop a span inside a longer one of the same category ("ziek" in "chronisch ziek")."""
    kept: list[tuple[Category, int, int]] = []
    for category, start, end in sorted(spans, key=lambda s: (s[1], -s[2])):
        if not any(c == category and s <= start and end <= e for c, s, e in kept):
            kept.append((category, start, end))
    return kept


def _bsn_spans(text: str) -> list[tuple[Category, int, int]]:
    return [(Category.BSN, start, end) for start, end in find_bsns(text)]


def scan_bsns(text: str) -> list[Finding]:
    """scan_text()'s BSN findings alone, without the word lists: what a save must refuse
    (candidates/publication_checks.py) costs a tenth of the whole scan."""
    if not text:
        return []
    spans = _bsn_spans(text)
    return [Finding.at(Category.BSN, text, start, end)
            for _category, start, end in _without_nested(spans)]


def scan_text(text: str) -> list[Finding]:
    """Likely sensitive passages in Dutch or English text, in order of appearance."""
    if not text:
        return []
    spans = _bsn_spans(text)
    spans += [(category, start, end) for category, start, end in find_terms(text)
              if category not in WORKPLACE_CATEGORIES or not is_workplace(text, start, end)]
    spans += [(Category.ETHNICITY, start, end)
              for start, end in find_origin(fold_same_length(text))]
    return [
        Finding.at(category, text, start, end) for category, start, end in _without_nested(spans)
    ]


def scan_upload(file_obj: IO[bytes], content_type_or_name: str) -> UploadScan:
    """Scan a PDF, DOCX or plain-text upload; never raises on a broken file."""
    extraction = extract_upload_text(file_obj, content_type_or_name)
    return UploadScan(scan_text(extraction.text), extraction.ok)
