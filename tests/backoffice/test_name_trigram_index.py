"""The account manager's search by part of a name can read the trigram index (migration
candidates 0024) and finds exactly what the plain comparison finds.

The trigrams only narrow the rows; name_contains() decides. These tests would fail if the
trigram condition ever dropped a real match (a word whose trigrams the function makes
differently from the name's), or if PostgreSQL could no longer use the index for it (then
the search would compare the name of everyone the account manager may see again: 212 ms at
500,000 candidates, issue 11). Sequential scans are switched off for the plan, so it shows
whether the index *can* serve the query, whatever the size of the test database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Candidate
from candidates.models.querysets import name_contains, name_contains_indexed
from hallowerk.roles import Role

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db

NAMES = [("Jan", "Jansen"), ("Marjan", "de Vries"), ("Émile", "van Dijk"), ("Jörg", "Straße"),
         ("Ayşe", "Yılmaz"), ("Ilse", "'t Hart"), ("Anne-Marie", "IJzerman"), ("Bo", "Li"),
         ("Noor", "El Amrani"), ("Piet", "Jan-Willemsen")]
WORDS = ["jan", "JAN", "arja", "émi", "EMI", "dijk", "straße", "ße", "yıl", "ayş", "'t", "t h",
         "-ma", "anne-marie", "ijz", "bo", "li", "b", "noor", "el", "amr", "ansen", "rjan de",
         "willemsen", "xyz", "jjj", "%", "a%n", "an_"]


@pytest.fixture
def named():
    for first, last in NAMES:
        candidate_in(first_name=first, last_name=last)


def _names(condition) -> set[str]:
    return {f"{c.first_name} {c.last_name}" for c in Candidate.objects.filter(condition)}


@pytest.mark.parametrize("word", WORDS)
def test_the_indexed_search_finds_what_the_plain_comparison_finds(named, word):
    assert _names(name_contains_indexed(word)) == _names(name_contains(word))


def test_the_words_above_find_someone_so_the_comparison_above_means_something(named):
    nobody = [word for word in WORDS if not _names(name_contains(word))]
    assert nobody == ["EMI", "xyz", "jjj", "%", "a%n", "an_"]  # LIKE signs are text  # capitals do not count, accents do (É is not E)


def test_a_search_by_part_of_a_name_can_read_the_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Candidate.objects.filter(name_contains_indexed("jan")).explain()
    assert "candidate_name_trigrams" in plan, plan


def test_the_account_managers_list_searches_with_the_index(named, verified_client):
    client = verified_client(staff(Role.ACCOUNT_MANAGER))
    with CaptureQueriesContext(connection) as captured:
        found = client.get(reverse("employers:am_candidates"), {"q": "jan"}).context["page"]
    assert {c.last_name for c in found.object_list} == {"Jansen", "de Vries", "Jan-Willemsen"}
    assert any("candidates_name_trigrams" in query["sql"] for query in captured)


def test_the_indexed_search_still_finds_only_whom_the_account_manager_may_see(verified_client):
    candidate_in(first_name="Jan", last_name="Eigen")
    candidate_in("rotterdam", first_name="Jan", last_name="Gedeeld", shared_with_employers=True,
                 sharing_scope="all")
    candidate_in("rotterdam", first_name="Jan", last_name="NietGedeeld",
                 shared_with_employers=False)
    client = verified_client(staff(Role.ACCOUNT_MANAGER))
    found = client.get(reverse("employers:am_candidates"), {"q": "jan"}).context["page"]
    assert {c.last_name for c in found.object_list} == {"Eigen", "Gedeeld"}
