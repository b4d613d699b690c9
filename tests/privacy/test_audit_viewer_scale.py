"""The audit-log viewer at scale (issue 17): its cost follows the page, not the municipality's
whole log. Events by people from elsewhere on our candidates are found through their own
column; the count stops at COUNT_CAP; pages merge both parts newest first."""

import datetime
import importlib

import pytest
from django.db import connection
from django.urls import reverse
from freezegun import freeze_time

from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditAction, AuditEvent
from privacy.oversight import log
from privacy.oversight.log import LogFilter, log_page
from tests.backoffice.conftest import candidate_in, logged_in, staff
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db
LOG = reverse("privacy:audit_log")
MIGRATION = importlib.import_module(
    "privacy.migrations.0012_esf_report_and_audit_viewer_indexes")


def employer_from(slug):
    place = municipality(slug)
    return UserFactory(employer_user=True, municipality=place, employer__municipality=place)


def viewed(user, candidate, when):
    with freeze_time(when):
        return audit_record(action=AuditAction.PROFILE_VIEWED, actor=user, target=candidate)


def test_an_event_names_the_candidates_municipality_only_when_it_is_not_the_actors():
    candidate = candidate_in()
    own = viewed(staff(Role.COACH), candidate, "2026-03-10 10:00:00+01:00")
    elsewhere = viewed(employer_from("rotterdam"), candidate, "2026-03-10 10:01:00+01:00")
    untargeted = audit_record(action=AuditAction.SEARCH, actor=employer_from("rotterdam"))
    assert own.other_municipality_id is None and untargeted.other_municipality_id is None
    assert elsewhere.other_municipality_id == candidate.municipality_id


def test_the_migration_fills_the_column_for_events_written_before_it():
    candidate, rotterdam = candidate_in(), municipality("rotterdam")
    rows = AuditEvent.objects.bulk_create([
        AuditEvent(action="profile_viewed", target_type="candidates.candidate",
                   target_id=str(candidate.pk), municipality_id=rotterdam.pk),
        AuditEvent(action="profile_viewed", target_type="candidates.candidate",
                   target_id=str(candidate.pk), municipality_id=candidate.municipality_id),
        AuditEvent(action="search", municipality_id=rotterdam.pk)])
    with connection.cursor() as cursor:
        cursor.execute(MIGRATION.BACKFILL)
    filled = dict(AuditEvent.objects.filter(pk__in=[r.pk for r in rows])
                  .values_list("pk", "other_municipality_id"))
    assert [filled[r.pk] for r in rows] == [candidate.municipality_id, None, None]
    # The log is append-only again afterwards.
    with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
        cursor.execute("UPDATE privacy_auditevent SET action = 'x'")


def test_pages_merge_own_and_elsewhere_events_newest_first():
    admin = staff(Role.ADMINISTRATOR)
    candidate = candidate_in()
    coach, employer = staff(Role.COACH), employer_from("rotterdam")
    base = datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)
    expected = []
    for minute in range(7):
        who = employer if minute % 3 == 0 else coach
        expected.append(viewed(who, candidate, base + datetime.timedelta(minutes=minute)).pk)
    viewed(employer, candidate_in("rotterdam"), base)  # not ours: never shown
    expected.reverse()

    events = log.audit_log(viewer=admin, filters=LogFilter())
    assert events.count() == 7
    assert [e.pk for e in events[0:4]] == expected[:4]
    assert [e.pk for e in events[4:8]] == expected[4:]
    assert [e.pk for e in events.newest(5)] == expected[:5]


def test_the_count_stops_at_the_cap_and_the_page_says_more(monkeypatch):
    monkeypatch.setattr(log, "COUNT_CAP", 4)
    monkeypatch.setattr("privacy.views.oversight.COUNT_CAP", 4)
    admin, coach = staff(Role.ADMINISTRATOR), staff(Role.COACH)
    for _ in range(6):
        audit_record(action=AuditAction.SEARCH, actor=coach, data={"query": ""})

    page = log_page(viewer=admin, filters=LogFilter(role=Role.COACH), number=1)
    assert page.is_capped and page.paginator.count == 4 and len(page.rows) == 4

    response = logged_in(admin).get(LOG, {"role": Role.COACH})
    assert "Meer dan 4 regels gevonden" in response.content.decode()


def test_no_log_for_a_platform_administrator_without_a_municipality():
    audit_record(action=AuditAction.SEARCH, actor=staff(Role.COACH))
    events = log.audit_log(viewer=UserFactory(role=Role.ADMINISTRATOR, municipality=None),
                           filters=LogFilter())
    assert events.count() == 0 and events[0:50] == [] and list(events.newest(10)) == []
