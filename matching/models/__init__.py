from .cache import Audience, CandidateRanking, MatchingChange, VacancyRanking
from .fairness import FairnessReport
from .feedback import FeedbackReason, FeedbackVerdict, SuggestionFeedback
from .pool import PoolEntry, PoolKind
from .weights import COMPONENT_KEYS, MatchingWeights, WeightsChange

__all__ = [
    "COMPONENT_KEYS", "Audience", "CandidateRanking", "FairnessReport", "FeedbackReason",
    "FeedbackVerdict", "MatchingChange", "MatchingWeights", "PoolEntry", "PoolKind",
    "SuggestionFeedback",
    "VacancyRanking", "WeightsChange",
]
