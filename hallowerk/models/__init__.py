from .invitations import Invitation
from .municipalities import Municipality
from .users import User

__all__ = ["Invitation", "Municipality", "User"]
