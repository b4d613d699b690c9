"""Access oversight (issue 17): the administrator's audit-log viewer and the unusual-access
signals, with crafted activity and every other role kept out."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction, AuditEvent
from privacy.oversight.models import AccessSignal, OversightSettings
from privacy.oversight.unusual import access_signals_purge, access_signals_record
from tests.backoffice.conftest import candidate_in, logged_in, staff
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db
LOG = reverse("privacy:audit_log")
LOG_CSV = reverse("privacy:audit_log_download")
SIGNALS = reverse("privacy:access_signals")
SETTINGS = reverse("privacy:oversight_settings")
DAY = datetime.date(2026, 3, 10)  # a Tuesday


def at(day: datetime.date, hour: int, minute: int = 0) -> str:
    return f"{day.isoformat()} {hour:02d}:{minute:02d}:00+01:00"


def activity(user, action, when: str, times: int = 1, target=None, **data):
    with freeze_time(when):
        for _ in range(times):
            audit_record(action=action, actor=user, target=target, data=data)


def employer_user(slug="utrecht"):
    place = municipality(slug)
    return UserFactory(employer_user=True, municipality=place, employer__municipality=place)


@pytest.fixture
def admin():
    return staff(Role.ADMINISTRATOR, email="beheer@utrecht.example")


# --- who may use it ------------------------------------------------------------------------

@pytest.mark.parametrize("role", [Role.JOBSEEKER, Role.COACH, Role.ACCOUNT_MANAGER,
                                  Role.EMPLOYER, Role.TEAM_LEAD])
def test_no_other_role_reaches_the_log_the_signals_or_the_settings(role):
    user = (employer_user() if role == Role.EMPLOYER else
            candidate_in().user if role == Role.JOBSEEKER else staff(role))
    signal = AccessSignal.objects.create(municipality=municipality(), kind="exports",
                                         actor=user, actor_role=role, day=DAY, count=9,
                                         threshold=5)
    client = logged_in(user)
    handle = reverse("privacy:access_signal_handle", args=[signal.pk])
    for url in (LOG, LOG_CSV, SIGNALS, SETTINGS, handle):
        assert client.get(url).status_code == 403, url
    assert client.post(handle, {"note": "gezien"}).status_code == 403
    assert client.post(SETTINGS, {"exports_per_day": 1}).status_code == 403
    signal.refresh_from_db()
    assert not signal.is_handled and not OversightSettings.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.AUDIT_LOG_VIEWED).exists()


def test_a_stranger_is_sent_to_log_in(client):
    for url in (LOG, LOG_CSV, SIGNALS, SETTINGS):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response.url


def test_an_administrator_of_another_municipality_cannot_handle_the_signal(admin):
    signal = AccessSignal.objects.create(municipality=municipality(), kind="exports",
                                         actor=admin, actor_role=Role.ADMINISTRATOR, day=DAY,
                                         count=9, threshold=5)
    other = logged_in(staff(Role.ADMINISTRATOR, slug="rotterdam"))
    url = reverse("privacy:access_signal_handle", args=[signal.pk])
    assert other.get(url).status_code == 404
    assert other.post(url, {"note": "niet van mij"}).status_code == 404
    assert "exports" not in other.get(SIGNALS).content.decode().lower()


# --- the viewer ----------------------------------------------------------------------------

def test_the_log_shows_own_municipality_and_what_happened_to_its_candidates(admin):
    coach = staff(Role.COACH, last_name="Zwaluw")
    candidate = candidate_in(client_number="K-77001")
    elsewhere = employer_user("rotterdam")  # an employer of the region looks at our candidate
    foreign_coach = staff(Role.COACH, slug="rotterdam", last_name="Merel")
    foreign_candidate = candidate_in("rotterdam", client_number="K-RDAM")
    activity(coach, AuditAction.SEARCH, at(DAY, 10), query="jansen", filters={})
    activity(elsewhere, AuditAction.PROFILE_VIEWED, at(DAY, 11), target=candidate)
    activity(foreign_coach, AuditAction.PROFILE_VIEWED, at(DAY, 12), target=foreign_candidate)

    page = logged_in(admin).get(LOG).content.decode()
    assert "Zwaluw" in page and "query: jansen" in page
    assert elsewhere.email in page and "K-77001" in page
    assert "Merel" not in page and "K-RDAM" not in page


def test_filters_by_person_role_candidate_action_and_period(admin):
    coach, manager = staff(Role.COACH), staff(Role.ACCOUNT_MANAGER)
    candidate, other = candidate_in(client_number="K-1"), candidate_in(client_number="K-2")
    activity(coach, AuditAction.PROFILE_VIEWED, at(DAY, 9), target=candidate)
    activity(coach, AuditAction.PROFILE_VIEWED, at(DAY, 9), target=other)
    activity(manager, AuditAction.EXPORT, at(DAY + datetime.timedelta(days=2), 9),
             target=candidate, kind="cv")
    client = logged_in(admin)

    def count(**query):
        response = client.get(LOG, query)
        assert response.status_code == 200, response.context["form"].errors
        return response.context["page"].paginator.count

    assert count(actor=coach.email.upper()) == 2
    assert count(role=Role.ACCOUNT_MANAGER) == 1
    assert count(client_number="K-1") == 2
    assert count(client_number="K-1", action=AuditAction.EXPORT) == 1
    assert count(start=DAY.isoformat(), end=DAY.isoformat(), action="profile_viewed") == 2
    assert count(start=(DAY + datetime.timedelta(days=1)).isoformat(),
                 role=Role.ACCOUNT_MANAGER) == 1


def test_bad_filters_get_a_clear_message_and_no_rows(admin):
    foreign = staff(Role.COACH, slug="rotterdam")
    candidate_in("rotterdam", client_number="K-RDAM")
    client = logged_in(admin)
    for query, field, text in (
            ({"client_number": "K-RDAM"}, "client_number", "Er is geen kandidaat met dit"),
            ({"actor": foreign.email}, "actor", "Er is geen account met dit e-mailadres"),
            ({"actor": "geen-adres"}, "actor", "Vul een e-mailadres in"),
            ({"start": "2026-03-10", "end": "2026-03-01"}, "end", "De einddatum ligt voor"),
            ({"start": "31-31-2026"}, "start", "Vul een datum in")):
        response = client.get(LOG, query)
        assert response.status_code == 400
        assert text in " ".join(response.context["form"].errors[field]), query
        assert response.context["page"] is None


def test_the_log_is_paginated_with_the_filter_kept(admin):
    coach = staff(Role.COACH)
    activity(coach, AuditAction.SEARCH, at(DAY, 10), times=55, query="", filters={})
    client = logged_in(admin)
    first = client.get(LOG, {"role": Role.COACH})
    assert len(first.context["page"].rows) == 50 and first.context["page"].has_next()
    assert "role=coach&amp;pagina=2" in first.content.decode()
    second = client.get(LOG, {"role": Role.COACH, "pagina": 2})
    assert len(second.context["page"].rows) == 5


def test_every_use_of_the_viewer_is_itself_in_the_log(admin):
    candidate = candidate_in(client_number="K-5")
    client = logged_in(admin)
    client.get(LOG, {"client_number": "K-5", "action": "profile_viewed"})
    client.get(LOG, {"client_number": "nope"})
    client.get(LOG_CSV, {"client_number": "K-5"})
    viewed = list(AuditEvent.objects.filter(action=AuditAction.AUDIT_LOG_VIEWED, actor=admin)
                  .order_by("id"))
    assert [e.data["filters"] for e in viewed] == [
        {"candidate": candidate.pk, "action": "profile_viewed"}, {"invalid": True}]
    export = AuditEvent.objects.get(action=AuditAction.EXPORT, actor=admin)
    assert export.data == {"kind": "audit_log_csv", "filters": {"candidate": candidate.pk}}
    # The viewer's own use shows up in the viewer (the uses before this one).
    assert client.get(LOG, {"action": "audit_log_viewed"}).context["page"].paginator.count == 2


def test_csv_export_has_the_filtered_rows_and_no_formulas(admin):
    coach = staff(Role.COACH, first_name="=HYPERLINK(1)")
    activity(coach, AuditAction.SEARCH, at(DAY, 10), query="=cmd", filters={})
    activity(staff(Role.ACCOUNT_MANAGER), AuditAction.SEARCH, at(DAY, 10), query="x",
             filters={})
    response = logged_in(admin).get(LOG_CSV, {"role": Role.COACH})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "tijdstip" and len(rows) == 2
    assert rows[1][1].startswith("'=HYPERLINK") and rows[1][3] == "gezocht"


# --- unusual access ------------------------------------------------------------------------

def test_crafted_activity_gives_exactly_the_expected_signals(admin):
    usual_high = employer_user()   # opens 20 profiles every day: 45 is not unusual for them
    for days_back in range(1, 29):
        activity(usual_high, AuditAction.PROFILE_VIEWED,
                 at(DAY - datetime.timedelta(days=days_back), 11), times=20)
    burst = employer_user()        # usually nothing, now 45
    steady = employer_user()       # 40 is the threshold itself: not over it
    searcher, quiet = staff(Role.COACH), staff(Role.COACH)
    exporter, night = staff(Role.ACCOUNT_MANAGER), staff(Role.COACH)
    activity(usual_high, AuditAction.PROFILE_VIEWED, at(DAY, 11), times=45)
    activity(burst, AuditAction.PROFILE_VIEWED, at(DAY, 11), times=45)
    activity(steady, AuditAction.PROFILE_VIEWED, at(DAY, 11), times=40)
    activity(searcher, AuditAction.SEARCH, at(DAY, 10), times=51, query="de vries", filters={})
    activity(quiet, AuditAction.SEARCH, at(DAY, 10), times=60, query="", filters={})  # lists
    activity(exporter, AuditAction.EXPORT, at(DAY, 14), times=6, kind="cv")
    activity(night, AuditAction.PROFILE_VIEWED, at(DAY, 22, 30), times=2)
    activity(night, AuditAction.PROFILE_VIEWED, at(DAY, 6, 59))
    activity(quiet, AuditAction.PROFILE_VIEWED, at(DAY, 7))   # office hours start at 7
    activity(burst, AuditAction.PROFILE_VIEWED, at(DAY + datetime.timedelta(days=1), 11),
             times=99)  # another day

    mail.outbox.clear()
    new = access_signals_record(day=DAY)

    found = {(s.kind, s.actor_id): (s.count, s.threshold) for s in new}
    assert found == {
        ("employer_views", burst.pk): (45, 40),
        ("staff_searches", searcher.pk): (51, 50),
        ("exports", exporter.pk): (6, 5),
        ("off_hours", night.pk): (3, 0),
    }
    assert AccessSignal.objects.filter(municipality=municipality()).count() == 4
    # The administrator hears about it, with counts and a link and no one's name or address.
    (message,) = [m for m in mail.outbox if admin.email in m.to]
    assert "/beheer/signalen/" in message.body and ": 1" in message.body
    for person in (burst, searcher, exporter, night):
        for text in (person.email, person.get_full_name()):
            assert text not in message.body and text not in message.subject
    # Running the day again finds the same, records nothing twice and mails nobody again.
    mail.outbox.clear()
    assert access_signals_record(day=DAY) == []
    assert AccessSignal.objects.count() == 4 and not mail.outbox


def test_thresholds_are_the_municipalitys_own(admin):
    OversightSettings.objects.create(municipality=municipality(), employer_views_per_day=10,
                                     office_hours_start=8, office_hours_end=18)
    ours, theirs = employer_user(), employer_user("rotterdam")
    early = staff(Role.COACH)
    activity(ours, AuditAction.PROFILE_VIEWED, at(DAY, 11), times=12)
    activity(theirs, AuditAction.PROFILE_VIEWED, at(DAY, 11), times=12)
    activity(early, AuditAction.PROFILE_VIEWED, at(DAY, 7, 30))
    kinds = {(s.kind, s.actor_id, s.municipality_id) for s in access_signals_record(day=DAY)}
    assert kinds == {("employer_views", ours.pk, ours.municipality_id),
                     ("off_hours", early.pk, early.municipality_id)}


def test_weekends_are_outside_office_hours_unless_the_municipality_works_them(admin):
    saturday = DAY + datetime.timedelta(days=4)
    coach = staff(Role.COACH)
    activity(coach, AuditAction.PROFILE_VIEWED, at(saturday, 11))
    assert [(s.kind, s.actor_id) for s in access_signals_record(day=saturday)] == [
        ("off_hours", coach.pk)]
    AccessSignal.objects.all().delete()
    OversightSettings.objects.create(municipality=municipality(), weekend_is_off_hours=False)
    assert access_signals_record(day=saturday) == []


def test_the_log_page_costs_the_same_for_5_or_50_rows(admin, django_assert_max_num_queries):
    coach = staff(Role.COACH)
    client = logged_in(admin)
    activity(coach, AuditAction.PROFILE_VIEWED, at(DAY, 10), times=5, target=candidate_in())
    with django_assert_max_num_queries(14) as few:
        client.get(LOG)
    activity(coach, AuditAction.PROFILE_VIEWED, at(DAY, 11), times=45, target=candidate_in())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LOG)


def test_the_administrator_marks_a_signal_handled_with_a_note(admin):
    signal = AccessSignal.objects.create(municipality=municipality(), kind="exports",
                                         actor=staff(Role.COACH), actor_role=Role.COACH,
                                         day=DAY, count=9, threshold=5)
    client = logged_in(admin)
    url = reverse("privacy:access_signal_handle", args=[signal.pk])
    assert signal.actor.email in client.get(SIGNALS).content.decode()
    empty = client.post(url, {"note": "   "})
    assert empty.status_code == 200
    assert "Schrijf op wat u hebt gedaan of gezien." in empty.content.decode()
    signal.refresh_from_db()
    assert not signal.is_handled

    response = client.post(url, {"note": "Gebeld: export voor de jaarcontrole."})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.is_handled and signal.handled_by == admin
    assert signal.note == "Gebeld: export voor de jaarcontrole."
    event = AuditEvent.objects.get(action=AuditAction.ACCESS_SIGNAL_HANDLED)
    assert event.actor == admin and event.target_id == str(signal.pk)
    assert "Gebeld" not in str(event.data), "the note stays in one place"
    # Gone from the open list, still in the full list; a second handling is refused.
    assert "Gebeld" not in client.get(SIGNALS).content.decode()
    assert "Gebeld" in client.get(SIGNALS, {"toon": "alle"}).content.decode()
    again = client.post(url, {"note": "nog eens"})
    assert again.status_code == 200 and "Afgehandeld op" in again.content.decode()
    signal.refresh_from_db()
    assert signal.note.startswith("Gebeld")


def test_settings_are_validated_saved_and_logged(admin):
    client = logged_in(admin)
    form = client.get(SETTINGS).context["form"]
    data = {name: form[name].value() for name in form.fields}
    bad = client.post(SETTINGS, {**data, "office_hours_start": 19, "office_hours_end": 7})
    assert bad.status_code == 200 and "De kantoortijd moet eindigen na het begin." in \
        bad.content.decode()
    assert not OversightSettings.objects.exists()
    assert client.post(SETTINGS, {**data, "exports_per_day": 2}).status_code == 302
    assert OversightSettings.objects.get(municipality=admin.municipality).exports_per_day == 2
    event = AuditEvent.objects.get(action=AuditAction.OVERSIGHT_SETTINGS_CHANGED)
    assert event.data == {"fields": ["exports_per_day"]}


def test_signals_are_kept_as_long_as_the_audit_log(admin):
    old = AccessSignal.objects.create(municipality=municipality(), kind="exports", actor=admin,
                                      actor_role=Role.ADMINISTRATOR, day=DAY, count=9,
                                      threshold=5)
    assert access_signals_purge(now=datetime.datetime(2028, 3, 10, 12,
                                                      tzinfo=datetime.UTC)) == 0
    assert access_signals_purge(now=datetime.datetime(2028, 3, 12, 12,
                                                      tzinfo=datetime.UTC)) == 1
    assert not AccessSignal.objects.filter(pk=old.pk).exists()


def test_the_daily_job_is_scheduled():
    from hallowerk.celery import app

    app.loader.import_default_modules()
    tasks = app.tasks  # finalizes the app, which collects the schedules
    entry = app.conf.beat_schedule["privacy-access-signals-daily"]
    assert entry["task"] == "privacy.tasks.access_signals_task" and entry["task"] in tasks
