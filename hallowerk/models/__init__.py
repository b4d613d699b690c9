from .figures import MunicipalityFigures
from .invitations import Invitation
from .municipalities import Municipality
from .reference import Occupation, Place, Sector
from .users import User

__all__ = ["Invitation", "Municipality", "MunicipalityFigures", "Occupation", "Place", "Sector",
           "User"]
