"""How complete a jobseeker's profile is, and what is still missing — with why it helps.

The score is advice for the jobseeker (and their coach): nothing is required, nothing is
decided on it. Each check points to the profile step where the jobseeker can fill it in.
Optional extras (courses, links, free text) do not count, so nobody is pushed to share more
than they want to.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hallowerk.compiled_queries import CompiledQuery

from .models import Profile
from .models.completeness_rule import COMPLETENESS_KEYS, completeness_percent


@dataclass(frozen=True)
class Check:
    key: str
    label: Promise
    why: Promise
    step: str  # slug of the profile step (candidates/forms/steps.py)
    done: Callable[[Profile], bool]


def _flag(relation: str) -> str:
    return f"filled_{relation}"


# The lists (many-to-many or entries) that count, filled in by _any() below.
FILLED_RELATIONS: list[str] = []


def _any(relation: str) -> Callable[[Profile], bool]:
    FILLED_RELATIONS.append(relation)

    def filled(profile: Profile) -> bool:
        # Read from the profile's own query when profile_with_filled_relations() made it,
        # else asked now (one query per relation).
        known = getattr(profile, _flag(relation), None)
        return getattr(profile, relation).exists() if known is None else known
    return filled


def _exists(relation: str) -> Exists:
    field = Profile._meta.get_field(relation)
    if field.many_to_many:
        return Exists(field.remote_field.through.objects.filter(profile_id=OuterRef("pk")))
    return Exists(field.related_model.objects.filter(**{field.field.name: OuterRef("pk")}))


def _profile_with_flags(candidate_id: int):
    flags = {_flag(relation): _exists(relation) for relation in FILLED_RELATIONS}
    return Profile.objects.annotate(**flags).filter(candidate_id=candidate_id).order_by("pk")[:1]


# Compiled once (hallowerk/compiled_queries.py): the candidate's key is its only value, and
# building and compiling the six subqueries cost 2 ms of CPU on every jobseeker's page.
_PROFILE_WITH_FLAGS = CompiledQuery(
    lambda viewer, candidate_id: _profile_with_flags(candidate_id), ids=("candidate_id",))


def profile_with_filled_relations(candidate) -> Profile | None:
    """The candidate's profile with whether each counted list has an entry, in one query
    instead of one per list (None before the profile exists). For pages that only read:
    after a form changed a list, profile_completeness() of a plain profile asks again.
    The candidate is one the caller may see; the read itself is not scoped again."""
    found = _PROFILE_WITH_FLAGS.rows(None, candidate_id=candidate.pk)
    return found[0] if found else None


def _physical_answered(profile: Profile) -> bool:
    return any(value is not None for value in profile.physical_answers().values())


CHECKS: list[Check] = [
    Check("place", _("Woonplaats"),
          _("Dan zien werkgevers en vacatures of het werk dichtbij is."),
          "woonplaats-en-reizen", lambda p: p.place_of_residence_id is not None),
    Check("travel", _("Hoe u reist"),
          _("Dan weet een werkgever hoe u naar het werk komt."),
          "woonplaats-en-reizen", lambda p: bool(p.transport or p.driving_licences)),
    Check("about", _("Iets over uzelf"),
          _("Een paar zinnen over uzelf maken uw profiel persoonlijk."),
          "over-mij", lambda p: bool(p.personal_description)),
    Check("talents", _("Uw talenten"),
          _("Werkgevers zoeken op talenten. Zo vinden ze u sneller."),
          "over-mij", lambda p: bool(p.competences)),
    Check("skills", _("Wat u kunt"),
          _("Vakkennis en vaardigheden laten zien welk werk u al kunt doen."),
          "over-mij", lambda p: bool(p.professional_skills)),
    Check("kind_of_work", _("Werk dat bij u past"),
          _("Dan weten werkgevers en uw werkmatcher wat u zoekt."),
          "werk-dat-past", lambda p: bool(p.kind_of_work)),
    Check("sectors", _("Sectoren"),
          _("Dan ziet u vacatures in de sectoren die u leuk vindt."),
          "werk-dat-past", _any("sectors")),
    Check("occupations", _("Beroepen die u zoekt"),
          _("Vacatures en werkgevers vinden u vooral op beroep."),
          "beroepen", _any("preferred_occupations")),
    Check("availability", _("Beschikbaarheid"),
          _("Dan weet een werkgever wanneer en hoeveel uur u kunt werken."),
          "beschikbaarheid",
          lambda p: p.available_from is not None or p.hours_per_week_max is not None),
    Check("work_experience", _("Werkervaring"),
          _("Ook vrijwilligerswerk of een bijbaan telt. Het laat zien wat u al hebt gedaan."),
          "werkervaring", _any("work_experiences")),
    Check("education", _("Opleiding"),
          _("Ook een opleiding die u niet hebt afgemaakt, mag u noemen."),
          "opleidingen", _any("educations")),
    Check("languages", _("Talen"),
          _("Veel werkgevers zoeken mensen die een bepaalde taal spreken."),
          "talen", _any("language_skills")),
    Check("physical", _("Lichamelijk werk"),
          _("Dan krijgt u vacatures die u lichamelijk kunt doen. Een reden vragen we nooit."),
          "lichamelijk-werk", _physical_answered),
    Check("photo", _("Foto"),
          _("Een foto maakt uw profiel persoonlijker. Het hoeft niet."),
          "foto-en-cv", lambda p: bool(p.photo)),
    Check("cv", _("Cv"),
          _("Met een cv kan een werkgever alles rustig nalezen."),
          "foto-en-cv", lambda p: bool(p.cv)),
]


@dataclass(frozen=True)
class Completeness:
    percent: int
    done: list[Check]
    missing: list[Check]

    def missing_in(self, step: str) -> list[Check]:
        return [check for check in self.missing if check.step == step]


def profile_completeness(profile: Profile) -> Completeness:
    done, missing = [], []
    for check in CHECKS:
        (done if check.done(profile) else missing).append(check)
    return Completeness(completeness_percent(len(done)), done, missing)


# One rule: the checks above are the SQL rule's keys, in its order.
assert [check.key for check in CHECKS] == COMPLETENESS_KEYS
