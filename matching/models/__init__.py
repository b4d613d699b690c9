from .fairness import FairnessReport
from .feedback import FeedbackReason, FeedbackVerdict, SuggestionFeedback
from .weights import COMPONENT_KEYS, MatchingWeights, WeightsChange

__all__ = [
    "COMPONENT_KEYS", "FairnessReport", "FeedbackReason", "FeedbackVerdict", "MatchingWeights",
    "SuggestionFeedback", "WeightsChange",
]
