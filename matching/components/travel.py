"""Travel: the time to the workplace by the candidate's fastest means, full points up to a
quarter of an hour, none from an hour and a half. Applies when the vacancy has a place; a
workplace farther than the candidate's maximum distance excludes the pair.

The SQL repeats hallowerk.reference.haversine_km operation by operation (radians as a
multiplication by Python's own constant, the candidate's point first), so a floor() or a
"farther than" never lands on a different side in SQL than in Python.
"""

import math
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from hallowerk.reference import haversine_km
from hallowerk.reference.distance import EARTH_RADIUS_KM

from ..features import CandidateFeatures, Point, VacancyFeatures
from ..sql_fragment import Piece, Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about, not_applicable

# The candidate's fastest means of transport, door to door including waiting.
SPEED_KMH = {"car": 50, "public_transport": 30, "moped": 25, "bike": 15, "walking": 5}
# Without an answer we assume public transport for the score, and name no means in the
# explanation (it would be a guess).
ASSUMED_SPEED_KMH = SPEED_KMH["public_transport"]
FULL_POINTS_MINUTES = 15  # this close or closer: all points
ZERO_POINTS_MINUTES = 90  # this far or farther: none
DEG_TO_RAD = math.pi / 180.0  # what math.radians() multiplies by


def fastest_transport(transport: Iterable[str]) -> str | None:
    known = [means for means in transport if means in SPEED_KMH]
    return max(known, key=lambda means: (SPEED_KMH[means], means)) if known else None


def travel_points(minutes: int) -> int:
    clamped = min(max(minutes, FULL_POINTS_MINUTES), ZERO_POINTS_MINUTES)
    return (ZERO_POINTS_MINUTES - clamped) * 100 // (ZERO_POINTS_MINUTES - FULL_POINTS_MINUTES)


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    if v.place is None:
        return not_applicable("travel")
    if c.place is None:
        return Component("travel", True, 0)
    km = haversine_km(c.place.latitude, c.place.longitude, v.place.latitude, v.place.longitude)
    if c.max_travel_km is not None and km > c.max_travel_km:
        return Component("travel", True, 0, excluded=True)
    means = fastest_transport(c.transport)
    minutes = math.floor(km * 60 / (SPEED_KMH[means] if means else ASSUMED_SPEED_KMH))
    return Component("travel", True, travel_points(minutes),
                     facts={"km": km, "minutes": minutes, "means": means})


def _haversine(candidate_phi: Piece, candidate_lon: Piece, vacancy_phi: Piece,
               vacancy_lon: Piece) -> Sql:
    """haversine_km(candidate, vacancy), latitudes already in radians, longitudes in
    degrees."""
    d_lambda = sql("(({b}) - ({a})) * {d2r}", a=candidate_lon, b=vacancy_lon,
                   d2r=Sql.value(DEG_TO_RAD, "::float8"))
    h = sql("power(sin((({b}) - ({a})) / 2), 2) + cos({a}) * cos({b})"
            " * power(sin(({d_lambda}) / 2), 2)", a=candidate_phi, b=vacancy_phi,
            d_lambda=d_lambda)
    return sql("CASE WHEN pl.id IS NULL THEN NULL"
               " ELSE 2 * {radius} * asin(least(1.0::float8, sqrt({h}))) END",
               radius=Sql.value(EARTH_RADIUS_KM, "::float8"), h=h)


def _points(speed: Piece) -> Sql:
    """Points from the `dist` column and a speed."""
    minutes = sql("floor(dist * 60 / ({speed})::float8)::int", speed=speed)
    clamped = sql("least(greatest({minutes}, {full}), {zero})", minutes=minutes,
                  full=FULL_POINTS_MINUTES, zero=ZERO_POINTS_MINUTES)
    return sql("CASE WHEN dist IS NULL THEN 0 ELSE ({zero} - {clamped}) * 100 / {span} END",
               zero=ZERO_POINTS_MINUTES, clamped=clamped,
               span=ZERO_POINTS_MINUTES - FULL_POINTS_MINUTES)


def _phi(point: Point) -> Sql:
    return Sql.value(math.radians(point.latitude), "::float8")


# Fastest first, ties as Python's max() breaks them.
_SPEED_ORDER = sorted(SPEED_KMH.items(), key=lambda item: (item[1], item[0]), reverse=True)
_SPEED = ("CASE " + " ".join(f"WHEN '{means}' = ANY(p.transport) THEN {speed}"
                             for means, speed in _SPEED_ORDER)
          + f" ELSE {ASSUMED_SPEED_KMH} END")


def for_vacancy(side: VacancySide) -> RowTerm | None:
    place = side.vacancy.place
    if place is None:
        return None
    dist = _haversine(sql("pl.latitude * {d2r}", d2r=Sql.value(DEG_TO_RAD, "::float8")),
                      "pl.longitude", _phi(place), Sql.value(place.longitude, "::float8"))
    return RowTerm(
        columns=(("max_travel_km", Sql("p.max_travel_km")), ("speed", Sql(_SPEED)),
                 ("dist", dist)),
        points=_points("speed"),
        excluded=Sql("(dist IS NOT NULL AND max_travel_km IS NOT NULL"
                     " AND dist > max_travel_km)"),
        joins=("LEFT JOIN hallowerk_place pl ON pl.id = p.place_of_residence_id",))


def for_candidate(c: CandidateFeatures) -> RowTerm:
    if c.place is None:
        dist = Sql("NULL::float8")
    else:
        dist = _haversine(_phi(c.place), Sql.value(c.place.longitude, "::float8"),
                          sql("pl.latitude * {d2r}", d2r=Sql.value(DEG_TO_RAD, "::float8")),
                          "pl.longitude")
    means = fastest_transport(c.transport)
    excluded = None
    if c.max_travel_km is not None and c.place is not None:
        excluded = sql("(dist IS NOT NULL AND dist > {most})",
                       most=Sql.value(c.max_travel_km, "::int"))
    return RowTerm(
        columns=(("dist", dist), ("has_place", Sql("pl.id IS NOT NULL"))),
        applies=Sql("has_place"),
        points=_points(SPEED_KMH[means] if means else ASSUMED_SPEED_KMH),
        excluded=excluded, joins=("LEFT JOIN hallowerk_place pl ON pl.id = v.place_id",))


TRAVEL_MEANS = {
    "car": pgettext_lazy("reizen", "met de auto"),
    "public_transport": pgettext_lazy("reizen", "met het openbaar vervoer"),
    "moped": pgettext_lazy("reizen", "met de scooter of brommer"),
    "bike": pgettext_lazy("reizen", "met de fiets"),
    "walking": pgettext_lazy("reizen", "lopend"),
}


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    km = round(facts["km"])
    if km == 0:
        return [about(audience, gettext("Het werk is in of vlak bij uw woonplaats."),
                      gettext("Het werk is in of vlak bij de woonplaats van de kandidaat."))]
    means = facts["means"]
    if means is None:
        text = about(audience, gettext("%(km)s km van uw woonplaats."),
                     gettext("%(km)s km van de woonplaats van de kandidaat."))
        return [text % {"km": km}]
    minutes = max(5, 5 * round(facts["minutes"] / 5))
    text = about(audience,
                 gettext("%(km)s km van uw woonplaats, ongeveer %(minutes)s minuten "
                         "%(means)s."),
                 gettext("%(km)s km van de woonplaats van de kandidaat, ongeveer %(minutes)s "
                         "minuten %(means)s."))
    return [text % {"km": km, "minutes": minutes, "means": TRAVEL_MEANS[means]}]


P = "candidates.Profile"
TRAVEL = Declared(
    key="travel", label=_("Reisafstand en reistijd"), weight=Weight(_("reisafstand"), 3),
    reads=((P, "place_of_residence"), (P, "transport"), (P, "max_travel_km")), hard=True,
    score=score, for_vacancy=for_vacancy, for_candidate=for_candidate, phrases=phrases)
