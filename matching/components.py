"""The eight components of a match, each a small rule from a candidate and a vacancy to
0–100 points — the readable reference the SQL in sql.py mirrors line by line.

A component *applies* when the vacancy asks something of it (a vacancy without a sector has
no sector component); only applying components count, so the score is "how well it fits, on
what the vacancy asks". When the candidate left a question open, that component gives 0
points: there is no strength to show, and it is never a reason to exclude.

Hard requirements (`excluded`): a required driving licence the candidate does not hold; a
physical demand the candidate answered "cannot" to; a workplace farther away than the
maximum travel distance the candidate set. Everything else ranks.
"""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hallowerk.reference import haversine_km, isco_closeness
from hallowerk.reference.folding import FOLD_FROM, FOLD_TO

from .features import CandidateFeatures, VacancyFeatures

# Shared ISCO-08 levels → points: unit group, minor group, sub-major group, major group.
OCCUPATION_POINTS = {4: 100, 3: 75, 2: 50, 1: 25, 0: 0}
# A vacancy is relevant to a candidate from this many shared levels (the sub-major group:
# "cleaners and helpers", "food preparation assistants") — or through a chosen sector. A
# shared major group alone ("elementary occupations" holds cleaners and refuse collectors
# alike) still scores, but does not make a suggestion by itself.
RELEVANT_CLOSENESS = 2

# Travel: the candidate's fastest means of transport, door to door including waiting.
SPEED_KMH = {"car": 50, "public_transport": 30, "moped": 25, "bike": 15, "walking": 5}
# Without an answer we assume public transport for the score, and name no means in the
# explanation (it would be a guess).
ASSUMED_SPEED_KMH = SPEED_KMH["public_transport"]
FULL_POINTS_MINUTES = 15  # this close or closer: all points
ZERO_POINTS_MINUTES = 90  # this far or farther: none

HOURS_POINTS_LOST_PER_HOUR = 25  # hours just outside the wished range still count a bit
START_GRACE_DAYS = 30  # available soon after the start date: half the points

LANGUAGE_LEVEL_POINTS = {"fluent_native": 100, "good": 100, "reasonable": 75, "basic": 25}

# A licence held also counts for the ones it includes under Dutch rules (C needs B, …).
LICENCE_INCLUDES = {
    "AM": {"AM"},
    "A": {"A", "AM"},
    "B": {"B", "AM"},
    "BE": {"BE", "B", "AM"},
    "C": {"C", "B", "AM"},
    "CE": {"CE", "C", "BE", "B", "AM"},
    "D": {"D", "B", "AM"},
}

# Skills are compared after the same case/accent folding as PostgreSQL's translate() does.
SKILL_SEPARATOR = "|"
_FOLD = str.maketrans(FOLD_FROM[: len(FOLD_TO)], FOLD_TO, FOLD_FROM[len(FOLD_TO):])


@dataclass(frozen=True)
class Component:
    key: str
    applies: bool
    points: int = 0  # 0..100
    excluded: bool = False  # a hard requirement is not met
    facts: dict = field(default_factory=dict, compare=False)  # what the explanation needs


def not_applicable(key: str) -> Component:
    return Component(key, applies=False)


def fold_skill_text(text: str) -> str:
    """A candidate's skill as the SQL sees it: translate(text, FOLD_FROM, FOLD_TO)."""
    return text.translate(_FOLD)


def vacancy_skill_terms(skills: Iterable[str]) -> dict[str, str]:
    """Folded term → the vacancy's own wording, without empty or repeated terms."""
    terms: dict[str, str] = {}
    for skill in skills:
        term = skill.replace(SKILL_SEPARATOR, " ").translate(_FOLD).strip(" ")
        if term and term not in terms:
            terms[term] = skill.strip()
    return terms


def licences_covered(held: Iterable[str]) -> set[str]:
    covered: set[str] = set()
    for licence in held:
        covered |= LICENCE_INCLUDES.get(licence, {licence})
    return covered


def fastest_transport(transport: Iterable[str]) -> str | None:
    known = [means for means in transport if means in SPEED_KMH]
    return max(known, key=lambda means: (SPEED_KMH[means], means)) if known else None


def travel_points(minutes: int) -> int:
    clamped = min(max(minutes, FULL_POINTS_MINUTES), ZERO_POINTS_MINUTES)
    return (ZERO_POINTS_MINUTES - clamped) * 100 // (ZERO_POINTS_MINUTES - FULL_POINTS_MINUTES)


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _hours(low: int | None, high: int | None) -> tuple[int, int] | None:
    if low is None:
        return None if high is None else (high, high)
    return (low, low if high is None else high)


# --- the components


def occupation(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    best_code, best = "", 0
    for code in sorted(c.occupation_codes):
        closeness = isco_closeness(code, v.occupation_code)
        if closeness > best:
            best_code, best = code, closeness
    return Component("occupation", True, OCCUPATION_POINTS[best],
                     facts={"closeness": best, "code": best_code})


def skills(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    terms = vacancy_skill_terms(v.skills)
    if not terms:
        return not_applicable("skills")
    texts = [fold_skill_text(skill) for skill in c.skills]
    matched = [wording for term, wording in terms.items() if any(term in t for t in texts)]
    return Component("skills", True, len(matched) * 100 // len(terms),
                     facts={"matched": matched})


def sector(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    if v.sector_id is None:
        return not_applicable("sector")
    return Component("sector", True, 100 if v.sector_id in c.sector_ids else 0,
                     facts={"sector_id": v.sector_id})


def availability(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    wanted = _hours(v.hours_min, v.hours_max)
    if wanted is None and v.start_date is None:
        return not_applicable("availability")
    parts: list[int] = []
    facts: dict[str, object] = {"hours": wanted, "start_date": v.start_date}
    if wanted is not None:
        offered = _hours(c.hours_min, c.hours_max)
        if offered is None:
            hours = 0
        else:
            gap = max(0, offered[0] - wanted[1], wanted[0] - offered[1])
            hours = max(0, 100 - HOURS_POINTS_LOST_PER_HOUR * gap)
        parts.append(hours)
        facts["hours_points"] = hours
    if v.start_date is not None:
        if c.available_from is None:
            start = 0
        elif c.available_from <= v.start_date:
            start = 100
        elif (c.available_from - v.start_date).days <= START_GRACE_DAYS:
            start = 50
        else:
            start = 0
        parts.append(start)
        facts.update(start_points=start, available_from=c.available_from)
    return Component("availability", True, sum(parts) // len(parts), facts=facts)


def travel(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    if v.place is None:
        return not_applicable("travel")
    if c.place is None:
        return Component("travel", True, 0)
    # Candidate first: the SQL computes it in the same order, to the last bit.
    km = haversine_km(c.place.latitude, c.place.longitude, v.place.latitude, v.place.longitude)
    if c.max_travel_km is not None and km > c.max_travel_km:
        return Component("travel", True, 0, excluded=True)
    means = fastest_transport(c.transport)
    minutes = math.floor(km * 60 / (SPEED_KMH[means] if means else ASSUMED_SPEED_KMH))
    return Component("travel", True, travel_points(minutes),
                     facts={"km": km, "minutes": minutes, "means": means})


def driving_licence(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    if not v.driving_licence:
        return not_applicable("driving_licence")
    if v.driving_licence in licences_covered(c.driving_licences):
        return Component("driving_licence", True, 100, facts={"licence": v.driving_licence})
    return Component("driving_licence", True, 0, excluded=True)


def languages(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    required = _distinct(v.languages)
    if not required:
        return not_applicable("languages")
    levels = {code: c.languages.get(code, "") for code in required}
    points = sum(LANGUAGE_LEVEL_POINTS.get(level, 0) for level in levels.values())
    spoken = [(code, level) for code, level in levels.items()
              if LANGUAGE_LEVEL_POINTS.get(level, 0) > 0]
    return Component("languages", True, points // len(required), facts={"spoken": spoken})


def physical(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    demands = _distinct(v.physical_demands)
    if not demands:
        return not_applicable("physical")
    if any(c.physical.get(code) is False for code in demands):
        return Component("physical", True, 0, excluded=True)
    can = [code for code in demands if c.physical.get(code) is True]
    return Component("physical", True, len(can) * 100 // len(demands), facts={"can": can})


COMPONENTS: tuple[Callable[[CandidateFeatures, VacancyFeatures], Component], ...] = (
    occupation, skills, sector, availability, travel, driving_licence, languages, physical)
