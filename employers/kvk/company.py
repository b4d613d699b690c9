"""The company data we take over from the register, and how a KvK basisprofiel maps onto it.

Both backends hand over the JSON of the KvK API "Basisprofiel" (v1), so this mapping is the
one place that knows its shape: `naam`, `sbiActiviteiten[]`, `materieleRegistratie`, and the
addresses under `_embedded.hoofdvestiging` (or under `_embedded.eigenaar` when the company
has no branches).
"""

import re
from dataclasses import dataclass
from datetime import date

from .errors import KvkUnavailable

_POSTCODE = re.compile(r"([0-9]{4})\s*([A-Za-z]{2})")


@dataclass(frozen=True)
class CompanyData:
    kvk_number: str
    name: str
    street_address: str
    postcode: str
    city: str
    sbi_activity: str | None
    is_active: bool


def company_from_basisprofiel(profile: dict, *, today: date | None = None) -> CompanyData:
    """Map a basisprofiel; a response without number or name is treated as unusable."""
    kvk_number = str(profile.get("kvkNummer") or "")
    name = profile.get("naam") or profile.get("statutaireNaam") or ""
    if not kvk_number or not name:
        raise KvkUnavailable("basisprofiel without kvkNummer or naam")
    address = _visiting_address(profile)
    return CompanyData(
        kvk_number=kvk_number,
        name=str(name).strip(),
        street_address=_street_address(address),
        postcode=_postcode(address.get("postcode")),
        city=str(address.get("plaats") or "").strip(),
        sbi_activity=_main_activity(profile),
        is_active=_is_active(profile, today or date.today()),
    )


def _visiting_address(profile: dict) -> dict:
    embedded = profile.get("_embedded") or {}
    for block in ("hoofdvestiging", "eigenaar"):
        addresses = (embedded.get(block) or {}).get("adressen") or []
        for address in addresses:
            if address.get("type") == "bezoekadres":
                return address
        if addresses:
            return addresses[0]
    return {}


def _street_address(address: dict) -> str:
    """'Oudegracht 112A bis': street, number with letter, then the addition."""
    if address.get("indAfgeschermd") == "Ja" or not address.get("straatnaam"):
        return ""
    number = f"{address.get('huisnummer') or ''}{address.get('huisletter') or ''}"
    parts = [address["straatnaam"], number, address.get("huisnummerToevoeging") or ""]
    return " ".join(str(part).strip() for part in parts if str(part).strip())


def _postcode(value) -> str:
    """The register writes '3511AW'; we show the usual '3511 AW'."""
    match = _POSTCODE.fullmatch(str(value or "").strip())
    if not match:
        return str(value or "").strip()
    return f"{match[1]} {match[2].upper()}"


def _main_activity(profile: dict) -> str | None:
    activities = profile.get("sbiActiviteiten") or []
    if not activities:
        hoofdvestiging = (profile.get("_embedded") or {}).get("hoofdvestiging") or {}
        activities = hoofdvestiging.get("sbiActiviteiten") or []
    main = next((a for a in activities if a.get("indHoofdactiviteit") == "Ja"), None)
    chosen = main or (activities[0] if activities else None)
    return (chosen.get("sbiOmschrijving") or None) if chosen else None


def _is_active(profile: dict, today: date) -> bool:
    """Ended when `materieleRegistratie.datumEinde` (yyyymmdd) is today or earlier."""
    raw = (profile.get("materieleRegistratie") or {}).get("datumEinde") or ""
    ended = str(raw).replace("-", "")
    if not ended:
        return True
    try:
        end = date(int(ended[:4]), int(ended[4:6]), int(ended[6:8]))
    except ValueError:
        return False  # An end date we cannot read still means the register ended it.
    return end > today
