"""Client for the KvK API "Basisprofiel" (v1), on the standard library only.

GET {base_url}/v1/basisprofielen/{kvkNummer} with the subscription key in the `apikey` header.
The key is a secret: it is never put in a URL, an exception text or a log line, and redirects
are refused so that urllib cannot forward the header to another host.
"""

import json
import logging
import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit

from .company import CompanyData, company_from_basisprofiel
from .errors import KvkNotFound, KvkUnavailable
from .numbers import kvk_number_validate

logger = logging.getLogger(__name__)

# A basisprofiel is a few kilobytes; anything far larger is not one.
MAX_RESPONSE_BYTES = 1_000_000


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError with the 3xx status.


class KvkApiClient:
    def __init__(self, base_url: str, api_key: str, timeout: float = 5):
        if urlsplit(base_url).scheme not in {"http", "https"}:
            raise ValueError("KvK API base URL must be http(s)")
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_RefuseRedirects)

    def __repr__(self) -> str:
        return f"KvkApiClient(base_url={self.base_url!r})"

    def lookup(self, kvk_number: str) -> CompanyData:
        return company_from_basisprofiel(self.basisprofiel(kvk_number))

    def basisprofiel(self, kvk_number: str) -> dict:
        number = kvk_number_validate(kvk_number)
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__
            f"{self.base_url}/v1/basisprofielen/{quote(number)}",
            headers={"apikey": self._api_key, "Accept": "application/json"},
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as error:
            error.close()
            raise self._status_error(error.code, number) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            # The reason names the host or the timeout, never the request headers.
            reason = getattr(error, "reason", error)
            logger.warning("KvK API unreachable for %s: %s", number, reason)
            raise KvkUnavailable(f"KvK API unreachable: {reason}") from None
        if len(body) > MAX_RESPONSE_BYTES:
            raise KvkUnavailable("KvK API response too large")
        try:
            profile = json.loads(body)
        except ValueError:
            raise KvkUnavailable("KvK API answered with invalid JSON") from None
        if not isinstance(profile, dict):
            raise KvkUnavailable("KvK API answered with unexpected JSON")
        return profile

    @staticmethod
    def _status_error(status: int, number: str) -> Exception:
        if status == 404:
            return KvkNotFound(f"KvK number {number} not in the register")
        # 401/403 mean our key or subscription is wrong: for the user the register is simply
        # unavailable, for operations it is worth a warning.
        logger.warning("KvK API answered HTTP %s for %s", status, number)
        return KvkUnavailable(f"KvK API answered HTTP {status}")
