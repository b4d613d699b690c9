"""The employer's profile page runs its lookups by key as prepared statements; the search,
whose best plan depends on the word, never (hallowerk/prepared.py)."""

import pytest
from django.urls import reverse

from candidates.models import SearchDocument
from tests.hallowerk.test_prepared import prepared_reading

from .conftest import make_candidate

pytestmark = pytest.mark.django_db


def test_the_profile_page_prepares_its_lookups_and_the_search_does_not(employer_client):
    candidate = make_candidate(profile={"kind_of_work": "Kok in een restaurant"})
    for _ in range(3):
        assert employer_client.get(reverse("employers:search") + "?q=kok").status_code == 200
    assert prepared_reading(SearchDocument._meta.db_table) == []
    assert prepared_reading("candidates_candidate") == []
    response = employer_client.get(reverse("employers:candidate_profile", args=[candidate.pk]))
    assert response.status_code == 200
    assert prepared_reading("candidates_candidate")  # the profile's candidate lookup
    assert prepared_reading("hallowerk_user")  # the signed-in user, read on every request
    assert prepared_reading(SearchDocument._meta.db_table) == []
