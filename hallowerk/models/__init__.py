from .figures import MunicipalityFigures
from .invitations import Invitation
from .municipalities import Municipality
from .outbox import QueuedTask
from .reference import Occupation, Place, Sector
from .twofactor import TwoFactorEnrolmentLink
from .users import User

__all__ = ["Invitation", "Municipality", "MunicipalityFigures", "Occupation", "Place", "QueuedTask",
           "Sector", "TwoFactorEnrolmentLink", "User"]
