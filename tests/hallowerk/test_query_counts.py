"""counts_in_one_query() gives what .count() gives, for each queryset, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hallowerk.models import Municipality, User
from hallowerk.query_counts import counts_in_one_query
from hallowerk.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_count_equals_count_and_all_come_from_one_query():
    UserFactory.create_batch(3, role=Role.COACH)
    UserFactory.create_batch(2, role=Role.EMPLOYER, employer_user=True)
    querysets = {
        "coaches": User.objects.filter(role=Role.COACH),
        "named": User.objects.filter(email__contains="@").exclude(role=Role.COACH),
        "sliced": User.objects.order_by("pk")[:2],
        "distinct": Municipality.objects.filter(users__role=Role.COACH).distinct(),
        "none": User.objects.none(),
    }
    expected = {name: qs.count() for name, qs in querysets.items()}
    assert expected["coaches"] == 3 and expected["sliced"] == 2 and expected["none"] == 0
    with CaptureQueriesContext(connection) as captured:
        assert counts_in_one_query(**querysets) == expected
    assert len(captured) == 1


def test_only_empty_querysets_read_nothing():
    with CaptureQueriesContext(connection) as captured:
        assert counts_in_one_query(a=User.objects.none()) == {"a": 0}
    assert len(captured) == 0
