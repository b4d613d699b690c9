"""Search that understands Dutch (issue 18): compound words, synonyms, and a spelling
suggestion that reveals nothing about profiles the employer may not see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.compounds import compound_parts, compound_split, with_compound_parts
from candidates.models import Candidate
from candidates.search_documents import candidate_search_documents_refresh
from employers.search import SearchCriteria, candidate_search
from employers.suggestions import closest_known_word, spelling_suggestion
from employers.synonyms import SYNONYM_GROUPS, synonyms_of

from .conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db


# --- compounds ----------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "parts"), [
    ("vrachtwagenchauffeur", ("vrachtwagen", "chauffeur")),
    ("automonteur", ("auto", "monteur")),
    ("magazijnmedewerker", ("magazijn", "medewerker")),
    ("bedieningsmedewerker", ("bediening", "medewerker")),  # linking s
    ("hoofdkok", ("hoofd", "kok")),  # a short head
    ("thuiszorgmedewerker", ("thuiszorg", "thuis", "zorg", "medewerker")),  # parts of parts
])
def test_compounds_are_split_into_known_words(word, parts):
    assert compound_parts(word) == parts


@pytest.mark.parametrize("word", [
    "chauffeur", "medewerker", "onderwijs",  # words of their own, however long
    "beveiliger", "zorgvuldig",  # no split into known words
    "kok", "magazijn2",
])
def test_words_that_are_not_compounds_stay_whole(word):
    assert compound_parts(word) == ()


def test_the_document_text_keeps_the_whole_word_and_adds_its_parts_once():
    assert (with_compound_parts("vrachtwagenchauffeur en magazijnmedewerker")
            == "vrachtwagenchauffeur en magazijnmedewerker vrachtwagen chauffeur magazijn "
               "medewerker")
    assert compound_split("thuiszorgmedewerker") == ("thuiszorg", "medewerker")


def found(text: str, viewer=None) -> list[Candidate]:
    result = candidate_search(viewer=viewer or employer_user(),
                              criteria=SearchCriteria(text=text))
    return result.candidates


@pytest.mark.parametrize(("wrote", "typed"), [
    ("Vrachtwagenchauffeur", "chauffeur"),
    ("Automonteur bij een garage", "monteur"),
    ("Thuiszorgmedewerker", "zorg"),
    ("Klantenservicemedewerker", "medewerker"),
    ("Chauffeur op een vrachtwagen", "vrachtwagenchauffeur"),  # the query is split too
])
def test_a_part_finds_the_compound_and_the_compound_finds_its_parts(wrote, typed):
    candidate = make_candidate(profile={"kind_of_work": wrote})
    make_candidate(profile={"kind_of_work": "Schilder"})
    assert found(typed) == [candidate]


# --- synonyms -----------------------------------------------------------------------------

def test_synonym_groups_are_symmetric_lowercase_single_words():
    for group in SYNONYM_GROUPS:
        for word in group:
            assert word == word.lower() and word.isalpha(), word
            assert set(synonyms_of(word)) == set(group) - {word}


@pytest.mark.parametrize("typed", ["bestuurder", "driver", "Chauffeur"])
def test_other_names_for_the_same_job_find_it(typed):
    candidate = make_candidate(profile={"kind_of_work": "Chauffeur"})
    assert found(typed) == [candidate]


def test_the_word_typed_ranks_above_a_synonym_even_when_less_recent():
    synonym = make_candidate(profile={"kind_of_work": "Chauffeur"})
    exact = make_candidate(profile={"kind_of_work": "Bestuurder"})
    Candidate.objects.filter(pk=exact.pk).update(
        last_activity_at=timezone.now() - timedelta(days=300))
    candidate_search_documents_refresh([exact.pk])
    assert found("bestuurder") == [exact, synonym]


# --- spelling suggestions -----------------------------------------------------------------

def test_a_typo_is_corrected_to_the_closest_common_word():
    assert closest_known_word("magazjin") == "magazijn"
    assert closest_known_word("chaufeur") == "chauffeur"
    assert closest_known_word("magazijn") is None  # known: nothing to suggest


def test_a_search_that_finds_nothing_suggests_a_word_that_finds_candidates(employer_client):
    make_candidate(profile={"kind_of_work": "Magazijnmedewerker"})
    response = employer_client.get(reverse("employers:search"),
                                   {"q": "magazjin", "driving_licence": ""})
    page = response.content.decode()
    assert response.context["result"].count == 0
    assert response.context["result"].suggestion == "magazijn"
    assert "Bedoelde u:" in page and "q=magazijn" in page


def test_no_suggestion_reveals_a_profile_the_employer_may_not_see():
    # A profile with the word exists, but in another region and shared with the region
    # only: this employer may not see it, so the suggestion must not hint at it.
    make_candidate(slug="amsterdam", scope="region",
                   profile={"kind_of_work": "Magazijnmedewerker"})
    viewer = employer_user("utrecht")
    assert found("magazijn", viewer) == []
    assert spelling_suggestion(viewer=viewer, criteria=SearchCriteria(text="magazjin")) is None
    assert candidate_search(viewer=viewer,
                            criteria=SearchCriteria(text="magazjin")).suggestion is None
