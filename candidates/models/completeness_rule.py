"""The coach's completeness score: ONE rule, as an SQL expression.

One point for each of these core things the jobseeker filled in, columns of Profile only
(candidates/completeness.py is the jobseeker's own, richer advice; this one is for lists).
The score is stored on Profile.completeness (profile_completeness_store() writes it with
this expression) so the coach's list filters on an indexed column instead of scoring every
profile of the municipality per request. No model imports here: Profile's check constraint
uses COMPLETENESS_MAX.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce

# (field, kind): "set" = not empty, "text" = some text, "list" = at least one item.
COMPLETENESS_FIELDS = [
    ("place_of_residence", "set"), ("personal_description", "text"),
    ("kind_of_work", "text"), ("competences", "list"), ("professional_skills", "list"),
    ("available_from", "set"), ("hours_per_week_max", "set"), ("transport", "list"),
]
COMPLETENESS_MAX = len(COMPLETENESS_FIELDS)
# (bucket, lowest score, highest score)
COMPLETENESS_BUCKETS = {"empty": (0, 0), "started": (1, 5), "complete": (6, COMPLETENESS_MAX)}


def _point(name: str, kind: str, prefix: str) -> Q:
    # Positive conditions: for a candidate without a profile row each is NULL, so the score
    # is 0 rather than "everything filled".
    lookup = {"set": "isnull", "text": "gt", "list": "len__gt"}[kind]
    value = {"set": False, "text": "", "list": 0}[kind]
    return Q(**{f"{prefix}{name}__{lookup}": value})


def completeness_score(prefix: str = ""):
    """0..COMPLETENESS_MAX in SQL, on profiles (prefix "") or through a relation."""
    points = [Case(When(_point(name, kind, prefix), then=Value(1)), default=Value(0),
                   output_field=IntegerField()) for name, kind in COMPLETENESS_FIELDS]
    total = points[0]
    for point in points[1:]:
        total = total + point
    return Coalesce(total, Value(0))
