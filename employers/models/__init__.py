from .employer import Employer
from .shortlists import SavedSearch, Shortlist, ShortlistEntry
from .vacancy import Vacancy

__all__ = ["Employer", "SavedSearch", "Shortlist", "ShortlistEntry", "Vacancy"]
