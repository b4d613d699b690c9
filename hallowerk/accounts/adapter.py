from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Participation is by invitation only (SPEC §1): allauth never creates an account."""

    def is_open_for_signup(self, request):
        return False
