"""The team lead's trend: figures per month over the last twelve months, for charts.

Counted by the same periodic job as the totals (hallowerk/stats.py figures_refresh) and stored
as one MunicipalityFigures row per municipality (period "month"), so the page reads one row.
Counts of persons are hidden below SMALL_CELL; so is a sharing rate whose sharing or
not-sharing group is that small.

The sharing rate cannot be counted backwards (HalloWerk keeps no history of the choice), so
each count records the rate of the current month and keeps what earlier counts recorded.
"""

from collections import defaultdict
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from candidates.models import Candidate
from hallowerk.models import MunicipalityFigures
from matching.models import SuggestionFeedback

MONTHLY = "month"  # the period key of the stored monthly row
MONTHS = 12


def month_keys(today: date) -> list[str]:
    """'YYYY-MM' of the last MONTHS months, oldest first, this month last."""
    first = today.replace(day=1)
    return [(first - relativedelta(months=back)).strftime("%Y-%m")
            for back in range(MONTHS - 1, -1, -1)]


def _key(moment) -> str:
    return moment.strftime("%Y-%m")


def _grouped(queryset, municipality: str, moment: str, split: str | None, name: str,
             into: dict, since: date) -> None:
    fields = [municipality, "month", *([split] if split else [])]
    rows = (queryset.filter(**{f"{moment}__gte": since}).order_by()
            .annotate(month=TruncMonth(moment)).values(*fields).annotate(n=Count("pk")))
    for row in rows:
        figure = f"{name}_{row[split]}" if split else name
        into[row[municipality]][_key(row["month"])][figure] = row["n"]


def monthly_count(*, municipality_ids: list[int], now: datetime) -> dict[int, dict]:
    """{municipality id: {'YYYY-MM': {figure: count}}} for the last MONTHS months; one
    grouped query per table."""
    today = timezone.localdate(now)
    since = today.replace(day=1) - relativedelta(months=MONTHS - 1)
    since_moment = timezone.make_aware(datetime.combine(since, time.min))
    counted: dict = defaultdict(lambda: defaultdict(dict))
    candidates = Candidate.objects.filter(municipality_id__in=municipality_ids)
    _grouped(candidates, "municipality_id", "created_at", None, "inflow", counted, since_moment)
    _grouped(candidates.exclude(end_reason=""), "municipality_id", "dossier_ended_on",
             "end_reason", "ended", counted, since)
    _grouped(SuggestionFeedback.objects.filter(candidate__municipality_id__in=municipality_ids),
             "candidate__municipality_id", "created_at", "verdict", "feedback", counted,
             since_moment)
    sharing = (candidates.filter(dossier_ended_on__isnull=True, is_active=True,
                                 hidden_by_staff=False).order_by().values("municipality_id")
               .annotate(base=Count("pk"), shared=Count("pk", filter=Q(
                   shared_with_employers=True))))
    this_month = _key(today)
    for row in sharing:
        counted[row["municipality_id"]][this_month].update(
            sharing_base=row["base"], sharing_shared=row["shared"])
    return counted


def monthly_rows(*, municipality_ids: list[int], now: datetime) -> list[MunicipalityFigures]:
    """The rows to store; earlier months keep the sharing rate an earlier count recorded."""
    counted = monthly_count(municipality_ids=municipality_ids, now=now)
    keys = month_keys(timezone.localdate(now))
    earlier = dict(MunicipalityFigures.objects.filter(
        municipality_id__in=municipality_ids, period=MONTHLY)
        .values_list("municipality_id", "counts"))
    rows = []
    for pk in municipality_ids:
        months = {}
        for key in keys:
            kept = earlier.get(pk, {}).get(key, {})
            recorded = {k: v for k, v in kept.items() if k.startswith("sharing_")}
            months[key] = {**recorded, **counted.get(pk, {}).get(key, {})}
        rows.append(MunicipalityFigures(municipality_id=pk, period=MONTHLY, counts=months,
                                        computed_at=now))
    return rows

