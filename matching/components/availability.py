"""Availability: the hours the candidate wishes against the vacancy's, and whether they
can start in time. Applies when the vacancy states hours or a start date; each part that
applies counts for an equal share."""

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Piece, Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about, not_applicable

HOURS_POINTS_LOST_PER_HOUR = 25  # hours just outside the wished range still count a bit
START_GRACE_DAYS = 30  # available soon after the start date: half the points


def hours_range(low: int | None, high: int | None) -> tuple[int, int] | None:
    """A range of hours per week, either end standing in for a missing other."""
    if low is None:
        return None if high is None else (high, high)
    return (low, low if high is None else high)


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    wanted = hours_range(v.hours_min, v.hours_max)
    if wanted is None and v.start_date is None:
        return not_applicable("availability")
    parts: list[int] = []
    facts: dict[str, object] = {"hours": wanted, "start_date": v.start_date}
    if wanted is not None:
        offered = hours_range(c.hours_min, c.hours_max)
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


def _hours_points(offered_low: Piece, offered_high: Piece, wanted_low: Piece,
                  wanted_high: Piece) -> Sql:
    return sql("greatest(0, 100 - {lost} * greatest(0, ({ol}) - ({wh}), ({wl}) - ({oh})))",
               lost=HOURS_POINTS_LOST_PER_HOUR, ol=offered_low, oh=offered_high,
               wl=wanted_low, wh=wanted_high)


def _start_points(available: Piece, start: Piece) -> Sql:
    return sql("CASE WHEN ({a}) <= ({s}) THEN 100 WHEN ({a}) - ({s}) <= {grace} THEN 50"
               " ELSE 0 END", a=available, s=start, grace=START_GRACE_DAYS)


_OFFERED_LOW = "coalesce(p.hours_per_week_min, p.hours_per_week_max)"
_OFFERED_HIGH = "coalesce(p.hours_per_week_max, p.hours_per_week_min)"


def for_vacancy(side: VacancySide) -> RowTerm | None:
    v = side.vacancy
    hours = hours_range(v.hours_min, v.hours_max)
    parts = []
    if hours is not None:
        points = _hours_points(_OFFERED_LOW, _OFFERED_HIGH, Sql.value(hours[0], "::int"),
                               Sql.value(hours[1], "::int"))
        parts.append(sql("CASE WHEN {low} IS NULL THEN 0 ELSE {points} END",
                         low=_OFFERED_LOW, points=points))
    if v.start_date is not None:
        points = _start_points("p.available_from", Sql.value(v.start_date, "::date"))
        parts.append(sql("CASE WHEN p.available_from IS NULL THEN 0 ELSE {points} END",
                         points=points))
    if not parts:
        return None
    return RowTerm(points=sql("({sum}) / {n}", sum=Sql.join(" + ", parts), n=len(parts)))


_WANTED_LOW = "coalesce(v.hours_per_week_min, v.hours_per_week_max)"
_WANTED_HIGH = "coalesce(v.hours_per_week_max, v.hours_per_week_min)"


def for_candidate(c: CandidateFeatures) -> RowTerm:
    offered = hours_range(c.hours_min, c.hours_max)
    hours = Sql("0") if offered is None else _hours_points(
        Sql.value(offered[0], "::int"), Sql.value(offered[1], "::int"), _WANTED_LOW,
        _WANTED_HIGH)
    start = Sql("0") if c.available_from is None else _start_points(
        Sql.value(c.available_from, "::date"), "v.start_date")
    points = sql("CASE WHEN {low} IS NOT NULL AND v.start_date IS NOT NULL"
                 " THEN (({hours}) + ({start})) / 2"
                 " WHEN {low} IS NOT NULL THEN {hours}"
                 " WHEN v.start_date IS NOT NULL THEN {start} ELSE 0 END",
                 low=_WANTED_LOW, hours=hours, start=start)
    return RowTerm(applies=Sql(f"({_WANTED_LOW} IS NOT NULL OR v.start_date IS NOT NULL)"),
                   points=points)


def _hours(hours: tuple[int, int]) -> str:
    low, high = hours
    if low == high:
        return gettext("%(hours)s uur") % {"hours": low}
    return gettext("%(low)s tot %(high)s uur") % {"low": low, "high": high}


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    lines = []
    hours_points = facts.get("hours_points", 0)
    if hours_points == 100:
        text = about(audience, gettext("De uren passen bij wat u zoekt: %(hours)s per week."),
                     gettext("De uren passen bij wat de kandidaat zoekt: %(hours)s per week."))
        lines.append(text % {"hours": _hours(facts["hours"])})
    elif hours_points > 0:
        text = about(audience,
                     gettext("De uren liggen dicht bij wat u zoekt: %(hours)s per week."),
                     gettext("De uren liggen dicht bij wat de kandidaat zoekt: %(hours)s per "
                             "week."))
        lines.append(text % {"hours": _hours(facts["hours"])})
    start_points = facts.get("start_points", 0)
    if start_points == 100:
        text = about(audience,
                     gettext("U kunt op tijd beginnen: u bent beschikbaar vanaf %(date)s."),
                     gettext("De kandidaat kan op tijd beginnen: beschikbaar vanaf %(date)s."))
        lines.append(text % {"date": date_format(facts["available_from"], "j F Y")})
    elif start_points > 0:
        lines.append(about(audience, gettext("U kunt kort na de startdatum beginnen."),
                           gettext("De kandidaat kan kort na de startdatum beginnen.")))
    return lines


P = "candidates.Profile"
AVAILABILITY = Declared(
    key="availability", label=_("Uren en startdatum"), weight=Weight(_("beschikbaarheid"), 2),
    reads=((P, "hours_per_week_min"), (P, "hours_per_week_max"), (P, "available_from")),
    hard=False, score=score, for_vacancy=for_vacancy, for_candidate=for_candidate,
    phrases=phrases)
