from .candidate import (
    EMPLOYER_VISIBLE,
    Candidate,
    EndReason,
    Gender,
    ServiceType,
    SharingScope,
)
from .experience import Course, Education, LanguageSkill, WorkExperience
from .messaging import ContactRequest, Message, Thread, VacancyResponse
from .profile import Profile
from .search import SEARCH_TIERS, SearchDocument, SearchLexeme, SearchTierBoundary
from .sensitive import SensitiveReview

__all__ = [
    "EMPLOYER_VISIBLE", "SEARCH_TIERS", "Candidate", "ContactRequest", "Course", "Education",
    "EndReason", "Gender", "LanguageSkill", "Message", "Profile", "SearchDocument",
    "SearchLexeme", "SearchTierBoundary", "SensitiveReview", "ServiceType", "SharingScope",
    "Thread", "VacancyResponse", "WorkExperience",
]
