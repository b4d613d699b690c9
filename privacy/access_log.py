"""The audit log as the jobseeker sees it: who looked at them, and everything about them.

Employers are named by organisation, staff only by role (SPEC §8 balance of power: the
candidate sees who viewed them; staff names are not theirs to collect). Staff IP addresses
never leave the audit log.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import Candidate
from employers.models import Employer
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent

# What a jobseeker sees on "who viewed my profile".
VIEW_ACTIONS = (AuditAction.PROFILE_VIEWED, AuditAction.EXPORT)
# Details of an event that may be shown to the person it is about (never a search query of
# someone else, never an IP address).
SAFE_DATA_KEYS = ("fields", "kind", "terms_version", "role", "opted_out", "length")


def candidate_events(candidate: Candidate) -> QuerySet[AuditEvent]:
    """Every audit event about this candidate, their account or their conversations, and
    everything they did themself — newest first."""
    about = Q(target_type="candidates.candidate", target_id=str(candidate.pk))
    thread_ids = [str(pk) for pk in candidate.threads.values_list("pk", flat=True)]
    if thread_ids:
        about |= Q(target_type="candidates.thread", target_id__in=thread_ids)
    if candidate.user_id:
        about |= Q(target_type="hallowerk.user", target_id=str(candidate.user_id))
        about |= Q(actor_id=candidate.user_id)
    return AuditEvent.objects.filter(about).order_by("-created_at", "-id")


def _employer_names(events) -> tuple[dict[int, str], dict[int, str]]:
    """(employer id → name, employer user id → organisation name) for these events."""
    employer_ids = {e.data.get("employer") for e in events if isinstance(e.data, dict)}
    actor_ids = {e.actor_id for e in events if e.actor_role == Role.EMPLOYER and e.actor_id}
    by_employer = dict(Employer.objects.filter(pk__in={i for i in employer_ids if i})
                       .values_list("pk", "name"))
    by_actor = dict(User.objects.filter(pk__in=actor_ids, employer__isnull=False)
                    .values_list("pk", "employer__name"))
    return by_employer, by_actor


def describe_actor(event: AuditEvent, candidate: Candidate, names) -> str:
    by_employer, by_actor = names
    if event.actor_id and event.actor_id == candidate.user_id:
        return _("u zelf")
    if event.actor_role == Role.EMPLOYER:
        employer_id = event.data.get("employer") if isinstance(event.data, dict) else None
        return (by_employer.get(employer_id) or by_actor.get(event.actor_id)
                or _("een werkgever (die niet meer meedoet)"))
    if event.actor_role in Role.values:
        return str(Role(event.actor_role).label)
    return _("HalloWerk (automatisch)")


@dataclass
class LogLine:
    at: object
    action: str
    what: str
    who: str
    details: dict


def access_log(candidate: Candidate) -> list[LogLine]:
    events = list(candidate_events(candidate))
    names = _employer_names(events)
    return [LogLine(at=event.created_at, action=event.action,
                    what=event.get_action_display(), who=describe_actor(event, candidate, names),
                    details={k: v for k, v in (event.data or {}).items() if k in SAFE_DATA_KEYS})
            for event in events]


@dataclass
class ViewLine:
    day: date
    who: str
    is_employer: bool
    what: str
    times: int


def profile_views(candidate: Candidate) -> list[ViewLine]:
    """Per day and per viewer (an employer organisation, or a staff role): how often."""
    rows = (AuditEvent.objects
            .filter(target_type="candidates.candidate", target_id=str(candidate.pk),
                    action__in=VIEW_ACTIONS)
            .exclude(actor_id=candidate.user_id)
            .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
            .values("day", "action", "actor_role", "data__employer")
            .annotate(times=Count("id"))
            .order_by("-day", "actor_role", "data__employer"))
    employer_ids = {row["data__employer"] for row in rows if row["data__employer"]}
    employers = dict(Employer.objects.filter(pk__in=employer_ids).values_list("pk", "name"))
    actions = dict(AuditAction.choices)
    lines = []
    for row in rows:
        role = row["actor_role"]
        if role == Role.EMPLOYER:
            who = employers.get(row["data__employer"]) or _("een werkgever (die niet meer "
                                                             "meedoet)")
        else:
            who = str(Role(role).label) if role in Role.values else _("onbekend")
        lines.append(ViewLine(day=row["day"], who=who, is_employer=role == Role.EMPLOYER,
                              what=str(actions[row["action"]]), times=row["times"]))
    return lines
