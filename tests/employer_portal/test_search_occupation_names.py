"""Occupations' other names in the employer's search (issue 18): "orderpicker" also finds
the candidates who chose ISCO 9333, through the occupation token their documents already
hold — within the same visibility, and below profiles that contain the word itself."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate
from candidates.search_documents import candidate_search_documents_refresh
from employers.fulltext import MIN_PREFIX_LENGTH, text_tsquery
from employers.occupation_names import occupation_segments
from employers.search import SearchCriteria, candidate_search, search_queryset
from hallowerk.models import Occupation

from .conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db

# Profiles that say nothing about warehouse work: only the chosen occupation can match.
QUIET = {"kind_of_work": "Ik zoek werk", "personal_description": "Ik ben betrouwbaar."}


def found(text: str, viewer=None) -> list[Candidate]:
    return candidate_search(viewer=viewer or employer_user(),
                            criteria=SearchCriteria(text=text)).candidates


def occupation_id(code: str) -> int:
    return Occupation.objects.get(isco_code=code).pk


def segments(text: str) -> list[tuple[tuple[str, ...], set[str]]]:
    codes = dict(Occupation.objects.values_list("pk", "isco_code"))
    return [(s.words, {codes[pk] for pk in s.occupation_ids})
            for s in occupation_segments(text.split(), min_prefix=MIN_PREFIX_LENGTH)]


def test_words_are_grouped_where_they_spell_an_other_name():
    assert segments("ervaren orderpicker") == [(("ervaren",), set()),
                                               (("orderpicker",), {"9333"})]
    assert segments("laad en losmedewerker") == [(("laad", "en", "losmedewerker"), {"9333"})]
    # The last word may be unfinished; earlier words must be whole.
    assert segments("orderp") == [(("orderp",), {"9333"})]
    assert segments("orderp snel") == [(("orderp",), set()), (("snel",), set())]
    # A name of two groups matches both; too short a start matches none.
    assert segments("verpleegkundige") == [(("verpleegkundige",), {"2221", "3221"})]
    assert segments("or") == [(("or",), set())]
    # An unfinished last word matches every name it begins, as it matches every such word.
    assert segments("magazijn") == [(("magazijn",), {"4321", "9333"})]


def test_the_query_keeps_words_without_a_name_as_one_text_query():
    sql, params = text_tsquery(["betrouwbaar", "ervaren"])
    assert (sql, params) == ("to_tsquery('dutch', %s)", ["betrouwbaar & ervaren:*"])
    sql, params = text_tsquery(["ervaren", "orderpicker"])
    assert sql == "to_tsquery('dutch', %s) && (to_tsquery('dutch', %s) || %s::tsquery)"
    assert params[2] == f"@o{occupation_id('9333')}"


# The label of 9333 says "orderpickers" (in every chooser's document already); these names
# are nowhere in the label, so only the occupation's token can find the profile.
@pytest.mark.parametrize("typed", ["orderverzamelaar", "Orderverzamelaar", "orderverz",
                                   "magazijnknecht", "laad- en losmedewerker",
                                   "warehouse worker"])
def test_an_other_name_finds_who_chose_the_occupation_without_writing_it(typed):
    chose = make_candidate(occupations=["9333"], profile=QUIET)
    make_candidate(occupations=["5120"], profile=QUIET)
    make_candidate(profile=QUIET)
    assert found(typed) == [chose]


def test_orderpicker_finds_who_chose_9333_and_the_saved_search_path_the_same():
    chose = make_candidate(occupations=["9333"], profile=QUIET)
    make_candidate(occupations=["8344"], profile=QUIET)
    viewer = employer_user()
    assert found("orderpicker", viewer) == [chose]
    assert list(search_queryset(viewer=viewer, criteria=SearchCriteria(text="orderpicker"))
                ) == [chose]


def test_every_other_word_is_still_required():
    ervaren = make_candidate(occupations=["9333"],
                             profile={**QUIET, "personal_description": "Ervaren en snel."})
    make_candidate(occupations=["9333"], profile=QUIET)
    assert found("ervaren orderverzamelaar") == [ervaren]


def test_an_employer_does_not_find_a_candidate_they_may_not_see_by_an_other_name():
    visible = make_candidate(occupations=["9333"], profile=QUIET)
    make_candidate(occupations=["9333"], profile=QUIET, shared=False)
    # Another region, shared with its own region only.
    make_candidate(slug="amsterdam", scope="region", occupations=["9333"], profile=QUIET)
    viewer = employer_user("utrecht")
    criteria = SearchCriteria(text="orderverzamelaar")
    assert found(criteria.text, viewer) == [visible]
    assert list(search_queryset(viewer=viewer, criteria=criteria)) == [visible]


def test_the_word_itself_ranks_above_a_match_through_the_occupation_only():
    through_occupation = make_candidate(occupations=["9333"], profile=QUIET)
    wrote_it = make_candidate(profile={**QUIET, "kind_of_work": "Orderverzamelaar"})
    Candidate.objects.filter(pk=wrote_it.pk).update(
        last_activity_at=timezone.now() - timedelta(days=300))
    candidate_search_documents_refresh([wrote_it.pk])
    assert found("orderverzamelaar") == [wrote_it, through_occupation]


@pytest.mark.parametrize(("language", "explained"), [
    ("nl", "Typt u 'orderverzamelaar'? Dan vindt u ook kandidaten die het beroep"),
    ("en", "If you type 'warehouse worker', you also find candidates who chose"),
])
def test_the_search_page_explains_other_names_in_plain_words(employer_client, language,
                                                             explained):
    employer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = employer_client.get(reverse("employers:search"))
    assert explained in response.content.decode()


def test_the_occupation_filter_accepts_an_other_name(employer_client):
    chose = make_candidate(occupations=["9333"], profile=QUIET)
    make_candidate(occupations=["5120"], profile=QUIET)
    response = employer_client.get(reverse("employers:search"),
                                   {"occupation": "orderverzamelaar", "driving_licence": ""})
    assert response.context["result"].candidates == [chose]


def test_a_mistyped_other_name_is_suggested():
    make_candidate(occupations=["9333"], profile=QUIET)
    result = candidate_search(viewer=employer_user(),
                              criteria=SearchCriteria(text="orderverzamelar"))
    assert result.count == 0
    assert result.suggestion == "orderverzamelaar"
