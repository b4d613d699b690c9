"""Unused accounts with a frozen clock (issue 17): professionals get a notice and are switched
off and emptied 30 days later unless they log in; a jobseeker's coach is reminded, and
nothing happens to the jobseeker."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from hallowerk.models import User
from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction, AuditEvent
from privacy.oversight.inactivity import inactivity_run
from privacy.oversight.models import InactivityNotice, OversightSettings
from tests.backoffice.conftest import candidate_in, staff
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db
D = datetime.date


def moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def run_on(day: datetime.date):
    with freeze_time(f"{day.isoformat()} 05:30:00+01:00"):
        return inactivity_run()


def last_seen(user, day: datetime.date):
    User.objects.filter(pk=user.pk).update(last_login=moment(day), date_joined=moment(day))
    user.refresh_from_db()
    return user


def test_a_professional_is_told_then_switched_off_and_emptied_30_days_later():
    coach = last_seen(staff(Role.COACH, with_totp_device=True, last_name="Zeldzaam"),
                      D(2024, 1, 15))
    email = coach.email
    audit_record(action=AuditAction.SEARCH, actor=coach, data={"query": "", "filters": {}})
    mail.outbox.clear()

    assert run_on(D(2026, 1, 14)).notices == 0, "a day before the 24 months are over"
    assert run_on(D(2026, 1, 15)).notices == 1
    notice = InactivityNotice.objects.get(user=coach)
    assert notice.deactivate_on == D(2026, 2, 14)
    (message,) = mail.outbox
    assert message.to == [email] and "14 februari 2026" in message.body
    assert run_on(D(2026, 1, 16)).notices == 0 and len(mail.outbox) == 1, "told once"

    run_on(D(2026, 2, 13))
    coach.refresh_from_db()
    assert coach.is_active, "a day early"
    assert run_on(D(2026, 2, 14)).deactivated == 1

    coach.refresh_from_db()
    assert not coach.is_active and not coach.has_usable_password()
    assert coach.first_name == coach.last_name == ""
    assert coach.email == f"inactief-{coach.pk}@hallowerk.invalid"
    assert not TOTPDevice.objects.filter(user=coach).exists()
    assert not InactivityNotice.objects.filter(user=coach).exists()
    # What the audit log must keep stays: the person's id on what they did.
    assert AuditEvent.objects.filter(actor=coach, action=AuditAction.SEARCH).exists()
    done = AuditEvent.objects.get(action=AuditAction.ACCOUNT_DEACTIVATED_INACTIVE)
    assert done.target_id == str(coach.pk) and "Zeldzaam" not in str(done.data)
    assert not User.objects.filter(email=email).exists()


def test_logging_in_after_the_notice_keeps_the_account():
    manager = last_seen(staff(Role.ACCOUNT_MANAGER), D(2024, 1, 15))
    run_on(D(2026, 1, 15))
    assert InactivityNotice.objects.filter(user=manager).exists()
    User.objects.filter(pk=manager.pk).update(last_login=moment(D(2026, 2, 1)))

    result = run_on(D(2026, 2, 14))
    manager.refresh_from_db()
    assert manager.is_active and manager.last_name
    assert result.withdrawn == 1 and not InactivityNotice.objects.exists()


def test_employer_users_count_as_professionals_and_periods_are_per_municipality():
    place = municipality("rotterdam")
    OversightSettings.objects.create(municipality=place, professional_inactive_months=6,
                                     deactivation_notice_days=14)
    employer = last_seen(UserFactory(employer_user=True, municipality=place,
                                     employer__municipality=place), D(2025, 6, 1))
    utrecht_coach = last_seen(staff(Role.COACH), D(2025, 6, 1))
    run_on(D(2025, 12, 1))
    assert InactivityNotice.objects.get(user=employer).deactivate_on == D(2025, 12, 15)
    assert not InactivityNotice.objects.filter(user=utrecht_coach).exists(), "24 months there"
    run_on(D(2025, 12, 15))
    employer.refresh_from_db()
    assert not employer.is_active and employer.email.endswith("@hallowerk.invalid")


def test_a_jobseeker_who_never_logs_in_only_brings_a_reminder_to_the_coach():
    coach = last_seen(staff(Role.COACH), D(2026, 1, 1))
    absent = candidate_in(responsible_coach=coach)
    also_absent = candidate_in(responsible_coach=coach)
    ended = candidate_in(responsible_coach=coach, dossier_ended_on=D(2025, 1, 1),
                         end_reason="ended", is_active=False)
    for candidate in (absent, also_absent, ended):
        last_seen(candidate.user, D(2025, 1, 10))
    recent = candidate_in(responsible_coach=coach)
    last_seen(recent.user, D(2025, 12, 1))
    mail.outbox.clear()

    assert run_on(D(2026, 1, 9)).reminders == 0
    assert run_on(D(2026, 1, 10)).reminders == 2
    (message,) = [m for m in mail.outbox if coach.email in m.to]
    assert "2 kandidaten met een lopend dossier zijn al 12 maanden niet ingelogd" in message.body
    assert reverse("candidates:coach_candidates") in message.body
    for candidate in (absent, also_absent):
        for text in (candidate.full_name, candidate.email, candidate.client_number):
            assert text not in message.body
    # No automatic decision: the accounts and dossiers are as they were, and no notice to them.
    for candidate in (absent, also_absent):
        candidate.refresh_from_db()
        candidate.user.refresh_from_db()
        assert candidate.user.is_active and candidate.is_active
        assert candidate.dossier_ended_on is None
    assert not [m for m in mail.outbox if absent.email in m.to]
    # Told once; told again only after the jobseeker came back and stayed away again.
    mail.outbox.clear()
    assert run_on(D(2026, 9, 1)).reminders == 0 and not mail.outbox
    User.objects.filter(pk=absent.user_id).update(last_login=moment(D(2026, 9, 2)))
    run_on(D(2026, 9, 3))
    assert not InactivityNotice.objects.filter(user=absent.user).exists()
    assert run_on(D(2027, 9, 1)).reminders == 1, "the recent one, 21 months now"
    assert run_on(D(2027, 9, 2)).reminders == 1
    assert InactivityNotice.objects.filter(user=absent.user).exists()


def test_without_an_active_coach_the_administrators_are_reminded():
    admin = last_seen(staff(Role.ADMINISTRATOR), D(2026, 1, 1))
    candidate = candidate_in(responsible_coach=None)
    last_seen(candidate.user, D(2025, 1, 10))
    mail.outbox.clear()
    run_on(D(2026, 1, 10))
    assert [m for m in mail.outbox if admin.email in m.to]


def test_the_privacy_statement_states_each_municipalitys_periods(client):
    OversightSettings.objects.create(municipality=municipality("rotterdam"),
                                     professional_inactive_months=18,
                                     jobseeker_inactive_months=6)
    page = client.get(reverse("privacy:statement")).content.decode()
    assert "Accounts die niet meer worden gebruikt" in page
    row = page.split(">Rotterdam<")[1].split("</tr>")[0]
    assert "18 maanden" in row and "30 dagen" in row and "6 maanden" in row
    utrecht = page.split(">Utrecht<")[1].split("</tr>")[0]
    assert "2 jaar" in utrecht and "1 jaar" in utrecht


def test_the_only_administrator_of_a_municipality_is_never_switched_off():
    admin = last_seen(staff(Role.ADMINISTRATOR, with_totp_device=True), D(2024, 1, 15))
    run_on(D(2026, 1, 15))
    assert run_on(D(2026, 2, 14)).deactivated == 0
    admin.refresh_from_db()
    assert admin.is_active and InactivityNotice.objects.filter(user=admin).exists()
    # Once someone else can take over, the notice takes effect.
    staff(Role.ADMINISTRATOR)
    assert run_on(D(2026, 2, 15)).deactivated == 1
