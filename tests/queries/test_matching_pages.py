"""The suggestion pages read the kept ranking lists. That their count does not grow with the
candidates is shown in tests/matching/test_cache_pages.py (the employer's page is pinned
there); here the other roles' pages are pinned too."""

import pytest
from django.urls import reverse

from tests.matching.builders import candidate
from tests.matching.conftest import world  # noqa: F401 (a fixture)

from .conftest import assert_pinned

pytestmark = pytest.mark.django_db


def _cooks(place):
    def add(n):  # more candidates who want the same work; the page keeps its list
        for _ in range(n):
            candidate(municipality=place, occupations=["5120"], competences=["Koken"],
                      place_of_residence=None)
        return []

    return add


@pytest.mark.parametrize(("role", "name", "key", "pinned"), [
    ("account_manager", "matching:account_manager_candidates", "v_own", 17),
    ("jobseeker", "matching:jobseeker_suggestions", None, 16),
    ("coach", "matching:coach_suggestions", "mine", 16),
])
def test_suggestion_pages(verified_client, world, role, name, key, pinned):  # noqa: F811
    url = reverse(name, args=[world[key].pk] if key else [])
    assert_pinned(verified_client(world[role]), url, _cooks(world["utrecht"]), pinned)
