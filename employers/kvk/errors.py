"""Why a KvK lookup failed, in two voices.

`str(error)` is the technical reason for logs (English, never the API key); `user_message` is
what the account manager reads (Dutch msgid, translated when accessed, plain language).
"""

from django.utils.translation import gettext


class KvkLookupError(Exception):
    """The company data could not be fetched; the form can still be filled in by hand."""

    @property
    def user_message(self) -> str:
        return gettext("De bedrijfsgegevens konden niet uit het KvK-register worden gehaald.")


class KvkInvalidNumber(KvkLookupError):
    @property
    def user_message(self) -> str:
        return gettext("Een KvK-nummer heeft 8 cijfers.")


class KvkNotFound(KvkLookupError):
    @property
    def user_message(self) -> str:
        return gettext("Dit KvK-nummer staat niet in het KvK-register. Controleer het nummer.")


class KvkUnavailable(KvkLookupError):
    @property
    def user_message(self) -> str:
        return gettext(
            "Het KvK-register is nu niet bereikbaar. Probeer het later opnieuw, "
            "of vul de bedrijfsgegevens zelf in."
        )
