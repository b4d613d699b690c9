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
    # 15 since issue 12: the vacancies come with their municipality (its WSP contact).
    ("jobseeker", "matching:jobseeker_suggestions", None, 15),
    ("coach", "matching:coach_suggestions", "mine", 16),
])
def test_suggestion_pages(verified_client, world, role, name, key, pinned):  # noqa: F811
    url = reverse(name, args=[world[key].pk] if key else [])
    assert_pinned(verified_client(world[role]), url, _cooks(world["utrecht"]), pinned)


def test_the_jobseekers_suggestions_do_not_cost_a_query_per_vacancy(verified_client,
                                                                     world):  # noqa: F811
    """Each suggested vacancy shows its municipality's WSP contact: read with the vacancy,
    not once per vacancy (the 500k benchmark database showed 25 extra queries a page)."""
    from matching.models import VacancyRanking
    from tests.matching.builders import vacancy

    world["utrecht"].wsp_contact_name = "Team WSP"
    world["utrecht"].save()

    def add(n):
        for number in range(n):
            vacancy(code="5120", employer=world["v_own"].employer, title=f"Kok {number}",
                    skills=["koken"])
        VacancyRanking.objects.all().delete()  # the kept list is made again with them
        return [f"Kok {number}" for number in range(n)]

    # 24: the page makes the kept list again (it was removed), as after a change.
    assert_pinned(verified_client(world["jobseeker"]),
                  reverse("matching:jobseeker_suggestions"), add, 24)
