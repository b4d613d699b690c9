"""Prepared statements only where a generic plan is as good as any (hallowerk/prepared.py):
the reads of every request and the employer's profile page are planned once per connection;
the search never is (a generic plan made it five times slower, scripts/bench_search.py)."""

import pytest
from django.db import connection

from hallowerk.models import Municipality
from hallowerk.prepared import prepared_statements

pytestmark = pytest.mark.django_db


def prepared_reading(table: str) -> list[str]:
    """The statements prepared on this connection that read `table`."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall() if f'"{table}"' in row[0]]


def _look_up_a_municipality():
    Municipality.objects.filter(slug="utrecht").first()


def test_by_default_values_go_in_the_text_and_nothing_is_prepared():
    from django.db.backends.postgresql.base import Cursor

    for _ in range(10):
        _look_up_a_municipality()
    assert prepared_reading(Municipality._meta.db_table) == []
    assert connection.connection.cursor_factory is Cursor  # Django's client-side binding
    assert connection.connection.prepare_threshold is None


def test_inside_the_scope_a_statement_is_prepared_on_its_first_run():
    from django.test.utils import CaptureQueriesContext

    with prepared_statements(), CaptureQueriesContext(connection) as captured:
        _look_up_a_municipality()
        _look_up_a_municipality()  # the second run is the prepared statement
    assert all('"hallowerk_municipality"' in query["sql"] for query in captured)
    assert len(prepared_reading(Municipality._meta.db_table)) == 1
    assert connection.connection.prepare_threshold is None  # back to the default
    assert "$1" in prepared_reading(Municipality._meta.db_table)[0]  # parameters apart


def test_the_default_comes_back_after_an_error():
    with pytest.raises(ZeroDivisionError), prepared_statements():
        _look_up_a_municipality()
        1 / 0  # noqa: B018
    assert connection.connection.prepare_threshold is None
    from django.db.backends.postgresql.base import Cursor

    assert connection.connection.cursor_factory is Cursor


def test_switched_off_for_a_pooler_that_cannot_keep_them(settings):
    settings.PREPARED_STATEMENTS = False
    with prepared_statements():
        _look_up_a_municipality()
    assert prepared_reading(Municipality._meta.db_table) == []


def test_a_jobseekers_own_dossier_and_profile_are_prepared_lookups(client):
    from django.urls import reverse

    from tests.candidates.jobseeker_helpers import jobseeker

    candidate = jobseeker()
    client.force_login(candidate.user)
    response = client.get(reverse("candidates:jobseeker_step", kwargs={"slug": "over-mij"}))
    assert response.status_code == 200
    assert prepared_reading("candidates_candidate") and prepared_reading("candidates_profile")
