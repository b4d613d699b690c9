"""The search itself: full text (Dutch, accent-insensitive, as-you-type), every filter,
ranking, paging and the audit trail."""

from datetime import date

import pytest

from employers.search import PAGE_SIZE, SearchCriteria, candidate_search, search_queryset
from hallowerk.models import Occupation, Sector
from privacy.models import AuditEvent

from .conftest import make_candidate, place

pytestmark = pytest.mark.django_db


def found(employer, **criteria) -> set[int]:
    return set(search_queryset(viewer=employer, criteria=SearchCriteria(**criteria))
               .values_list("pk", flat=True))


def text(kind_of_work, description=""):
    return {"kind_of_work": kind_of_work, "personal_description": description}


def test_text_search_is_accent_insensitive_stemmed_and_prefix(employer):
    creche = make_candidate(profile=text("Leidster in een crèche"))
    warehouse = make_candidate(profile=text("Magazijnmedewerker met heftruck-certificaat"))
    assert found(employer, text="creche") == {creche.pk}
    assert found(employer, text="CRÈCHE") == {creche.pk}
    # As you type: the last word may be unfinished.
    assert found(employer, text="magazijnmed") == {warehouse.pk}
    assert found(employer, text="heftruck magazijnm") == {warehouse.pk}
    # Dutch stemming: a plural finds the singular.
    assert found(employer, text="leidsters") == {creche.pk}
    # Every word is required.
    assert found(employer, text="magazijn creche") == set()


def test_text_search_covers_skills_occupations_and_entries(employer):
    cook = make_candidate(profile=text(""), occupations=["5120"])
    skilled = make_candidate(profile={"kind_of_work": "", "personal_description": "",
                                      "professional_skills": ["Lassen"]})
    assert found(employer, text="koks") == {cook.pk}
    assert found(employer, text="lassen") == {skilled.pk}


def test_query_syntax_cannot_be_injected(employer):
    make_candidate(profile=text("Kok"))
    for crafted in ["kok & !", "!kok", "kok | (", "') OR 1=1 --", "kok:* & 'x'", "<->", "\\"]:
        # Only letters and digits reach to_tsquery: no error, no widening.
        result = found(employer, text=crafted)
        assert result <= set(search_queryset(viewer=employer, criteria=SearchCriteria(
            text="kok")).values_list("pk", flat=True))


def test_ranking_puts_the_better_match_first(employer):
    weak = make_candidate(profile=text("", "Ik heb ooit in een keuken gestaan."))
    strong = make_candidate(profile=text("Kok in een keuken", "Keuken, keuken en koken."))
    result = candidate_search(viewer=employer, criteria=SearchCriteria(text="keuken"))
    assert [c.pk for c in result.candidates] == [strong.pk, weak.pk]


def test_occupation_sector_licence_language_and_physical_filters(employer):
    match = make_candidate(occupations=["5120"], sectors=["horeca"], languages=["nl", "en"],
                           profile={"driving_licences": ["B"], "physical_lifting": True,
                                    "physical_standing": True})
    other = make_candidate(occupations=["9112"], sectors=["zorg-welzijn"], languages=["nl"],
                           profile={"driving_licences": [], "physical_lifting": False})
    unanswered = make_candidate(occupations=["5120"], profile={"physical_lifting": None})
    cook = Occupation.objects.get(isco_code="5120")
    assert found(employer, occupation=cook) == {match.pk, unanswered.pk}
    assert found(employer, sector=Sector.objects.get(code="horeca")) == {match.pk}
    assert found(employer, driving_licence="B") == {match.pk}
    assert found(employer, languages=("nl", "en")) == {match.pk}
    assert found(employer, languages=("nl",)) == {match.pk, other.pk}
    # Only "can do": neither "cannot" nor "not answered" is selected by the filter.
    assert found(employer, physical=("lifting",)) == {match.pk}
    assert found(employer, physical=("lifting", "standing")) == {match.pk}


def test_physical_criteria_refuse_anything_but_can_do_codes():
    with pytest.raises(ValueError):
        SearchCriteria(physical=("not_lifting",))


def test_radius_measures_from_the_place_of_residence(employer):
    utrecht = make_candidate(residence="Utrecht", postcode="1011AB")  # postcode in Amsterdam
    zeist = make_candidate(residence="Zeist")
    amsterdam = make_candidate(residence="Amsterdam", postcode="3511AB")  # postcode in Utrecht
    nowhere = make_candidate()
    assert found(employer, place=place("Utrecht"), radius_km=5) == {utrecht.pk}
    assert found(employer, place=place("Utrecht"), radius_km=15) == {utrecht.pk, zeist.pk}
    assert found(employer, place=place("Utrecht"), radius_km=50) == {
        utrecht.pk, zeist.pk, amsterdam.pk}
    assert nowhere.pk not in found(employer, place=place("Utrecht"), radius_km=200)


def test_availability_and_hours(employer):
    now = make_candidate(profile={"available_from": date(2026, 1, 1),
                                  "hours_per_week_min": 16, "hours_per_week_max": 24})
    later = make_candidate(profile={"available_from": date(2026, 9, 1),
                                    "hours_per_week_min": 32, "hours_per_week_max": 40})
    open_ended = make_candidate(profile={})
    assert found(employer, available_on=date(2026, 3, 1)) == {now.pk, open_ended.pk}
    assert found(employer, available_on=date(2026, 9, 1)) == {now.pk, later.pk, open_ended.pk}
    assert found(employer, hours_per_week=20) == {now.pk, open_ended.pk}
    assert found(employer, hours_per_week=36) == {later.pk, open_ended.pk}


def test_results_are_paged_with_a_count(employer):
    for _ in range(PAGE_SIZE + 3):
        make_candidate(profile=text("Schoonmaker"))
    first = candidate_search(viewer=employer, criteria=SearchCriteria(text="schoonmaker"))
    assert first.count == PAGE_SIZE + 3 and len(first.candidates) == PAGE_SIZE
    second = candidate_search(viewer=employer, criteria=SearchCriteria(text="schoonmaker"),
                              page_number=2)
    assert len(second.candidates) == 3
    assert not {c.pk for c in first.candidates} & {c.pk for c in second.candidates}
    # A page beyond the end or not a number gives a real page, never an error.
    assert candidate_search(viewer=employer, criteria=SearchCriteria(),
                            page_number="999").page.number == 2
    assert candidate_search(viewer=employer, criteria=SearchCriteria(),
                            page_number="abc").page.number == 1


def test_only_stop_words_is_reported(employer):
    make_candidate(profile=text("Werk in de keuken"))
    result = candidate_search(viewer=employer, criteria=SearchCriteria(text="de"))
    assert result.count == 0 and result.only_stop_words


def test_every_search_is_audited_with_query_filters_and_count(employer):
    make_candidate(profile=text("Kok"), residence="Utrecht")
    candidate_search(viewer=employer, criteria=SearchCriteria(
        text="kok", place=place("Utrecht"), radius_km=10, physical=("lifting",)))
    event = AuditEvent.objects.get(action="search")
    assert event.actor == employer
    assert event.data["query"] == "kok"
    assert event.data["filters"]["place"] == "Utrecht"
    assert event.data["filters"]["radius_km"] == 10
    assert event.data["filters"]["physical"] == ["lifting"]
    assert event.data["result_count"] == 0  # physical_lifting was not answered
    assert event.ip_address is None  # employers are not staff: no IP kept


def test_one_or_two_letters_are_not_a_prefix(employer):
    cook = make_candidate(profile=text("Kok"))
    assert found(employer, text="kok") == {cook.pk}
    assert found(employer, text="ko") == set()
