"""The control cycle of the workshop: does the advice reach every group alike?

For one municipality: rank its matchable candidates for each of its published vacancies
(as its account manager would see them), count who appears in a top 25, and break that
down by gender, age band and target group. The engine never reads these attributes; this
report reads them only to count, and keeps nothing but the counts.

Small numbers are suppressed before anything is stored: a count below 5 becomes None
(shown as "fewer than 5"), and when exactly one row of a breakdown is suppressed, the next
smallest is too, so it cannot be worked out from the total. The ratio compares each
group's share with the highest share among the groups shown; below 0.8 (the "four-fifths"
rule of thumb) the page asks to take a look.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from candidates.models import Candidate
from employers.models import Vacancy

from . import ranking
from .models import (
    Audience,
    CandidateRanking,
    FeedbackReason,
    FeedbackVerdict,
    SuggestionFeedback,
)

SMALL_CELL = 5
RATIO_TO_FLAG = 0.8
TOP = ranking.SUGGESTION_LIMIT

# (key, lowest age, first age no longer in the band)
AGE_BANDS = [("under_27", 0, 27), ("27_44", 27, 45), ("45_54", 45, 55), ("55_plus", 55, 200)]
TARGET_GROUPS = [("banenafspraak", "tg_banenafspraak"), ("praktijkroute", "tg_praktijkroute"),
                 ("bbl", "tg_bbl"), ("tozo", "tg_tozo")]


def age_on(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def age_band(born: date | None, today: date) -> str:
    age = age_on(born, today)
    if age is None:
        return "unknown"
    return next(key for key, low, high in AGE_BANDS if low <= age < high)


def _row(group: str, members: list[int], appearances: Counter) -> dict:
    appeared = sum(1 for pk in members if appearances[pk])
    return {"group": group, "population": len(members), "appeared": appeared,
            "appearances": sum(appearances[pk] for pk in members)}


def _hide(row: dict, *, population: bool) -> None:
    row.update(appeared=None, appearances=None)
    if population:
        row["population"] = None


def suppress(rows: list[dict]) -> list[dict]:
    """Suppress small cells in place (see the module text) and add share and ratio."""
    for row in rows:
        if row["population"] < SMALL_CELL:
            _hide(row, population=True)
        elif row["appeared"] < SMALL_CELL:
            _hide(row, population=False)
    for column in ("population", "appeared"):
        hidden = [row for row in rows if row[column] is None]
        shown = [row for row in rows if row[column] is not None]
        if len(hidden) == 1 and shown:
            smallest = min(shown, key=lambda row: (row[column], row["group"]))
            _hide(smallest, population=column == "population")
    for row in rows:
        row["share"] = (row["appeared"] / row["population"]
                        if row["appeared"] is not None else None)
    best = max((row["share"] for row in rows if row["share"] is not None), default=0)
    for row in rows:
        row["ratio"] = row["share"] / best if row["share"] is not None and best else None
        if row["ratio"] is not None:
            row["flag"] = row["ratio"] < RATIO_TO_FLAG
        else:
            # "Fewer than 5 of N" bounds the share by 4/N: flag when even that is low.
            row["flag"] = bool(best and row["population"] is not None
                               and (SMALL_CELL - 1) / row["population"] / best < RATIO_TO_FLAG)
    return rows


@dataclass
class Computed:
    vacancy_count: int
    candidate_count: int
    data: dict


def top_appearances(municipality, people: set[int]) -> tuple[Counter, int]:
    """How often each of `people` (the municipality's matchable candidates) is in a top 25
    of its published vacancies. One pass over the kept lists of the municipality's own
    candidates (models/cache.py, audience "municipality"), each narrowed to `people` now;
    a list that is missing or too short after that is ranked again. Candidate ids stay in
    memory only."""
    from .refresh import candidate_rankings_compute  # refresh imports the selectors

    appearances: Counter = Counter()
    published = list(Vacancy.objects.published().filter(municipality=municipality)
                     .order_by("pk").values_list("pk", flat=True))
    again = []
    for start in range(0, len(published), 2000):
        chunk = published[start:start + 2000]
        lists = {row.vacancy_id: row for row in CandidateRanking.objects.filter(
            vacancy_id__in=chunk, audience=Audience.MUNICIPALITY)}
        for pk in chunk:
            top = _top(lists.get(pk), people)
            if top is None:
                again.append(pk)
            else:
                appearances.update(top)
    for vacancy in (Vacancy.objects.filter(pk__in=again)
                    .select_related("occupation", "place", "municipality")):
        row = candidate_rankings_compute(
            vacancy=vacancy, audiences=[Audience.MUNICIPALITY])[Audience.MUNICIPALITY]
        appearances.update(_top(row, people) or [])
    return appearances, len(published)


def _top(row, people: set[int]) -> list[int] | None:
    if row is None:
        return None
    kept = [pk for pk in row.candidate_ids if pk in people]
    if len(kept) < TOP and not row.complete:
        return None
    return kept[:TOP]


def fairness_report_compute(*, municipality, today: date | None = None) -> Computed:
    today = today or timezone.localdate()
    people = list(ranking.matchable_candidates(Candidate.objects.filter(
        municipality=municipality)).values("pk", "gender", "date_of_birth",
                                           *(field for _key, field in TARGET_GROUPS)))
    appearances, vacancy_count = top_appearances(municipality,
                                                 {person["pk"] for person in people})
    groups: dict[str, dict[str, list[int]]] = {"gender": {}, "age_band": {}, "target_group": {}}
    for person in people:
        pk = person["pk"]
        groups["gender"].setdefault(person["gender"], []).append(pk)
        groups["age_band"].setdefault(age_band(person["date_of_birth"], today), []).append(pk)
        marked = [key for key, field in TARGET_GROUPS if person[field]]
        for key in marked or ["none"]:
            groups["target_group"].setdefault(key, []).append(pk)
    breakdowns = {name: suppress([_row(group, members, appearances)
                                  for group, members in sorted(by_group.items())])
                  for name, by_group in groups.items()}
    total = suppress([_row("all", [person["pk"] for person in people], appearances)])[0]
    return Computed(vacancy_count, len(people), {
        "breakdowns": breakdowns, "total": total, "top": TOP, "date": today.isoformat()})


def feedback_counts(municipality) -> dict:
    """Feedback on suggestions by the municipality's jobseekers, small counts suppressed."""
    feedback = SuggestionFeedback.objects.filter(candidate__municipality=municipality)
    verdicts = Counter(feedback.values_list("verdict", flat=True))
    reasons = Counter(feedback.filter(verdict=FeedbackVerdict.DOES_NOT_FIT)
                      .values_list("reason", flat=True))
    verdict_rows = [{"group": key, "count": verdicts[key]} for key in FeedbackVerdict.values]
    reason_rows = [{"group": key, "count": reasons[key]} for key in FeedbackReason.values]
    for rows in (verdict_rows, reason_rows):
        _suppress_counts(rows)
    return {"verdicts": verdict_rows, "reasons": reason_rows}


def _suppress_counts(rows: list[dict]) -> None:
    for row in rows:
        if row["count"] < SMALL_CELL:
            row["count"] = None
    hidden = [row for row in rows if row["count"] is None]
    shown = [row for row in rows if row["count"] is not None]
    if len(hidden) == 1 and shown:
        min(shown, key=lambda row: (row["count"], row["group"]))["count"] = None
