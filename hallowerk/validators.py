"""Validators for Dutch formats shared by candidates and employers, with plain Dutch messages."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Dutch postcodes never start with 0; stored without the space, letters in capitals.
POSTCODE_PATTERN = r"^[1-9][0-9]{3}[A-Z]{2}$"
KVK_PATTERN = r"^[0-9]{8}$"


def normalise_postcode(value: str) -> str:
    """'1234 ab' → '1234AB', so one spelling is stored and compared."""
    return re.sub(r"\s+", "", value or "").upper()


def validate_postcode(value: str) -> None:
    if value and not re.fullmatch(POSTCODE_PATTERN, normalise_postcode(value)):
        raise ValidationError(
            _("Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 3511 AB."),
            code="invalid_postcode")


def validate_kvk_number(value: str) -> None:
    if not re.fullmatch(KVK_PATTERN, value or ""):
        raise ValidationError(
            _("Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 12345678."),
            code="invalid_kvk_number")
