"""What the engine knows about a candidate and a vacancy.

CandidateFeatures is the whole of what matching may read about a person. It has no field for
gender, date of birth, target groups, photo, name, postcode or municipality, so no component
can use them (SPEC §7); tests/matching/test_protected.py proves scores do not move when they
change.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from candidates.physical import PHYSICAL_CODES, physical_field_name

# Fetch candidates with these to read features at a fixed number of queries.
CANDIDATE_SELECT = ["profile", "profile__place_of_residence"]
CANDIDATE_PREFETCH = ["profile__preferred_occupations", "profile__sectors",
                      "profile__language_skills"]
VACANCY_SELECT = ["occupation", "place"]


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class CandidateFeatures:
    id: int
    occupation_codes: frozenset[str] = frozenset()
    sector_ids: frozenset[int] = frozenset()
    skills: tuple[str, ...] = ()  # talents and professional skills, as entered
    place: Point | None = None
    transport: frozenset[str] = frozenset()
    max_travel_km: int | None = None
    driving_licences: frozenset[str] = frozenset()
    languages: Mapping[str, str] = field(default_factory=dict)  # language → level
    physical: Mapping[str, bool | None] = field(default_factory=dict)  # code → can?
    hours_min: int | None = None
    hours_max: int | None = None
    available_from: date | None = None


@dataclass(frozen=True)
class VacancyFeatures:
    id: int
    occupation_code: str
    sector_id: int | None = None
    skills: tuple[str, ...] = ()
    place: Point | None = None
    hours_min: int | None = None
    hours_max: int | None = None
    start_date: date | None = None
    driving_licence: str = ""
    languages: tuple[str, ...] = ()
    physical_demands: tuple[str, ...] = ()


def _point(place) -> Point | None:
    return None if place is None else Point(place.latitude, place.longitude)


def candidate_features(candidate) -> CandidateFeatures:
    """Features of one candidate; fetch with CANDIDATE_SELECT / CANDIDATE_PREFETCH."""
    profile = getattr(candidate, "profile", None)
    if profile is None:
        return CandidateFeatures(id=candidate.pk)
    return CandidateFeatures(
        id=candidate.pk,
        occupation_codes=frozenset(o.isco_code for o in profile.preferred_occupations.all()),
        sector_ids=frozenset(s.pk for s in profile.sectors.all()),
        skills=(*profile.competences, *profile.professional_skills),
        place=_point(profile.place_of_residence),
        transport=frozenset(profile.transport),
        max_travel_km=profile.max_travel_km,
        driving_licences=frozenset(profile.driving_licences),
        languages={skill.language: skill.level for skill in profile.language_skills.all()},
        physical={code: getattr(profile, physical_field_name(code)) for code in PHYSICAL_CODES},
        hours_min=profile.hours_per_week_min,
        hours_max=profile.hours_per_week_max,
        available_from=profile.available_from,
    )


def vacancy_features(vacancy) -> VacancyFeatures:
    """Features of one vacancy; fetch with VACANCY_SELECT."""
    return VacancyFeatures(
        id=vacancy.pk,
        occupation_code=vacancy.occupation.isco_code,
        sector_id=vacancy.sector_id,
        skills=tuple(vacancy.skills),
        place=_point(vacancy.place),
        hours_min=vacancy.hours_per_week_min,
        hours_max=vacancy.hours_per_week_max,
        start_date=vacancy.start_date,
        driving_licence=vacancy.required_driving_licence,
        languages=tuple(vacancy.required_languages),
        physical_demands=tuple(vacancy.physical_demands),
    )


def candidates_features(candidates: Iterable) -> dict[int, CandidateFeatures]:
    return {candidate.pk: candidate_features(candidate) for candidate in candidates}
