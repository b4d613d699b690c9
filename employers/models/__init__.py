from .employer import Employer
from .vacancy import Vacancy

__all__ = ["Employer", "Vacancy"]
