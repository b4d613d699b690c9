from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from hallowerk.client_address import client_ip


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Participation is by invitation only (SPEC §1): allauth never creates an account."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """allauth's rate limits count per client address: the same one as the lock-out's,
        so behind our proxy they count per person, not for everyone at once."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address
