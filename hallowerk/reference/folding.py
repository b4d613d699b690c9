"""Case- and accent-folding that gives the same result in Python and in PostgreSQL.

Our PostgreSQL has no `unaccent` extension, and `lower()` only folds ASCII under the C
locale. So both sides use one character table: Python through `str.translate`, the database
through `translate()`, which PostgreSQL applies character by character in UTF-8; both then
squeeze runs of spaces. Hyphens count as spaces and apostrophes vanish, so "s gravenzande"
finds "'s-Gravenzande".
"""

import unicodedata

from django.db.models import Func, Value
from django.db.models.fields import CharField


def _letter_table() -> tuple[str, str]:
    """Map every Latin-1/Latin Extended-A letter that decomposes to one ASCII letter."""
    source, target = [], []
    for codepoint in range(0xC0, 0x180):
        char = chr(codepoint)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base.isascii() and base.isalpha():
            source.append(char)
            target.append(base.lower())
    return "".join(source), "".join(target)


_ACCENTED, _ACCENTED_BASE = _letter_table()
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# translate() deletes characters of FOLD_FROM beyond the length of FOLD_TO: the apostrophes.
FOLD_FROM = _ACCENTED + _UPPER + "-" + "'’‘`"
FOLD_TO = _ACCENTED_BASE + _UPPER.lower() + " "
_TABLE = str.maketrans(FOLD_FROM[: len(FOLD_TO)], FOLD_TO, FOLD_FROM[len(FOLD_TO) :])


def fold(text: str) -> str:
    """Folded user input or stored value: 'Sint Odiliënberg' → 'sint odilienberg'."""
    folded = unicodedata.normalize("NFC", text).translate(_TABLE)
    return " ".join(folded.split())


class Folded(Func):
    """SQL counterpart of `fold` for a column: translate, then squeeze and trim spaces."""

    function = "btrim"
    output_field = CharField()

    def __init__(self, expression, **extra):
        translated = Func(expression, Value(FOLD_FROM), Value(FOLD_TO), function="translate")
        squeezed = Func(translated, Value(" +"), Value(" "), Value("g"), function="regexp_replace")
        super().__init__(squeezed, **extra)
