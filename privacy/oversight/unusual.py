"""Unusual access, found once a day in the audit log (issue 17).

Four patterns, each counted per person for one day in one grouped query: an employer account
opening far more profiles than the threshold and than its own usual day, a staff member
searching by name very often, many exports by one person, and staff reading personal data
outside office hours. Thresholds are the municipality's (OversightSettings). A signal is a
row for the administrator to look into, never a decision about the person; the mail that
announces it holds counts and a link, no names.
"""

import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractHour
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from hallowerk.models import User
from hallowerk.roles import STAFF_ROLES, Role
from privacy.models import AuditAction, AuditEvent, RetentionRule

from .models import AccessSignal, OversightSettings

logger = logging.getLogger(__name__)
Kind = AccessSignal.Kind
# "Usual" is the person's average day over this many days before the day looked at.
USUAL_DAYS = 28
# Reads of personal data that count as access outside office hours.
PERSONAL_DATA_READS = (AuditAction.PROFILE_VIEWED, AuditAction.SEARCH, AuditAction.EXPORT)


def settings_for(municipality_id: int) -> OversightSettings:
    """The municipality's settings, or the defaults (unsaved) when it never changed them."""
    return (OversightSettings.objects.filter(municipality_id=municipality_id).first()
            or OversightSettings(municipality_id=municipality_id))


def _local_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _on(day: date) -> Q:
    return Q(created_at__gte=_local_start(day), created_at__lt=_local_start(day + timedelta(1)))


@dataclass(frozen=True)
class Pattern:
    kind: str
    events: Callable[[], QuerySet]
    threshold: Callable[[OversightSettings], int]
    # Whether the person's own usual day also has to be exceeded (usual_factor times).
    against_usual: bool = False


PATTERNS = (
    Pattern(Kind.EMPLOYER_VIEWS,
            lambda: AuditEvent.objects.filter(action=AuditAction.PROFILE_VIEWED,
                                              actor_role=Role.EMPLOYER),
            lambda s: s.employer_views_per_day, against_usual=True),
    Pattern(Kind.STAFF_SEARCHES,
            lambda: AuditEvent.objects.filter(action=AuditAction.SEARCH,
                                              actor_role__in=STAFF_ROLES)
            .exclude(data__query="").filter(data__query__isnull=False),
            lambda s: s.staff_searches_per_day),
    Pattern(Kind.EXPORTS,
            lambda: AuditEvent.objects.filter(action=AuditAction.EXPORT)
            .exclude(actor_role=Role.JOBSEEKER),
            lambda s: s.exports_per_day),
)


def _per_person(events: QuerySet, day: date) -> dict[tuple[int, str, int], int]:
    rows = (events.filter(_on(day), actor__isnull=False, municipality_id__isnull=False)
            .values("actor_id", "actor_role", "municipality_id").annotate(n=Count("id"))
            .order_by())
    return {(r["actor_id"], r["actor_role"], r["municipality_id"]): r["n"] for r in rows}


def _usual(events: QuerySet, day: date, actor_ids: set[int]) -> dict[int, float]:
    since = day - timedelta(days=USUAL_DAYS)
    rows = (events.filter(actor_id__in=actor_ids, created_at__gte=_local_start(since),
                          created_at__lt=_local_start(day))
            .values("actor_id").annotate(n=Count("id")).order_by())
    return {r["actor_id"]: r["n"] / USUAL_DAYS for r in rows}


def _off_hours_counts(day: date) -> dict[tuple[int, str, int], int]:
    # Each municipality has its own hours: the hour is compared per row here, on the staff
    # reads of one day (a few thousand at most).
    counts: Counter = Counter()
    rows = (AuditEvent.objects.filter(actor_role__in=STAFF_ROLES, action__in=PERSONAL_DATA_READS)
            .filter(_on(day), actor__isnull=False, municipality_id__isnull=False)
            .annotate(hour=ExtractHour("created_at", tzinfo=timezone.get_current_timezone()))
            .values_list("actor_id", "actor_role", "municipality_id", "hour"))
    weekend = day.isoweekday() >= 6
    hours = {}
    for actor_id, role, municipality_id, hour in rows:
        if municipality_id not in hours:
            s = settings_for(municipality_id)
            hours[municipality_id] = (s.office_hours_start, s.office_hours_end,
                                      s.weekend_is_off_hours)
        start, end, weekend_off = hours[municipality_id]
        if not start <= hour < end or (weekend and weekend_off):
            counts[(actor_id, role, municipality_id)] += 1
    return counts


def _found(day: date) -> list[AccessSignal]:
    found = []
    cache: dict[int, OversightSettings] = {}

    def limits(municipality_id):
        if municipality_id not in cache:
            cache[municipality_id] = settings_for(municipality_id)
        return cache[municipality_id]

    for pattern in PATTERNS:
        counts = _per_person(pattern.events(), day)
        usual = (_usual(pattern.events(), day, {actor for actor, _r, _m in counts})
                 if pattern.against_usual else {})
        for (actor_id, role, municipality_id), n in counts.items():
            s = limits(municipality_id)
            threshold = pattern.threshold(s)
            if n <= threshold:
                continue
            if pattern.against_usual and n <= s.usual_factor * usual.get(actor_id, 0):
                continue
            found.append(AccessSignal(municipality_id=municipality_id, kind=pattern.kind,
                                      actor_id=actor_id, actor_role=role, day=day, count=n,
                                      threshold=threshold))
    for (actor_id, role, municipality_id), n in _off_hours_counts(day).items():
        found.append(AccessSignal(municipality_id=municipality_id, kind=Kind.OFF_HOURS,
                                  actor_id=actor_id, actor_role=role, day=day, count=n,
                                  threshold=0))
    return found


def access_signals_record(*, day: date) -> list[AccessSignal]:
    """Record the signals of one (local) day and mail each municipality's administrators
    about the new ones. Safe to run twice: a signal exists once per person, kind and day."""
    new = []
    for signal in _found(day):
        _, created = AccessSignal.objects.get_or_create(
            kind=signal.kind, actor_id=signal.actor_id, day=day,
            defaults={"municipality_id": signal.municipality_id, "actor_role": signal.actor_role,
                      "count": signal.count, "threshold": signal.threshold})
        if created:
            new.append(signal)
    _notify(new)
    return new


def access_signals_purge(*, now: datetime) -> int:
    """Signals go with the audit log's period: a signal points into the log, so it is kept
    exactly as long as the lines it is about."""
    from dateutil.relativedelta import relativedelta

    from privacy.retention.rules import Rules

    months = Rules.load().get(RetentionRule.Kind.AUDIT)
    if months is None:
        return 0
    cutoff = timezone.localdate(now) - relativedelta(months=months)
    return AccessSignal.objects.filter(day__lt=cutoff).delete()[0]


def _notify(signals: list[AccessSignal]) -> None:
    per_municipality: dict[int, Counter] = defaultdict(Counter)
    for signal in signals:
        per_municipality[signal.municipality_id][signal.get_kind_display()] += 1
    url = settings.SITE_URL.rstrip("/") + reverse("privacy:access_signals")
    for admin in User.objects.filter(role=Role.ADMINISTRATOR, is_active=True,
                                     municipality_id__in=per_municipality):
        kinds = per_municipality[admin.municipality_id]
        with translation.override("nl"):
            subject = translation.gettext("Signalen van ongewone toegang in HalloWerk")
            body = render_to_string("privacy/email/access_signals.txt",
                                    {"user": admin, "kinds": dict(kinds), "url": url})
        try:
            send_mail(subject, body, None, [admin.email])
        except Exception:
            # The signals page shows the same; the next signal mails again.
            logger.exception("Access signal mail to user %s failed", admin.pk)
