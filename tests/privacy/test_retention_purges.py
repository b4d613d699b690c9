"""The platform's own periods: conversations, requests, the audit log, invitations, employer
contacts — and changing a period."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from freezegun import freeze_time

from candidates.models import ContactRequest, Message, Thread, VacancyResponse
from employers.models import Employer
from hallowerk.models import Invitation, User
from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction, AuditEvent, DestructionRecord, RetentionRule
from privacy.retention.rules import Rules, retention_rule_change
from privacy.retention.run import retention_run
from tests.factories import (
    CandidateFactory,
    EmployerFactory,
    UserFactory,
    VacancyFactory,
    municipality,
)

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 1, 3, 0, tzinfo=datetime.UTC)


def ago(**kwargs):
    return NOW - datetime.timedelta(**kwargs)


def run_now():
    with freeze_time(NOW):
        return retention_run()


def thread_with_last_message(at):
    employer_user = UserFactory(employer_user=True)
    thread = Thread.objects.create(candidate=CandidateFactory(), counterpart=employer_user,
                                   created_at=at - datetime.timedelta(days=30))
    Message.objects.create(thread=thread, sender=employer_user, body="hallo",
                           created_at=at - datetime.timedelta(days=30))
    Message.objects.create(thread=thread, sender=employer_user, body="nog een keer",
                           created_at=at)
    return thread


def test_a_conversation_goes_a_year_after_its_last_message():
    old = thread_with_last_message(ago(days=367))
    recent = thread_with_last_message(ago(days=200))
    empty_old = Thread.objects.create(candidate=CandidateFactory(), created_at=ago(days=400))
    run_now()
    assert set(Thread.objects.values_list("pk", flat=True)) == {recent.pk}
    assert not Message.objects.filter(thread_id=old.pk).exists()
    assert Message.objects.filter(thread=recent).count() == 2
    record = DestructionRecord.objects.get(kind="messages")
    assert record.counts == {"candidates.message": 2, "candidates.thread": 2}
    assert empty_old.pk not in Thread.objects.values_list("pk", flat=True)


def test_contact_requests_and_vacancy_responses_go_a_year_after_the_last_change():
    employer_user = UserFactory(employer_user=True)
    candidate = CandidateFactory()

    def request(created, handled=None):
        return ContactRequest.objects.create(
            candidate=candidate, requested_by=employer_user, employer=employer_user.employer,
            message="Mag ik bellen?", created_at=created,
            status="forwarded" if handled else "pending", handled_at=handled)

    old = request(ago(days=500), ago(days=400))
    handled_recently = request(ago(days=500), ago(days=100))
    pending_old = request(ago(days=380))
    old_response = VacancyResponse.objects.create(candidate=candidate, vacancy=VacancyFactory(),
                                                  created_at=ago(days=370))
    new_response = VacancyResponse.objects.create(candidate=candidate, vacancy=VacancyFactory(),
                                                  created_at=ago(days=10))
    run_now()
    assert set(ContactRequest.objects.values_list("pk", flat=True)) == {handled_recently.pk}
    assert set(VacancyResponse.objects.values_list("pk", flat=True)) == {new_response.pk}
    assert not ContactRequest.objects.filter(pk__in=[old.pk, pending_old.pk]).exists()
    assert not VacancyResponse.objects.filter(pk=old_response.pk).exists()
    assert DestructionRecord.objects.get(kind="contact_requests").counts == {
        "candidates.contactrequest": 2, "candidates.vacancyresponse": 1}


def test_the_audit_log_is_purged_only_by_its_own_rule_and_stays_append_only():
    with freeze_time(ago(days=2 * 366)):
        old = audit_record(action=AuditAction.LOGIN)
    with freeze_time(ago(days=700)):
        young = audit_record(action=AuditAction.LOGIN)
    run_now()
    remaining = set(AuditEvent.objects.values_list("pk", flat=True))
    assert old.pk not in remaining and young.pk in remaining
    assert DestructionRecord.objects.get(kind="audit").counts == {"privacy.auditevent": 1}
    # Outside the purge the log still refuses deletes, in this very connection too.
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=young.pk).delete()


def test_unused_invitations_go_with_the_accounts_that_were_never_used():
    inviter = UserFactory(role=Role.ACCOUNT_MANAGER)
    never_used = UserFactory(employer_user=True)
    never_used.set_unusable_password()
    never_used.save()
    jobseeker = CandidateFactory().user  # an invited jobseeker: the dossier decides
    jobseeker.set_unusable_password()
    jobseeker.save()
    active = UserFactory(role=Role.COACH)

    def invite(user, *, created, accepted=None, withdrawn=None):
        return Invitation.objects.create(
            user=user, role=user.role, token_hash=f"h{user.pk}{created:%j}", invited_by=inviter,
            created_at=created, expires_at=created + datetime.timedelta(days=14),
            accepted_at=accepted, withdrawn_at=withdrawn)

    invite(never_used, created=ago(days=250))
    invite(jobseeker, created=ago(days=250))
    accepted = invite(active, created=ago(days=900), accepted=ago(days=899))
    recent = invite(UserFactory(role=Role.COACH), created=ago(days=100))
    run_now()
    assert set(Invitation.objects.values_list("pk", flat=True)) == {accepted.pk, recent.pk}
    assert not User.objects.filter(pk=never_used.pk).exists()
    assert User.objects.filter(pk__in=[jobseeker.pk, active.pk]).count() == 2
    counts = DestructionRecord.objects.get(kind="invitations").counts
    assert counts["hallowerk.invitation"] == 2 and counts["hallowerk.user"] == 1


def test_the_contact_person_of_an_employer_that_stopped_a_year_ago_is_blanked():
    stopped = EmployerFactory(contact_first_name="Petra", contact_last_name="de Vries",
                              contact_email="petra@bedrijf.nl", contact_phone="0301234567",
                              is_active=False, deactivated_at=ago(days=400))
    recently_stopped = EmployerFactory(contact_first_name="Ali", is_active=False,
                                       deactivated_at=ago(days=100))
    active = EmployerFactory(contact_first_name="Sanne")
    run_now()
    stopped.refresh_from_db()
    assert (stopped.contact_first_name, stopped.contact_last_name, stopped.contact_email,
            stopped.contact_phone) == ("", "", "", "")
    assert stopped.name, "company data stays"
    assert Employer.objects.get(pk=recently_stopped.pk).contact_first_name == "Ali"
    assert Employer.objects.get(pk=active.pk).contact_first_name == "Sanne"


def test_a_missing_rule_removes_nothing_of_its_kind():
    old = thread_with_last_message(ago(days=800))
    RetentionRule.objects.filter(kind="messages").delete()
    RetentionRule.objects.filter(kind="dossier_ended").delete()
    assert not Rules.load().complete_for_dossiers
    run_now()
    assert Thread.objects.filter(pk=old.pk).exists()


# --- changing a period -------------------------------------------------------------------------

def test_a_platform_administrator_changes_a_period_and_the_change_is_logged():
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    rule = RetentionRule.objects.get(kind="messages")
    retention_rule_change(by=admin, rule=rule, months=18, reason="Besluit college 2026")
    rule.refresh_from_db()
    assert rule.months == 18
    event = AuditEvent.objects.get(action="retention_rule_changed")
    assert event.data == {"rule": "messages", "old_months": 12, "new_months": 18,
                          "reason": "Besluit college 2026"}
    assert event.actor_id == admin.pk


@pytest.mark.parametrize("role", [Role.COACH, Role.TEAM_LEAD, Role.JOBSEEKER])
def test_nobody_else_changes_a_period(role):
    user = UserFactory(role=role)
    with pytest.raises(PermissionDenied):
        retention_rule_change(by=user, rule=RetentionRule.objects.first(), months=1,
                              reason="x")


def test_a_municipal_administrator_cannot_change_the_platform_wide_periods():
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality())
    with pytest.raises(PermissionDenied):
        retention_rule_change(by=admin, rule=RetentionRule.objects.first(), months=1,
                              reason="x")


@pytest.mark.parametrize(("months", "reason", "field"), [
    (0, "ok", "months"), (1201, "ok", "months"), (12, "  ", "reason")])
def test_a_bad_period_change_is_refused_with_a_dutch_message(months, reason, field):
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    rule = RetentionRule.objects.get(kind="audit")
    with pytest.raises(ValidationError) as error:
        retention_rule_change(by=admin, rule=rule, months=months, reason=reason)
    assert field in error.value.message_dict
    rule.refresh_from_db()
    assert rule.months == 24
    assert not AuditEvent.objects.filter(action="retention_rule_changed").exists()


def test_a_shorter_period_notifies_at_once_but_destroys_only_after_the_notice_period(
        django_capture_on_commit_callbacks, mailoutbox):
    from privacy.models import RetentionNotice
    from tests.privacy.privacyops_data import full_candidate

    candidate = full_candidate("Zps", ended_on=datetime.date(2023, 1, 1), end_reason="refused")
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    with freeze_time(NOW), django_capture_on_commit_callbacks(execute=True):
        retention_rule_change(by=admin, rule=RetentionRule.objects.get(kind="dossier_refused"),
                              months=24, reason="Nieuwe selectielijst")
    notice = RetentionNotice.objects.get(candidate=candidate)
    assert notice.destroy_on == timezone.localdate(NOW) + datetime.timedelta(days=30)
    assert any(candidate.responsible_coach.email in m.to for m in mailoutbox)


def test_the_beat_schedule_names_real_tasks():
    from hallowerk.celery import app
    from privacy.schedule import BEAT_SCHEDULE

    app.loader.import_default_modules()
    assert {entry["task"] for entry in BEAT_SCHEDULE.values()} <= set(app.tasks)
    assert app.conf.beat_schedule.keys() >= BEAT_SCHEDULE.keys()
