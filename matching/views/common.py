"""What every suggestion page shows about how the advice is made."""

from matching.explain import COMPONENT_LABELS
from matching.models import COMPONENT_KEYS
from matching.scoring import Weights


def weights_table(weights: Weights) -> list[tuple[str, int]]:
    return [(str(COMPONENT_LABELS[key]), weights[key]) for key in COMPONENT_KEYS]
