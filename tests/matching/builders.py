"""Candidates and vacancies with exactly the features a matching test needs."""

import random
from datetime import date, timedelta

from django.utils import timezone

from candidates.choices import DrivingLicence, LanguageLevel, Transport
from candidates.models import LanguageSkill
from candidates.physical import PHYSICAL_CODES, physical_field_name
from hallowerk.models import Occupation, Place, Sector
from tests.factories import CandidateFactory, EmployerFactory, ProfileFactory, VacancyFactory


def occupation(code: str) -> Occupation:
    return Occupation.objects.get(isco_code=code)


def sector(code: str) -> Sector:
    return Sector.objects.get(code=code)


def place(name: str) -> Place:
    return Place.objects.filter(name=name).order_by("-population").first()


def candidate(*, occupations=(), sectors=(), languages=None, municipality=None,
              candidate_fields=None, **profile_fields):
    """A matchable candidate (shared, active) with a profile holding `profile_fields`."""
    candidate_fields = {"shared_with_employers": True, "sharing_scope": "all",
                        **(candidate_fields or {})}
    if municipality is not None:
        candidate_fields["municipality"] = municipality
    profile = ProfileFactory(candidate=CandidateFactory(**candidate_fields), **profile_fields)
    profile.preferred_occupations.set([occupation(code) for code in occupations])
    profile.sectors.set([sector(code) for code in sectors])
    for language, level in (languages or {}).items():
        LanguageSkill.objects.create(profile=profile, language=language, level=level)
    return profile.candidate


def vacancy(*, code="9412", sector_code=None, place_name=None, published=True, **fields):
    fields.setdefault("employer", EmployerFactory())
    return VacancyFactory(
        occupation=occupation(code), sector=sector(sector_code) if sector_code else None,
        place=place(place_name) if place_name else None,
        status="published" if published else "draft",
        published_at=timezone.now() if published else None, **fields)


# --- random worlds for the equivalence and property tests

CODES = ["9412", "9411", "9112", "9111", "5120", "5131", "5223", "4110", "8322", "9333",
         "7112", "2512", "3434", "5312"]
SECTORS = ["horeca", "schoonmaak", "detailhandel", "logistiek-transport", "zorg-welzijn"]
PLACES = ["Utrecht", "Amersfoort", "Zeist", "Nieuwegein", "Houten", "Amsterdam", "Rotterdam",
          "Den Haag", "Gouda", "Woerden"]
SKILLS = ["Koken", "hygiëne", "klantvriendelijk", "Schoonmaken", "heftruck", "Excel",
          "plannen", "kassa", "Nederlands spreken", "teamwerk", "Crèche-ervaring", "rijden"]


def _some(rng, values, most):
    return rng.sample(values, rng.randint(0, most))


def random_candidate(rng: random.Random, **extra):
    hours = sorted(rng.sample(range(4, 41), 2)) if rng.random() < 0.8 else [None, None]
    if rng.random() < 0.2:
        hours[rng.randint(0, 1)] = None
    return candidate(
        occupations=_some(rng, CODES, 3), sectors=_some(rng, SECTORS, 2),
        languages={code: rng.choice(LanguageLevel.values)
                   for code in _some(rng, ["nl", "en", "ar", "pl"], 3)},
        competences=_some(rng, SKILLS, 3),
        professional_skills=[s.upper() if rng.random() < 0.3 else s
                             for s in _some(rng, SKILLS, 3)],
        place_of_residence=place(rng.choice(PLACES)) if rng.random() < 0.85 else None,
        transport=_some(rng, Transport.values, 2),
        max_travel_km=rng.choice([None, None, 5, 15, 40, 80]),
        driving_licences=_some(rng, DrivingLicence.values, 2),
        hours_per_week_min=hours[0], hours_per_week_max=hours[1],
        available_from=(date(2026, 3, 1) + timedelta(days=rng.randint(-60, 120))
                        if rng.random() < 0.7 else None),
        **{physical_field_name(code): rng.choice([None, True, True, False])
           for code in PHYSICAL_CODES},
        **extra)


def random_vacancy(rng: random.Random, **extra):
    hours = sorted(rng.sample(range(8, 41), 2)) if rng.random() < 0.7 else [None, None]
    if rng.random() < 0.3:
        hours[rng.randint(0, 1)] = None
    return vacancy(
        code=rng.choice(CODES),
        sector_code=rng.choice(SECTORS) if rng.random() < 0.6 else None,
        place_name=rng.choice(PLACES) if rng.random() < 0.85 else None,
        skills=[s.lower() if rng.random() < 0.5 else s for s in _some(rng, SKILLS, 4)]
        + (["  "] if rng.random() < 0.1 else []),
        hours_per_week_min=hours[0], hours_per_week_max=hours[1],
        start_date=(date(2026, 3, 1) + timedelta(days=rng.randint(-30, 90))
                    if rng.random() < 0.5 else None),
        required_driving_licence=rng.choice(["", "", "", "B", "C", "AM"]),
        required_languages=_some(rng, ["nl", "en", "ar"], 2),
        physical_demands=_some(rng, PHYSICAL_CODES, 2),
        **extra)
