"""The search's vocabulary (candidates.SearchLexeme) and the prefix searched as its words
(employers/prefixes.py): the same candidates as the prefix itself, always."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import employers.prefixes
from candidates.models import Candidate, SearchDocument, SearchLexeme
from candidates.profile_services import profile_update
from candidates.search_documents import candidate_search_documents_refresh
from candidates.search_vocabulary import search_lexemes_prune
from candidates.tasks import search_documents_reconcile_task
from employers.fulltext import search_terms, text_tsquery
from employers.prefixes import prefix_lexemes
from employers.search import SearchCriteria
from employers.search_query import search_ids_all

from .conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db

WORK = ["Beveiligers op evenementen", "Beveiliging van kantoren", "Kassa en vakkenvullen",
        "Kassamedewerker supermarkt", "Zorgverlener thuiszorg", "Kok in een restaurant",
        "Magazijnmedewerker nachtdienst", "Heftruckchauffeur", "Dienstverlening aan huis",
        "Home-based klantenservice"]
TYPED = ["beveilig", "beveiliger", "kas", "kassa", "kassam", "zorg", "zorgv", "kok",
         "magazijnm", "heftruck", "chauffeur", "restaurant nacht", "kassa super",
         "medewerker kas", "dienstv", "home"]


@pytest.fixture
def workers():
    return [make_candidate(profile={"kind_of_work": work}) for work in WORK]


def document_words() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT w FROM candidates_searchdocument, "
                       "unnest(tsvector_to_array(document)) w WHERE left(w, 1) <> '@'")
        return {row[0] for row in cursor.fetchall()}


def vocabulary() -> set[str]:
    return set(SearchLexeme.objects.values_list("lexeme", flat=True))


def found(viewer, text: str) -> list[int]:
    return search_ids_all(viewer=viewer, criteria=SearchCriteria(text=text))


def test_the_vocabulary_holds_every_word_of_every_document_and_no_token(workers):
    assert document_words() and document_words() <= vocabulary()
    assert not any(word.startswith("@") for word in vocabulary())


def test_a_prefix_finds_the_same_candidates_as_words_as_it_does_as_a_prefix(workers,
                                                                             monkeypatch):
    viewer = employer_user()
    expanded = {text: found(viewer, text) for text in TYPED}
    monkeypatch.setattr(employers.prefixes, "MAX_EXPANSION", 0)  # every prefix stays one
    assert {text: found(viewer, text) for text in TYPED} == expanded
    # "dienstverlen" is the stored word; stemmed once more it would be "dienstverl", which no
    # document holds: the words must reach the index as they are.
    assert all(expanded[text] for text in ["beveilig", "kas", "zorgv", "magazijnm", "dienstv",
                                           "home"])


def test_the_prefix_is_sent_as_its_words(workers):
    """The point of the vocabulary: no prefix scan in the index when it lists the words."""
    assert sorted(prefix_lexemes("kassa")) == ["kassa", "kassamedewerker"]
    sql, params = text_tsquery(search_terms("kassa"))
    assert "::tsquery" in sql and not any(":*" in str(value) for value in params)
    # The stem, as to_tsquery makes it of "beveilig:*", is where the words start.
    assert prefix_lexemes("beveilig") == sorted(w for w in vocabulary()
                                                if w.startswith("beveil"))


def test_without_words_for_it_or_with_too_many_a_prefix_stays_a_prefix(workers, monkeypatch):
    assert prefix_lexemes("xyzzy") is None
    assert prefix_lexemes("de") is None  # a stop word: PostgreSQL drops it
    monkeypatch.setattr(employers.prefixes, "MAX_EXPANSION", 1)
    assert prefix_lexemes("kassa") is None
    _sql, params = text_tsquery(search_terms("kassa"))
    assert any("kassa:*" in str(value) for value in params)


def test_a_word_saved_after_the_first_search_is_found_by_its_prefix(workers):
    viewer = employer_user()
    before = found(viewer, "kassa")
    late = make_candidate(profile={"kind_of_work": "Schoonmaak"})
    profile_update(by=late.user, profile=late.profile,
                   changes={"kind_of_work": "Kassahulp op zaterdag"})
    assert "kassahulp" in vocabulary()
    assert set(found(viewer, "kassa")) == {*before, late.pk}


def test_the_nightly_prune_removes_only_the_words_no_document_holds(workers):
    leaving = Candidate.objects.get(profile__kind_of_work="Heftruckchauffeur")
    Candidate.objects.filter(pk=leaving.pk).update(shared_with_employers=False)
    candidate_search_documents_refresh([leaving.pk])
    assert not SearchDocument.objects.filter(candidate=leaving).exists()
    assert "heftruckchauffeur" in vocabulary()  # words only leave at night
    removed = search_lexemes_prune()
    assert "heftruckchauffeur" not in vocabulary()
    assert removed >= 1 and vocabulary() == document_words()
    assert search_lexemes_prune() == 0


def test_the_search_asks_the_vocabulary_once(workers):
    viewer = employer_user()
    with CaptureQueriesContext(connection) as queries:
        found(viewer, "kassa")
    assert len([q for q in queries if "candidates_searchlexeme" in q["sql"]]) == 1


def test_the_nightly_task_prunes_the_vocabulary(workers):
    leaving = Candidate.objects.get(profile__kind_of_work="Home-based klantenservice")
    SearchDocument.objects.filter(candidate=leaving).delete()  # a change outside the services
    Candidate.objects.filter(pk=leaving.pk).update(shared_with_employers=False)
    search_documents_reconcile_task()
    assert "home-based" not in vocabulary() and vocabulary() == document_words()
