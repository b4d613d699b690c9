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
from .search import SearchDocument
from .sensitive import SensitiveReview

__all__ = [
    "EMPLOYER_VISIBLE", "Candidate", "ContactRequest", "Course", "Education", "EndReason",
    "Gender", "LanguageSkill", "Message", "Profile", "SearchDocument", "SensitiveReview",
    "ServiceType", "SharingScope", "Thread", "VacancyResponse", "WorkExperience",
]
