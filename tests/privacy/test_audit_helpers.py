"""The audit helpers record reads, searches, changes and exports — IP only for staff."""

import pytest
from django.db import DatabaseError, transaction
from django.test import RequestFactory

from hallowerk.roles import Role
from privacy.audit import audit_changed, audit_export, audit_profile_viewed, audit_search
from privacy.models import AuditAction, AuditEvent
from tests.factories import CandidateFactory, UserFactory

pytestmark = pytest.mark.django_db


def request_from(ip):
    return RequestFactory().get("/", REMOTE_ADDR=ip)


def test_a_staff_read_is_logged_with_ip():
    candidate, coach = CandidateFactory(), UserFactory(role=Role.COACH)
    event = audit_profile_viewed(viewer=coach, candidate=candidate,
                                 request=request_from("198.51.100.1"))
    assert event.action == AuditAction.PROFILE_VIEWED
    assert (event.target_type, event.target_id) == ("candidates.candidate", str(candidate.pk))
    assert event.ip_address == "198.51.100.1" and event.actor_role == Role.COACH


def test_an_employer_read_is_logged_without_ip_but_with_the_employer():
    candidate, employer_user = CandidateFactory(), UserFactory(employer_user=True)
    event = audit_profile_viewed(viewer=employer_user, candidate=candidate,
                                 request=request_from("198.51.100.2"))
    assert event.ip_address is None
    assert event.data == {"employer": employer_user.employer_id}


def test_the_jobseeker_reading_their_own_profile_is_not_a_viewing():
    candidate = CandidateFactory()
    assert audit_profile_viewed(viewer=candidate.user, candidate=candidate) is None
    assert not AuditEvent.objects.filter(action=AuditAction.PROFILE_VIEWED).exists()


def test_search_keeps_query_and_filters():
    employer_user = UserFactory(employer_user=True)
    event = audit_search(viewer=employer_user, query="kok", filters={"place": "Schiedam",
                                                                     "km": 20},
                         result_count=7)
    assert event.data == {"query": "kok", "filters": {"place": "Schiedam", "km": 20},
                          "result_count": 7}


def test_changes_record_field_names_never_values():
    candidate, coach = CandidateFactory(phone="0612345678"), UserFactory(role=Role.COACH)
    event = audit_changed(actor=coach, target=candidate, fields=["phone", "email"])
    assert event.data == {"fields": ["email", "phone"]}
    assert "0612345678" not in str(event.data)
    assert audit_changed(actor=coach, target=candidate, fields=[]) is None


def test_exports_are_logged_and_the_log_stays_append_only():
    admin = UserFactory(role=Role.ADMINISTRATOR)
    event = audit_export(actor=admin, kind="retention_report_csv", data={"rows": 12})
    assert event.data == {"kind": "retention_report_csv", "rows": 12}
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(data={})
