"""The employer's profile page runs its lookups by key as prepared statements; the search's
statement over the search documents, whose best plan depends on the word, never
(hallowerk/prepared.py). The search page's own lookups by key (the rows of its 25 candidates,
the employer's region) are prepared too."""

import pytest
from django.db import connection
from django.urls import reverse

from candidates.models import SearchDocument
from tests.hallowerk.test_prepared import prepared_reading

from .conftest import make_candidate

pytestmark = pytest.mark.django_db


def _reading_documents() -> list[str]:
    """Prepared statements that read the search documents, however the table is written."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()
                if SearchDocument._meta.db_table in row[0]]


def test_the_profile_page_prepares_its_lookups_and_the_search_does_not(employer_client):
    candidate = make_candidate(profile={"kind_of_work": "Kok in een restaurant"})
    for _ in range(3):
        response = employer_client.get(reverse("employers:search") + "?q=kok")
        assert response.status_code == 200
        assert candidate.first_name in response.content.decode()
    assert _reading_documents() == []
    # Changed with the search's lookups by key (issue 12): the result rows are read by their
    # keys through visible_to(), a prepared statement; the documents still are not.
    assert prepared_reading("candidates_candidate")
    response = employer_client.get(reverse("employers:candidate_profile", args=[candidate.pk]))
    assert response.status_code == 200
    assert prepared_reading("candidates_candidate")  # the profile's candidate lookup
    assert prepared_reading("hallowerk_user")  # the signed-in user, read on every request
    assert _reading_documents() == []
