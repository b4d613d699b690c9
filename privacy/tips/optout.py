"""The opt-out link in every tip mail: it works without logging in and can only switch tips
off (SPEC §6).
"""


from django.core import signing
from django.urls import reverse

from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.site import absolute_url

OPTOUT_SALT = "hallowerk.privacy.tips-optout"


def _signer() -> signing.Signer:
    # No timestamp, no expiry: an old mail's link must still work, and it can only switch
    # tips off.
    return signing.Signer(salt=OPTOUT_SALT)


def tips_optout_token(user: User) -> str:
    return _signer().sign_object(user.pk)


def tips_user_from_token(token: str) -> User | None:
    try:
        pk = _signer().unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return User.objects.filter(pk=pk, role=Role.JOBSEEKER).first()


def tips_optout_url(user: User) -> str:
    return absolute_url(reverse("privacy:tips_optout", args=[tips_optout_token(user)]))
