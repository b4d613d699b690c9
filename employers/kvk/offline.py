"""The offline register: demo companies in the API's basisprofiel shape, for development,
demos and tests. `data/register.json` holds {"basisprofielen": [...]}; every company in it is
fictional.
"""

import json
from functools import cache
from pathlib import Path

from .company import CompanyData, company_from_basisprofiel
from .errors import KvkNotFound
from .numbers import kvk_number_validate

REGISTER_PATH = Path(__file__).resolve().parent / "data" / "register.json"


class OfflineRegister:
    def __init__(self, path: Path = REGISTER_PATH):
        self.path = Path(path)

    def lookup(self, kvk_number: str) -> CompanyData:
        return company_from_basisprofiel(self.basisprofiel(kvk_number))

    def basisprofiel(self, kvk_number: str) -> dict:
        number = kvk_number_validate(kvk_number)
        try:
            return _profiles(self.path)[number]
        except KeyError:
            raise KvkNotFound(f"KvK number {number} not in the offline register") from None

    def kvk_numbers(self) -> list[str]:
        return sorted(_profiles(self.path))


@cache
def _profiles(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as file:
        register = json.load(file)
    return {profile["kvkNummer"]: profile for profile in register["basisprofielen"]}
