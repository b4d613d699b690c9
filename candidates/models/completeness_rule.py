"""How complete a profile is: ONE rule, for the jobseeker and the coach, as SQL.

One point for each of the checks of candidates/completeness.py (same keys, same order; the
jobseeker's page uses those, with what is missing and why it helps). The score is stored on
Profile.completeness (profile_completeness_store() writes it with this expression) so the
coach's list filters on an indexed column instead of scoring every profile of the
municipality per request; both show it as the same percentage. Tests hold the Python checks
and this SQL to the same answers. No model imports at module level: Profile's check
constraint uses COMPLETENESS_MAX.
"""

from django.apps import apps
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce

from candidates.physical import PHYSICAL_CODES, physical_field_name

COMPLETENESS_KEYS = ["place", "travel", "about", "talents", "skills", "kind_of_work",
                     "sectors", "occupations", "availability", "work_experience", "education",
                     "languages", "physical", "photo", "cv"]
COMPLETENESS_MAX = len(COMPLETENESS_KEYS)
# (lowest score, highest score) per filter of the coach's list.
COMPLETENESS_BUCKETS = {"empty": (0, 0), "started": (1, 9), "complete": (10, COMPLETENESS_MAX)}


def completeness_percent(score: int) -> int:
    return round(100 * score / COMPLETENESS_MAX)


def _has(model: str, to_profile: str = "profile") -> Exists:
    related = apps.get_model(model)
    return Exists(related.objects.filter(**{to_profile: OuterRef("pk")}))


def _conditions() -> dict:
    profile = apps.get_model("candidates", "Profile")
    physical = Q()
    for code in PHYSICAL_CODES:
        physical |= Q(**{f"{physical_field_name(code)}__isnull": False})
    return {
        "place": Q(place_of_residence__isnull=False),
        "travel": Q(transport__len__gt=0) | Q(driving_licences__len__gt=0),
        "about": Q(personal_description__gt=""),
        "talents": Q(competences__len__gt=0),
        "skills": Q(professional_skills__len__gt=0),
        "kind_of_work": Q(kind_of_work__gt=""),
        "sectors": Exists(profile.sectors.through.objects.filter(profile_id=OuterRef("pk"))),
        "occupations": Exists(profile.preferred_occupations.through.objects.filter(
            profile_id=OuterRef("pk"))),
        "availability": Q(available_from__isnull=False) | Q(hours_per_week_max__isnull=False),
        "work_experience": _has("candidates.WorkExperience"),
        "education": _has("candidates.Education"),
        "languages": _has("candidates.LanguageSkill"),
        "physical": physical,
        "photo": ~Q(photo=""),
        "cv": ~Q(cv=""),
    }


def completeness_score():
    """0..COMPLETENESS_MAX in SQL, on profiles."""
    conditions = _conditions()
    points = [Case(When(conditions[key], then=Value(1)), default=Value(0),
                   output_field=IntegerField()) for key in COMPLETENESS_KEYS]
    total = points[0]
    for point in points[1:]:
        total = total + point
    return Coalesce(total, Value(0))
