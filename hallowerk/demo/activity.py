"""Every state a page or report can show, for the demo accounts' municipality.

Ended dossiers with each outcome, some due, some noticed, one on legal hold, some already
destroyed; conversations, contact requests, responses, a shortlist, saved searches, the
jobseeker's feedback on suggestions and a fairness report. A fixed, small set whatever the
population's size (so a run with 500,000 candidates stays as fast as before), made through
the services where they exist so the audit log shows it too. Mails are not sent: the demo
starts with this history, nobody has to be told about it. Idempotent: a second run sees the
first dossier of this set and stops.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from candidates.models import Candidate, ContactRequest, Message, Profile
from candidates.services_messaging import thread_open, vacancy_response_create
from employers.models import Vacancy
from employers.services_saved_searches import saved_search_create
from employers.services_shortlists import shortlist_create, shortlist_entry_add
from hallowerk.models import User
from hallowerk.roles import Role
from matching.models import FairnessReport
from matching.services import fairness_report_create, suggestion_feedback_give
from privacy.models import RetentionNotice
from privacy.retention.destroy import dossier_destroy
from privacy.retention.holds import legal_hold_place
from privacy.retention.rules import NOTICE_DAYS, OUTCOME_RULES, Rules, add_months
from privacy.retention.selectors import with_due_on

from .jobseeker import DEMO_EMAILS

PREFIX = "DEMO-STAAT-"
OUTCOMES = list(OUTCOME_RULES)  # broken_off, refused, ended


@dataclass(frozen=True)
class EndedDossier:
    key: str
    outcome: str
    due_in_days: int  # negative: the due date has passed
    state: str  # "ended" | "due" | "noticed" | "held" | "destroyed"


# Recently ended with each outcome; due soon, told, overdue on hold; destroyed.
ENDED = [
    *(EndedDossier(f"EIND-{i}", outcome, 400, "ended") for i, outcome in enumerate(OUTCOMES)),
    EndedDossier("BINNENKORT-1", "ended", 20, "due"),
    EndedDossier("BINNENKORT-2", "refused", 25, "due"),
    EndedDossier("GEMELD-1", "broken_off", 6, "noticed"),
    EndedDossier("GEMELD-2", "ended", -3, "noticed"),
    EndedDossier("BEWAARPLICHT-1", "refused", -40, "held"),
    *(EndedDossier(f"VERNIETIGD-{i}", outcome, -35 * (i + 1), "destroyed")
      for i, outcome in enumerate(OUTCOMES)),
]
FIRST_NAMES = ["Noor", "Bram", "Yara", "Daan", "Lotte", "Sem", "Fenna", "Milan", "Iris",
               "Jesse", "Ayla", "Thijs"]


def _user(role: str) -> User:
    return User.objects.get(email=DEMO_EMAILS[role])


def _ended_dossier(spec: EndedDossier, index: int, *, coach: User, rules: Rules,
                   today: date) -> Candidate:
    months = rules.get(OUTCOME_RULES[spec.outcome])
    ended_on = add_months(today + timedelta(days=spec.due_in_days), -months)
    candidate = Candidate.objects.create(
        municipality_id=coach.municipality_id, client_number=PREFIX + spec.key,
        first_name=FIRST_NAMES[index % len(FIRST_NAMES)], last_name="Voorbeeld",
        email=f"{spec.key.lower()}@kandidaat.demo.hallowerk.nl", responsible_coach=coach,
        is_active=False, dossier_ended_on=ended_on, end_reason=spec.outcome,
        created_at=timezone.now() - timedelta(days=(today - ended_on).days + 200))
    Profile.objects.create(candidate=candidate, personal_description="Voorbeelddossier.")
    return candidate


def _retention_states(*, coach: User, administrator: User, rules: Rules, today: date) -> None:
    for index, spec in enumerate(ENDED):
        candidate = _ended_dossier(spec, index, coach=coach, rules=rules, today=today)
        due_on = today + timedelta(days=spec.due_in_days)
        if spec.state in ("noticed", "held"):
            told = today - timedelta(days=5)
            RetentionNotice.objects.create(
                candidate=candidate, due_on=due_on, first_notified_on=told,
                destroy_on=max(due_on, told + timedelta(days=NOTICE_DAYS)))
        if spec.state == "held":
            legal_hold_place(by=administrator, candidate=candidate,
                             reason="Bezwaarprocedure loopt nog; bewaren tot de uitspraak.")
        if spec.state == "destroyed":
            locked = with_due_on(Candidate.objects.filter(pk=candidate.pk), rules).get()
            record = dossier_destroy(candidate=locked, rules=rules)
            record.destroyed_at = timezone.now() + timedelta(days=spec.due_in_days + 30)
            record.save(update_fields=["destroyed_at"])


def _conversations(*, sanne: Candidate, coach: User, employer_user: User) -> None:
    now = timezone.now()
    with_coach = thread_open(by=coach, candidate=sanne)
    for minutes, sender, body, read in [
        (60 * 48, coach, "Goedemorgen Sanne, ik heb uw profiel bekeken. Zullen we volgende "
                         "week samen naar de vacatures kijken?", True),
        (60 * 46, sanne.user, "Ja, graag. Dinsdagochtend kan ik.", True),
        (60 * 3, coach, "Dinsdag om 10 uur op het Werkplein. Tot dan!", False),
    ]:
        Message.objects.create(thread=with_coach, sender=sender, body=body,
                               created_at=now - timedelta(minutes=minutes),
                               read_at=now if read else None)
    with_employer = thread_open(by=employer_user, candidate=sanne)
    Message.objects.create(thread=with_employer, sender=employer_user,
                           body="Beste Sanne, wij zoeken iemand voor de winkel. Heeft u zin "
                                "om een keer langs te komen?",
                           created_at=now - timedelta(hours=20))


def _employer_activity(*, sanne: Candidate, coach: User, employer_user: User) -> None:
    visible = (Candidate.objects.visible_to(employer_user).exclude(pk=sanne.pk)
               .filter(municipality_id=employer_user.municipality_id).order_by("pk"))
    # Requests are for people who want contact through their coach; a small demo may have
    # too few of them, then anyone visible does.
    closed = list(visible.filter(directly_approachable=False)[:3])
    closed += list(visible.exclude(pk__in=[c.pk for c in closed])[:3 - len(closed)])
    now = timezone.now()
    for candidate, status in zip(closed, ContactRequest.Status.values, strict=False):
        handled = status != ContactRequest.Status.PENDING
        ContactRequest.objects.create(
            candidate=candidate, requested_by=employer_user, employer=employer_user.employer,
            message="Wij zouden graag kennismaken. Mag de werkmatcher ons in contact brengen?",
            status=status, handled_by=coach if handled else None,
            handled_at=now - timedelta(days=1) if handled else None,
            created_at=now - timedelta(days=3))
    vacancy = employer_user.employer.vacancies.filter(status="published").order_by("pk").first()
    shortlist = shortlist_create(by=employer_user, name="Voor de winkel", vacancy=vacancy)
    for candidate in [sanne, *visible[:4]]:
        shortlist_entry_add(by=employer_user, shortlist=shortlist, candidate=candidate)
    saved_search_create(by=employer_user, name="Alle kandidaten in de regio", query_string="")
    saved_search_create(by=employer_user, name="Kandidaten die Nederlands spreken",
                        query_string="languages=nl", alerts_enabled=False)


def _jobseeker_activity(*, sanne: Candidate) -> None:
    vacancies = list(Vacancy.objects.visible_to(sanne.user).order_by("pk")[:4])
    if vacancies:
        response = vacancy_response_create(
            by=sanne.user, vacancy=vacancies[0],
            message="Ik werk graag in een bakkerij en kan overdag.")
        response.status = response.Status.SEEN
        response.save(update_fields=["status"])
    for vacancy, (verdict, reason) in zip(vacancies[1:], [
            ("helps", ""), ("does_not_fit", "too_far"), ("does_not_fit", "hours")], strict=False):
        suggestion_feedback_give(by=sanne.user, candidate=sanne, vacancy=vacancy,
                                 verdict=verdict, reason=reason)


# The fairness report ranks every vacancy of the municipality: made for the ordinary demo,
# left to the team lead's button for benchmark-sized populations.
FAIRNESS_REPORT_UP_TO = 20_000


@transaction.atomic
def demo_activity_ensure(*, population: int = 0, today: date | None = None) -> int:
    """Idempotent; returns how many dossiers of this set it made (0 on a re-run)."""
    if Candidate.objects.filter(client_number__startswith=PREFIX).exists():
        return 0
    today = today or timezone.localdate()
    rules = Rules.load()
    if not rules.complete_for_dossiers:
        return 0
    coach, administrator = _user(Role.COACH), _user(Role.ADMINISTRATOR)
    employer_user = _user(Role.EMPLOYER)
    sanne = Candidate.objects.select_related("user").get(user=_user(Role.JOBSEEKER))
    _retention_states(coach=coach, administrator=administrator, rules=rules, today=today)
    _conversations(sanne=sanne, coach=coach, employer_user=employer_user)
    _employer_activity(sanne=sanne, coach=coach, employer_user=employer_user)
    _jobseeker_activity(sanne=sanne)
    if population <= FAIRNESS_REPORT_UP_TO and not FairnessReport.objects.filter(
            municipality_id=coach.municipality_id).exists():
        fairness_report_create(municipality=coach.municipality)
    return len(ENDED)
