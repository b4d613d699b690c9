"""The suggestion pages read the kept lists: a fixed number of queries whatever the number
of candidates, the time the list is exact as of on the page, and the same audit as before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from privacy.models import AuditEvent
from tests.matching.builders import candidate

pytestmark = pytest.mark.django_db

PAGES = [("employer", "matching:employer_candidates", "v_own"),
         ("account_manager", "matching:account_manager_candidates", "v_own"),
         ("jobseeker", "matching:jobseeker_suggestions", None),
         ("coach", "matching:coach_suggestions", "mine")]


def _url(world, name, key):
    return reverse(name, args=[world[key].pk] if key else [])


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("role", "name", "key"), PAGES)
def test_queries_per_page_do_not_grow_with_the_candidates(verified_client, world, role, name,
                                                          key):
    client = verified_client(world[role])
    url = _url(world, name, key)
    client.get(url)  # the first view ranks and keeps the lists
    few = _count(client, url)
    for _ in range(30):  # more cooks than a page shows, from both municipalities
        candidate(municipality=world["utrecht"], occupations=["5120"], competences=["Koken"],
                  place_of_residence=None)
        candidate(municipality=world["rotterdam"], occupations=["5120"],
                  place_of_residence=None)
    client.get(url)  # nobody ran the sweep: lists are ranked anew only when too short
    assert _count(client, url) == few


def test_employer_page_query_count_is_pinned(verified_client, world, django_assert_num_queries):
    client = verified_client(world["employer"])
    url = _url(world, "matching:employer_candidates", "v_own")
    client.get(url)
    # 17 since issue 13: one prefetch of open sensitive-data reviews for the whole list, so
    # a part held for the coach's review stays out of the rows (candidates/publication_hold.py).
    with django_assert_num_queries(17):
        client.get(url)


def test_pages_say_when_the_list_was_updated(verified_client, world):
    client = verified_client(world["employer"])
    url = _url(world, "matching:employer_candidates", "v_own")
    assert "Deze lijst is bijgewerkt om" in client.get(url).content.decode()
    page = verified_client(world["jobseeker"]).get(reverse("matching:jobseeker_suggestions"))
    assert "Deze lijst is bijgewerkt om" in page.content.decode()


def test_english_translation_exists():
    with translation.override("en"):
        assert translation.gettext(
            "Deze lijst is bijgewerkt om %(time)s. Wijzigingen in profielen en vacatures "
            "komen er binnen enkele minuten in.") == (
            "This list was updated at %(time)s. Changes to profiles and vacancies reach it "
            "within a few minutes.")


def test_a_cached_page_still_logs_the_search(verified_client, world):
    client = verified_client(world["employer"])
    url = _url(world, "matching:employer_candidates", "v_own")
    client.get(url)
    before = AuditEvent.objects.count()
    client.get(url)
    event = AuditEvent.objects.order_by("-pk").first()
    assert AuditEvent.objects.count() > before
    assert event.data["filters"] == {"suggestions_for_vacancy": world["v_own"].pk}
