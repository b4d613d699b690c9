"""KvK numbers as people type them: '9000 0001' or '90.00.00.01' mean '90000001'."""

import re

from .errors import KvkInvalidNumber

_SEPARATORS = re.compile(r"[\s.]+")
# ASCII digits only: str.isdigit() would also accept e.g. Arabic-Indic digits.
_EIGHT_DIGITS = re.compile(r"[0-9]{8}")


def kvk_number_validate(value: str) -> str:
    """Return the 8-digit KvK number, or raise KvkInvalidNumber."""
    if not isinstance(value, str):
        raise KvkInvalidNumber("KvK number is not a string")
    number = _SEPARATORS.sub("", value)
    if not _EIGHT_DIGITS.fullmatch(number):
        raise KvkInvalidNumber(f"not 8 digits: {number[:20]!r}")
    return number
