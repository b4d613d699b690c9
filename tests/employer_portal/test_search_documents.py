"""The search documents (issue 11): visibility and filters in the index, kept current by
the services, never a field an employer may not see, and the same set as the rules."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate, Profile, SearchDocument
from candidates.models.querysets import visible_to_some_employer
from candidates.profile_services import profile_update
from candidates.search_documents import (
    AUDIENCE_AND_ORDER_SOURCES,
    TEXT_AND_FILTER_SOURCES,
    search_documents_rebuild_all,
    search_documents_reconcile,
)
from candidates.search_text import profile_search_texts
from candidates.search_tiers import search_tiers_rebalance
from candidates.services import (
    candidate_dossier_end,
    candidate_hide,
    candidate_reactivate,
    candidate_set_inactive,
    candidate_share,
    candidate_unhide,
)
from employers.fulltext import tsquery_source
from employers.models import Employer
from employers.search import SearchCriteria, candidate_search, rules_queryset, search_terms
from employers.search_query import search_ids_all
from hallowerk.models import Municipality, Occupation, Sector
from hallowerk.roles import Role
from privacy.catalogue import EmployerVisibility, field_spec
from privacy.erasure import candidate_entered_data_erase, candidate_leave_request
from tests.factories import UserFactory, municipality

from .conftest import employer_user, make_candidate, place

pytestmark = pytest.mark.django_db


def has_document(candidate) -> bool:
    return SearchDocument.objects.filter(candidate=candidate).exists()


def findable(candidate) -> bool:
    return Candidate.objects.filter(visible_to_some_employer(), pk=candidate.pk).exists()


def tokens(candidate) -> set[str]:
    document = SearchDocument.objects.get(candidate=candidate).document
    return {lexeme.split(":")[0].strip("'") for lexeme in document.split()
            if lexeme.startswith("'@")}


# --- what goes in -------------------------------------------------------------------------

def test_text_and_filters_come_only_from_fields_an_employer_may_see():
    for model, field in TEXT_AND_FILTER_SOURCES:
        assert field_spec(model, field).employer != EmployerVisibility.NEVER, (model, field)
    # The rest only decides who finds the candidate, and in which order.
    for (model, field), reason in AUDIENCE_AND_ORDER_SOURCES.items():
        assert field_spec(model, field) and reason


def test_no_target_group_gender_or_age_reaches_the_document():
    candidate = make_candidate(tg_banenafspraak=True, gender="female",
                               date_of_birth=date(1970, 5, 6), profile={"kind_of_work": "Kok"})
    document = SearchDocument.objects.get(candidate=candidate).document
    for word in ("banenafspraak", "female", "vrouw", "1970", candidate.first_name.lower(),
                 candidate.client_number.lower()):
        assert word not in document, word


# --- kept current by every service that changes who may find someone ---------------------

@pytest.fixture
def staff():
    home = municipality("utrecht")
    return {"coach": UserFactory(role=Role.COACH, municipality=home)}


def test_every_transition_keeps_the_document_equal_to_the_rule(staff):
    coach = staff["coach"]
    candidate = make_candidate(profile={"kind_of_work": "Magazijn"})
    jobseeker = candidate.user
    profile = Profile.objects.get(candidate=candidate)

    def check(expected: bool, step: str):
        candidate.refresh_from_db()
        assert findable(candidate) is expected, step
        assert has_document(candidate) is expected, step

    check(True, "made shared")
    candidate_share(by=jobseeker, candidate=candidate, shared=False)
    check(False, "stops sharing")
    candidate_share(by=jobseeker, candidate=candidate, shared=True, scope="all")
    check(True, "shares with all")
    assert "@all" in tokens(candidate)
    candidate_share(by=jobseeker, candidate=candidate, shared=True, scope="region")
    assert "@all" not in tokens(candidate), "narrowing the scope takes the token away"
    candidate_hide(by=coach, candidate=candidate, reason="Onjuiste gegevens")
    check(False, "hidden by the coach")
    candidate_unhide(by=coach, candidate=candidate)
    check(True, "unhidden")
    candidate_set_inactive(by=coach, candidate=candidate)
    check(False, "set inactive")
    candidate_reactivate(by=coach, candidate=candidate)
    check(True, "reactivated")
    profile_update(by=jobseeker, profile=profile, changes={
        "kind_of_work": "Heftruckchauffeur", "driving_licences": ["C"]})
    document = SearchDocument.objects.get(candidate=candidate).document
    assert "heftruckchauffeur" in document and "magazijn" not in document
    assert "@lc" in tokens(candidate)
    candidate_leave_request(by=jobseeker, candidate=candidate)
    check(False, "asked to leave")


def test_ending_the_dossier_and_erasure_remove_the_document(staff):
    ended = make_candidate()
    candidate_dossier_end(by=staff["coach"], candidate=ended, ended_on=date(2026, 1, 1),
                          reason="ended")
    assert not has_document(ended)
    erased = make_candidate(profile={"kind_of_work": "Kok"})
    candidate_entered_data_erase(by=erased.user, candidate=erased)
    assert not has_document(erased)


@pytest.mark.parametrize("repair", [search_documents_reconcile, search_documents_rebuild_all])
def test_the_nightly_reconcile_and_a_rebuild_repair_drift(repair):
    kept = make_candidate()
    drifted = make_candidate()
    Candidate.objects.filter(pk=drifted.pk).update(shared_with_employers=False)
    missing = make_candidate()
    SearchDocument.objects.filter(candidate=missing).delete()
    repair()
    assert has_document(kept) and has_document(missing) and not has_document(drifted)
    assert search_documents_reconcile() == 0, "nothing left to repair"


def test_the_reconcile_job_is_scheduled_nightly():
    from candidates.schedule import BEAT_SCHEDULE
    from hallowerk.celery import app

    app.loader.import_default_modules()
    assert {entry["task"] for entry in BEAT_SCHEDULE.values()} <= set(app.tasks)
    assert app.conf.beat_schedule.keys() >= BEAT_SCHEDULE.keys()


# --- the same set as the rules --------------------------------------------------------------

@pytest.fixture
def population():
    """Candidates across regions, scopes and every reason to be out of sight."""
    occupation = Occupation.objects.get(isco_code="5120")
    # A neighbour in Utrecht's labour-market region.
    Municipality.objects.get_or_create(slug="nieuwegein", defaults={
        "name": "Nieuwegein", "labour_market_region": "Midden-Utrecht"})
    rows = []
    for slug in ("utrecht", "nieuwegein", "rotterdam", "amsterdam"):
        for scope in ("region", "all"):
            for state in ({}, {"shared": False}, {"is_active": False},
                          {"hidden_by_staff": True, "hidden_reason": "x",
                           "hidden_at": timezone.now()},
                          {"user__is_active": False}):
                for variant in range(2):
                    rows.append(make_candidate(
                        slug=slug, scope=scope, **state,
                        occupations=["5120"] if variant else [],
                        sectors=["horeca"] if variant else ["zorg"],
                        languages=["en"] if variant else [], residence="Utrecht" if variant
                        else "Rotterdam",
                        profile={"kind_of_work": "Kok in een restaurant" if variant
                                 else "Magazijnmedewerker", "driving_licences": ["B"] * variant,
                                 "physical_standing": bool(variant),
                                 "hours_per_week_min": 8 * (variant + 1),
                                 "hours_per_week_max": 20 * (variant + 1)}))
    assert occupation
    return rows


def viewers():
    inactive = employer_user("utrecht")
    Employer.objects.filter(pk=inactive.employer_id).update(is_active=False,
                                                            deactivated_at=timezone.now())
    return [employer_user("utrecht"), employer_user("rotterdam"), employer_user("nieuwegein"),
            inactive, UserFactory(role=Role.COACH, municipality=municipality("utrecht"))]


CRITERIA = [
    {},
    {"occupation": "5120"},
    {"sector": "horeca"},
    {"place": "Utrecht", "radius_km": 10},
    {"driving_licence": "B", "languages": ("en",)},
    {"physical": ("standing",), "hours_per_week": 30},
    {"available_on": date(2030, 1, 1)},
]


def criteria_of(spec: dict, text: str = "") -> SearchCriteria:
    spec = dict(spec)
    if "occupation" in spec:
        spec["occupation"] = Occupation.objects.get(isco_code=spec["occupation"])
    if "sector" in spec:
        spec["sector"] = Sector.objects.get(code=spec["sector"])
    if "place" in spec:
        spec["place"] = place(spec["place"])
    return SearchCriteria(text=text, **spec)


def text_oracle(candidates, text: str) -> set[int]:
    """Which of these candidates' profile texts match the words, computed from the profile
    itself (not from the documents)."""
    query = tsquery_source(search_terms(text))
    found = set()
    with connection.cursor() as cursor:
        for candidate in candidates:
            profile = Profile.objects.get(candidate=candidate)
            cursor.execute("SELECT to_tsvector('dutch', %s) @@ to_tsquery('dutch', %s)",
                           [" ".join(profile_search_texts(profile)), query])
            if cursor.fetchone()[0]:
                found.add(candidate.pk)
    return found


@pytest.fixture(params=[None, (3, 5)], ids=["one band", "bands of 3 and 5"])
def banded(request, population):
    """The population in one recency band, or in three (candidates/search_tiers.py): the
    bands may change how the search reads, never what it finds."""
    if request.param:
        assert search_tiers_rebalance(request.param) > 0
    return population


@pytest.mark.parametrize("spec", CRITERIA)
def test_the_search_finds_exactly_what_the_rules_allow(banded, spec):
    for viewer in viewers():
        criteria = criteria_of(spec)
        expected = set(rules_queryset(viewer=viewer, criteria=criteria)
                       .values_list("pk", flat=True)) if viewer.role == Role.EMPLOYER else set()
        assert set(search_ids_all(viewer=viewer, criteria=criteria)) == expected, (
            viewer.email, spec)
        if not spec and viewer.role == Role.EMPLOYER:
            assert expected == set(Candidate.objects.visible_to(viewer)
                                   .values_list("pk", flat=True))


@pytest.mark.parametrize("text", ["kok", "restaurant", "magazijnm", "kok restaurant"])
def test_words_find_exactly_the_visible_profiles_that_contain_them(banded, text):
    for viewer in viewers()[:3]:
        allowed = list(Candidate.objects.visible_to(viewer))
        expected = text_oracle(allowed, text)
        assert expected, text
        criteria = SearchCriteria(text=text)
        assert set(search_ids_all(viewer=viewer, criteria=criteria)) == expected, text


# --- bounded answers -----------------------------------------------------------------------

def test_beyond_the_cap_the_page_says_more_than_and_ranks_the_most_recent(monkeypatch,
                                                                        employer_client):
    import employers.search
    import employers.search_query

    for n in range(6):
        make_candidate(profile={"kind_of_work": "Kok" if n % 2 else "Kok en kok"})
    monkeypatch.setattr(employers.search_query, "RESULT_CAP", 4)
    monkeypatch.setattr(employers.search, "RESULT_CAP", 4)
    viewer = employer_user()
    result = candidate_search(viewer=viewer, criteria=SearchCriteria(text="kok"))
    assert result.more_than_cap and result.count == 4
    response = employer_client.get(reverse("employers:search"), {"q": "kok"})
    assert "Meer dan 1.000 kandidaten gevonden" in response.content.decode()


def test_any_page_number_is_answered_with_a_page(employer_client):
    make_candidate()
    for page in ("100000000000000000000", "-5", "x", "41"):
        response = employer_client.get(reverse("employers:search"), {"q": "", "page": page})
        assert response.status_code == 200, page
        assert response.context["result"].page.number == 1
