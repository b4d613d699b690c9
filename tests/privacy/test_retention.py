"""Retention with a frozen clock: due dates, notices, holds, destruction that leaves nothing."""

import datetime
import re

import pytest
from django.apps import apps
from django.core import mail
from freezegun import freeze_time

from candidates.models import Candidate
from hallowerk.models import User
from hallowerk.roles import Role
from privacy.catalogue import PERSONAL_DATA_MODELS, specs_for
from privacy.models import AuditEvent, DestructionRecord, LegalHold, RetentionNotice
from privacy.retention.destroy import opaque_id
from privacy.retention.files import upload_storage
from privacy.retention.holds import legal_hold_place, legal_hold_release
from privacy.retention.rules import NOTICE_DAYS, Rules, add_months
from privacy.retention.run import retention_run
from privacy.retention.selectors import with_due_on
from tests.factories import CandidateFactory, UserFactory, municipality
from tests.privacy.privacyops_data import end, full_candidate

pytestmark = pytest.mark.django_db
D = datetime.date


def run_on(day: datetime.date):
    with freeze_time(f"{day.isoformat()} 02:30:00+01:00"):
        return retention_run()


def run_daily(start: datetime.date, end_day: datetime.date):
    day = start
    while day <= end_day:
        run_on(day)
        day += datetime.timedelta(days=1)


def sql_due_on(candidate):
    return with_due_on(Candidate.objects.filter(pk=candidate.pk), Rules.load()).get() \
        .retention_due_on


# --- due dates ------------------------------------------------------------------------------

@pytest.mark.parametrize(("reason", "ended", "esf", "due"), [
    ("broken_off", D(2024, 3, 10), None, D(2025, 3, 10)),
    ("refused", D(2024, 3, 10), None, D(2029, 3, 10)),
    ("ended", D(2024, 3, 10), None, D(2034, 3, 10)),
    # ESF: 10 years after the programme end, when that is later than the outcome's period.
    ("broken_off", D(2024, 3, 10), D(2027, 12, 31), D(2037, 12, 31)),
    ("ended", D(2024, 3, 10), D(2020, 1, 1), D(2034, 3, 10)),
    # Month ends and leap days clamp like PostgreSQL's intervals.
    ("broken_off", D(2024, 2, 29), None, D(2025, 2, 28)),
])
def test_due_date_follows_the_rule_in_sql_and_python(reason, ended, esf, due):
    candidate = end(CandidateFactory(), ended_on=ended, end_reason=reason, esf_programme_end=esf)
    assert sql_due_on(candidate) == due
    assert Rules.load().dossier_due_on_for(ended_on=ended, end_reason=reason,
                                           esf_programme_end=esf) == due


def test_add_months_matches_postgres_for_every_day_of_a_year():
    candidates = [end(CandidateFactory(), ended_on=D(2023, 1, 1) + datetime.timedelta(days=i),
                      end_reason="broken_off") for i in range(0, 366, 7)]
    for candidate in candidates:
        assert sql_due_on(candidate) == add_months(candidate.dossier_ended_on, 12)


def test_an_open_dossier_has_no_due_date():
    assert with_due_on(Candidate.objects.filter(pk=CandidateFactory().pk), Rules.load()) \
        .count() == 0


# --- notices and destruction on the day ------------------------------------------------------

def test_nothing_is_destroyed_a_day_early_and_everything_due_is_destroyed_on_the_day():
    ended = D(2024, 6, 15)
    due = D(2025, 6, 15)
    candidate = full_candidate("Zqa", ended_on=ended, end_reason="broken_off")
    other = full_candidate("Zqb", ended_on=D(2024, 6, 16), end_reason="broken_off")
    run_daily(due - datetime.timedelta(days=NOTICE_DAYS + 2), due - datetime.timedelta(days=1))
    assert Candidate.objects.filter(pk__in=[candidate.pk, other.pk]).count() == 2
    notice = RetentionNotice.objects.get(candidate=candidate)
    assert notice.first_notified_on == due - datetime.timedelta(days=NOTICE_DAYS)
    assert notice.destroy_on == due

    run_on(due)
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert Candidate.objects.filter(pk=other.pk).exists(), "due a day later"
    run_on(due + datetime.timedelta(days=1))
    assert not Candidate.objects.filter(pk=other.pk).exists()
    assert DestructionRecord.objects.filter(kind="dossier").count() == 2


def test_the_coach_gets_one_mail_with_counts_and_no_names():
    coach = UserFactory(role=Role.COACH, municipality=municipality())
    first = full_candidate("Zqc", coach=coach, ended_on=D(2024, 1, 10), end_reason="broken_off")
    full_candidate("Zqd", coach=coach, ended_on=D(2024, 1, 8), end_reason="broken_off")
    full_candidate("Zqe", coach=coach, ended_on=D(2024, 1, 12), end_reason="broken_off")
    mail.outbox.clear()
    run_on(D(2024, 12, 11))  # two are due within 30 days; the notice period ends 10 January
    to_coach = [m for m in mail.outbox if coach.email in m.to]
    assert len(to_coach) == 1
    body = to_coach[0].body
    assert "2 dossiers op 10 januari 2025" in body
    assert "/werkmatcher/vernietiging/" in body
    for text in (first.first_name, first.last_name, first.client_number, "Zqd", "Zqe"):
        assert text not in body and text not in to_coach[0].subject
    mail.outbox.clear()
    run_on(D(2024, 12, 12))
    assert not [m for m in mail.outbox if coach.email in m.to], "told once, not every day"
    run_on(D(2024, 12, 13))
    assert "1 dossier op 12 januari 2025" in mail.outbox[-1].body


def test_a_dossier_found_overdue_gets_the_full_notice_period_first():
    """E.g. a dossier ended long ago is entered, or a rule was shortened: staff still get
    time to ask for a legal hold."""
    candidate = full_candidate("Zqf", ended_on=D(2020, 1, 1), end_reason="broken_off")
    today = D(2025, 5, 1)
    run_on(today)
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    notice = RetentionNotice.objects.get(candidate=candidate)
    assert notice.destroy_on == today + datetime.timedelta(days=NOTICE_DAYS)
    run_on(notice.destroy_on - datetime.timedelta(days=1))
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    run_on(notice.destroy_on)
    assert not Candidate.objects.filter(pk=candidate.pk).exists()


def test_without_a_coach_the_municipalitys_administrators_are_told():
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality())
    other_admin = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality("rotterdam"))
    candidate = full_candidate("Zqg", ended_on=D(2024, 1, 10), end_reason="broken_off")
    Candidate.objects.filter(pk=candidate.pk).update(responsible_coach=None)
    mail.outbox.clear()
    run_on(D(2024, 12, 20))
    recipients = {address for m in mail.outbox for address in m.to}
    assert admin.email in recipients and other_admin.email not in recipients


# --- legal hold --------------------------------------------------------------------------

def test_a_legal_hold_stops_destruction_until_it_is_released():
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=municipality())
    candidate = full_candidate("Zqh", ended_on=D(2024, 1, 10), end_reason="broken_off")
    run_on(D(2024, 12, 20))
    hold = legal_hold_place(by=admin, candidate=candidate, reason="Bezwaarprocedure loopt")
    run_daily(D(2025, 1, 9), D(2025, 1, 12))
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    with freeze_time("2025-03-01 12:00:00+01:00"):
        legal_hold_release(by=admin, hold=hold)
    run_on(D(2025, 3, 2))
    notice = RetentionNotice.objects.get(candidate=candidate)
    assert notice.destroy_on == D(2025, 3, 2) + datetime.timedelta(days=NOTICE_DAYS)
    run_on(notice.destroy_on)
    assert not Candidate.objects.filter(pk=candidate.pk).exists()


def test_only_an_administrator_of_the_dossiers_municipality_places_a_hold():
    from django.core.exceptions import PermissionDenied, ValidationError

    candidate = full_candidate("Zqi", ended_on=D(2024, 1, 10), end_reason="ended")
    for user in (UserFactory(role=Role.COACH),
                 UserFactory(role=Role.ADMINISTRATOR, municipality=municipality("rotterdam"))):
        with pytest.raises(PermissionDenied):
            legal_hold_place(by=user, candidate=candidate, reason="x")
    platform_admin = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    with pytest.raises(ValidationError):
        legal_hold_place(by=platform_admin, candidate=candidate, reason="  ")
    legal_hold_place(by=platform_admin, candidate=candidate, reason="Rechtszaak")
    with pytest.raises(ValidationError):
        legal_hold_place(by=platform_admin, candidate=candidate, reason="Nog een")
    assert LegalHold.objects.filter(candidate=candidate).count() == 1
    event = AuditEvent.objects.get(action="legal_hold_placed")
    assert "Rechtszaak" not in str(event.data), "the reason stays out of the log"


# --- a destroyed candidate leaves nothing ------------------------------------------------------

def _rows_mentioning(marker: str) -> dict[str, int]:
    """Every table the catalogue names, every declared field, searched for the marker."""
    # The marker starts a word wherever the test data writes it. Matching it only at the
    # start of a word keeps salted hashes and random keys from matching it by chance (CI
    # once failed on someone else's password hash that held "zqk").
    at_word_start = re.compile(rf"(?<![0-9a-z]){re.escape(marker)}", re.IGNORECASE)
    found = {}
    for label in PERSONAL_DATA_MODELS:
        model = apps.get_model(label)
        for spec in specs_for(label):
            if model._meta.get_field(spec.field).is_relation:
                continue  # ids; the relations are checked below
            count = sum(bool(at_word_start.search(str(value)))
                        for value in model.objects.values_list(spec.field, flat=True))
            if count:
                found[f"{label}.{spec.field}"] = count
    return found


def test_a_destroyed_candidate_leaves_no_personal_data_in_any_catalogue_table_or_storage():
    candidate = full_candidate("Zqk", ended_on=D(2023, 1, 1), end_reason="broken_off")
    keep = full_candidate("Zql")  # an open dossier of someone else stays whole
    user_id, candidate_id, email = candidate.user_id, candidate.pk, candidate.email
    files = [candidate.profile.photo.name, candidate.profile.cv.name]
    storage = upload_storage()
    assert all(storage.exists(name) for name in files)
    assert _rows_mentioning("Zqk")

    run_on(D(2024, 6, 1))
    run_on(D(2024, 7, 1))

    assert _rows_mentioning("Zqk") == {}
    assert not any(storage.exists(name) for name in files)
    assert not User.objects.filter(pk=user_id).exists()
    # Every relation to the candidate or the account is gone, whatever app declared it.
    for related in (*Candidate._meta.related_objects, *User._meta.related_objects):
        model = related.related_model
        if related.on_delete.__name__ == "DO_NOTHING":
            continue
        lookup = {related.field.name: candidate_id if related.model is Candidate else user_id}
        assert not model.objects.filter(**lookup).exists(), model
    from axes.models import AccessLog

    assert not AccessLog.objects.filter(username=email).exists()
    # The audit log keeps its rows (ids, no content) until its own period ends.
    assert AuditEvent.objects.filter(target_type="candidates.candidate",
                                     target_id=str(candidate_id)).exists()
    # The other person is untouched.
    assert _rows_mentioning("Zql")
    assert storage.exists(keep.profile.cv.name)


def test_the_destruction_record_holds_no_personal_data():
    candidate = full_candidate("Zqm", ended_on=D(2023, 1, 1), end_reason="refused",
                               esf_programme_end=D(2023, 6, 30))
    expected_id = opaque_id(municipality_id=candidate.municipality_id,
                            client_number=candidate.client_number)
    run_on(D(2033, 6, 1))
    run_on(D(2033, 7, 1))
    record = DestructionRecord.objects.get(kind="dossier")
    assert record.opaque_id == expected_id and len(record.opaque_id) == 32
    assert record.rule == "dossier_esf" and record.rule_months == 120
    assert record.outcome == "refused" and record.due_on == D(2033, 6, 30)
    assert record.counts["candidates.candidate"] == 1
    assert record.counts["candidates.profile"] == 1
    assert record.counts["hallowerk.user"] == 1
    assert record.counts["files"] == 2
    # The conversation went years earlier, under its own rule, counted in its own record.
    assert DestructionRecord.objects.get(kind="messages").counts["candidates.message"] == 2
    values = [str(getattr(record, f.attname)) for f in record._meta.concrete_fields]
    for text in ("Zqm", candidate.client_number, candidate.email, candidate.phone):
        assert not any(text.lower() in value.lower() for value in values)
