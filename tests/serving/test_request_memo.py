"""Facts kept for one request only (hallowerk/request_memo.py): the employer's region is
looked up once per request, and a change is seen by the next request and by any code
outside a request (issue 12)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from candidates.models import Candidate
from candidates.models.querysets import employer_audience
from employers.models import Employer
from hallowerk.request_memo import request_memo_scope, request_memoized
from hallowerk.roles import Role
from tests.factories import EmployerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_computed_once_inside_a_request_and_every_time_outside():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert request_memoized("k", compute) == 1
    assert request_memoized("k", compute) == 2  # outside a request: nothing kept
    with request_memo_scope():
        assert request_memoized("k", compute) == 3
        assert request_memoized("k", compute) == 3
    assert request_memoized("k", compute) == 4


def test_employer_region_read_once_per_request_and_a_deactivation_seen_at_once():
    employer = EmployerFactory()
    user = UserFactory(role=Role.EMPLOYER, employer=employer,
                       municipality=employer.municipality)
    with request_memo_scope(), CaptureQueriesContext(connection) as captured:
        list(Candidate.objects.visible_to(user))
        list(Candidate.objects.visible_to(user))
    region_lookups = [q for q in captured if "labour_market_region" in q["sql"]]
    assert len(region_lookups) == 1
    Employer.objects.filter(pk=employer.pk).update(is_active=False,
                                                   deactivated_at=timezone.now())
    # Outside a request (and in the next request) the deactivation counts at once.
    assert employer_audience(user) is None
    assert not Candidate.objects.visible_to(user).exists()
