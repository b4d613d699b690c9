"""The notice before destruction: the responsible coach hears, a month ahead, how many
dossiers will be destroyed on which day. The mail names nobody; the list is in the back
office (privacy:coach_due), behind login and 2FA."""

import logging
from collections import Counter, defaultdict
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.models import RetentionNotice

from .rules import NOTICE_DAYS, Rules
from .selectors import due_by

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


def _needing_notice(rules: Rules, today: date):
    """Due within the notice period, not held, and not yet told about this due date."""
    return (due_by(Candidate.objects.all(), rules, today + timedelta(days=NOTICE_DAYS))
            .filter(on_hold=False)
            .exclude(Exists(RetentionNotice.objects.filter(
                candidate=OuterRef("pk"), due_on=OuterRef("retention_due_on"))))
            .order_by("pk")
            .values_list("pk", "retention_due_on", "responsible_coach_id", "municipality_id",
                         "retention_notice__first_notified_on"))


def retention_notices_send(*, rules: Rules, today: date) -> int:
    """Record the notices (in small transactions) and mail each recipient once."""
    if not rules.complete_for_dossiers:
        return 0
    rows = list(_needing_notice(rules, today))
    tally: Counter = Counter()
    now = timezone.now()
    for start in range(0, len(rows), BATCH_SIZE):
        with transaction.atomic():
            for pk, due_on, coach_id, municipality_id, first in rows[start:start + BATCH_SIZE]:
                first = first or today
                destroy_on = max(due_on, first + timedelta(days=NOTICE_DAYS))
                RetentionNotice.objects.update_or_create(
                    candidate_id=pk, defaults={"due_on": due_on, "first_notified_on": first,
                                               "destroy_on": destroy_on, "notified_at": now})
                tally[(coach_id, municipality_id, destroy_on)] += 1
    _mail(tally)
    return len(rows)


def _recipients(tally: Counter) -> dict[User, dict[date, int]]:
    """The responsible coach; the municipality's administrators when there is none (left,
    deactivated), so a dossier is never destroyed without anyone being told."""
    coach_ids = {coach_id for coach_id, _m, _d in tally if coach_id}
    coaches = {user.pk: user for user in User.objects.filter(
        pk__in=coach_ids, role=Role.COACH, is_active=True)}
    admins: dict[int, list[User]] = defaultdict(list)
    for admin in User.objects.filter(role=Role.ADMINISTRATOR, is_active=True).filter(
            municipality_id__in={m for _c, m, _d in tally}):
        admins[admin.municipality_id].append(admin)
    per_user: dict[User, Counter] = defaultdict(Counter)
    for (coach_id, municipality_id, destroy_on), count in tally.items():
        for user in ([coaches[coach_id]] if coach_id in coaches else admins[municipality_id]):
            per_user[user][destroy_on] += count
    return {user: dict(sorted(days.items())) for user, days in per_user.items()}


def _mail(tally: Counter) -> None:
    for user, days in _recipients(tally).items():
        page = "privacy:coach_due" if user.role == Role.COACH else "privacy:retention_report"
        context = {"user": user, "days": days, "url": absolute_url(reverse(page))}
        with translation.override("nl"):
            subject = translation.gettext("Dossiers die binnenkort worden vernietigd")
            body = render_to_string("privacy/email/retention_notice.txt", context)
        try:
            send_mail(subject, body, None, [user.email])
        except Exception:
            # The list in the back office shows the same; the run goes on.
            logger.exception("Retention notice mail to user %s failed", user.pk)
