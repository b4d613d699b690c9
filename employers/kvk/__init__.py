"""The KvK adapter: enter a KvK number, get the company data from the Chamber of Commerce.

One interface, two backends chosen by `settings.KVK_BACKEND`:
- "offline": the demo register in `data/register.json` (development, demos, tests);
- "api": the KvK API "Basisprofiel" at `KVK_API_BASE_URL` with `KVK_API_KEY`.

    try:
        company = kvk_lookup(form.cleaned_data["kvk_number"])
    except KvkLookupError as error:
        form.add_error("kvk_number", error.user_message)
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .api import KvkApiClient
from .company import CompanyData
from .errors import KvkInvalidNumber, KvkLookupError, KvkNotFound, KvkUnavailable
from .numbers import kvk_number_validate
from .offline import OfflineRegister

__all__ = [
    "CompanyData",
    "KvkInvalidNumber",
    "KvkLookupError",
    "KvkNotFound",
    "KvkUnavailable",
    "kvk_lookup",
    "kvk_number_validate",
]


def kvk_lookup(kvk_number: str) -> CompanyData:
    """The company registered under this number; raises a KvkLookupError subclass."""
    number = kvk_number_validate(kvk_number)
    return _backend().lookup(number)


def _backend() -> KvkApiClient | OfflineRegister:
    # Chosen per call, so a settings change (or a test's override) takes effect at once.
    backend = getattr(settings, "KVK_BACKEND", "offline")
    if backend == "offline":
        return OfflineRegister()
    if backend == "api":
        return KvkApiClient(settings.KVK_API_BASE_URL, settings.KVK_API_KEY)
    raise ImproperlyConfigured(f"KVK_BACKEND must be 'offline' or 'api', not {backend!r}")
