"""What the search must never do: reach a candidate outside the rules, select or sort on
who someone is, or fall over on bad input — tested through the page, with crafted URLs."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from employers.forms.search import SearchForm
from employers.models import Employer
from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import UserFactory

from .conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db
SEARCH = reverse("employers:search")


def result_ids(response) -> list[int]:
    return [row.pk for row in response.context["rows"]]


@pytest.fixture
def world():
    """One candidate per reason to be invisible, plus two who are visible (Utrecht viewer)."""
    now = timezone.now()
    return {
        "visible": make_candidate(profile={"kind_of_work": "Kok"}),
        "other_region_all": make_candidate(slug="rotterdam", scope="all",
                                           profile={"kind_of_work": "Kok"}),
        "not_shared": make_candidate(shared=False, profile={"kind_of_work": "Kok"}),
        "hidden": make_candidate(hidden_by_staff=True, hidden_reason="Onjuist", hidden_at=now,
                                 profile={"kind_of_work": "Kok"}),
        "inactive": make_candidate(is_active=False, profile={"kind_of_work": "Kok"}),
        "ended": make_candidate(dossier_ended_on=date(2026, 1, 5), end_reason="ended",
                                is_active=False, profile={"kind_of_work": "Kok"}),
        "other_region": make_candidate(slug="rotterdam", profile={"kind_of_work": "Kok"}),
        "account_closed": make_candidate(user__is_active=False,
                                         profile={"kind_of_work": "Kok"}),
    }


VISIBLE = {"visible", "other_region_all"}


@pytest.mark.parametrize("params", [{}, {"q": "kok"}, {"q": "KOK"}])
def test_search_shows_only_candidates_within_the_rules(employer_client, world, params):
    response = employer_client.get(SEARCH, params)
    assert response.status_code == 200
    assert set(result_ids(response)) == {world[k].pk for k in VISIBLE}
    assert response.context["result"].count == len(VISIBLE)


@pytest.mark.parametrize("name", sorted(set(
    ["not_shared", "hidden", "inactive", "ended", "other_region", "account_closed"])))
def test_invisible_candidates_are_404_on_every_candidate_url(employer_client, world, name):
    pk = world[name].pk
    for url_name, method in [("candidate_profile", "get"), ("candidate_message", "post"),
                             ("candidate_contact_request", "post"),
                             ("shortlist_entry_add", "post")]:
        response = getattr(employer_client, method)(reverse(f"employers:{url_name}",
                                                            args=[pk]), {"body": "Hallo"})
        assert response.status_code == 404, url_name
    response = employer_client.get(reverse("employers:candidate_file", args=[pk, "cv"]))
    assert response.status_code == 404


def test_crafted_ids_that_do_not_exist_are_404(employer_client, world):
    assert employer_client.get(reverse("employers:candidate_profile",
                                       args=[999999])).status_code == 404


def test_a_deactivated_employer_sees_nobody(employer_client, employer, world):
    Employer.objects.filter(pk=employer.employer_id).update(is_active=False,
                                                            deactivated_at=timezone.now())
    response = employer_client.get(SEARCH, {"q": "kok"})
    assert result_ids(response) == []


@pytest.mark.parametrize("role", [Role.JOBSEEKER, Role.COACH, Role.ACCOUNT_MANAGER,
                                  Role.TEAM_LEAD, Role.ADMINISTRATOR])
def test_other_roles_may_not_use_the_employer_portal(verified_client, world, role):
    client = verified_client(UserFactory(role=role))
    for url in [SEARCH, reverse("employers:employer_home"),
                reverse("employers:candidate_profile", args=[world["visible"].pk]),
                reverse("employers:shortlists"), reverse("employers:vacancies"),
                reverse("employers:saved_searches")]:
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(SEARCH)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


# --- no cherry-picking -------------------------------------------------------------------

FORBIDDEN_WORDS = {"tg", "target", "doelgroep", "doelgroepregister", "banenafspraak",
                   "praktijkroute", "bbl", "tozo", "gender", "geslacht", "age", "leeftijd",
                   "birth", "geboortedatum", "photo", "foto", "sort", "order", "sorteren"}


def test_the_form_has_no_field_for_target_group_gender_age_photo_or_sorting():
    form = SearchForm()
    assert set(form.fields) == {"q", "occupation", "sector", "place", "radius",
                                "available_on", "hours", "driving_licence", "languages",
                                "physical"}
    for name, field in form.fields.items():
        choices = [str(label) for _value, label in getattr(field, "choices", [])]
        words = set(re.split(r"[^a-z]+", " ".join([name, str(field.label), *choices]).lower()))
        assert not words & FORBIDDEN_WORDS, (name, words & FORBIDDEN_WORDS)


@pytest.mark.parametrize("crafted", [
    {"tg_banenafspraak": "1"}, {"tg_bbl": "true"}, {"gender": "f"}, {"geslacht": "vrouw"},
    {"sort": "date_of_birth"}, {"order": "-tg_bbl"}, {"ordering": "gender"},
    {"age_max": "30"}, {"leeftijd": "25"}, {"has_photo": "1"}, {"doelgroep": "banenafspraak"},
    {"dateOfBirth__gte": "2000-01-01"},
])
def test_crafted_discriminating_parameters_change_nothing_and_are_named(
        employer_client, crafted):
    banenafspraak = make_candidate(tg_banenafspraak=True, gender="female",
                                   date_of_birth=date(2001, 1, 1),
                                   profile={"kind_of_work": "Kok"})
    other = make_candidate(tg_bbl=True, gender="male", date_of_birth=date(1970, 1, 1),
                           profile={"kind_of_work": "Kok"})
    plain = employer_client.get(SEARCH, {"q": "kok"})
    crafted_response = employer_client.get(SEARCH, {"q": "kok", **crafted})
    assert result_ids(crafted_response) == result_ids(plain)
    assert set(result_ids(plain)) == {banenafspraak.pk, other.pk}
    notices = crafted_response.context["form"].notices
    assert len(notices) == 1 and "doelgroep, geslacht, leeftijd of foto kan niet" in notices[0]
    assert next(iter(crafted)) in notices[0]
    # What the audit log records is only what was actually searched.
    event = AuditEvent.objects.filter(action="search").latest("id")
    assert not set(event.data["filters"]) & set(crafted)


def test_harmless_unknown_parameters_are_ignored_without_a_notice(employer_client, world):
    response = employer_client.get(SEARCH, {"q": "kok", "utm_source": "mail", "language": "x"})
    assert response.context["form"].notices == []
    assert set(result_ids(response)) == {world[k].pk for k in VISIBLE}


# --- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize("params, field, message", [
    ({"radius": "-5", "place": "Utrecht"}, "radius", "Kies een afstand van 1 tot 200 km."),
    ({"radius": "10000", "place": "Utrecht"}, "radius", "Kies een afstand van 1 tot 200 km."),
    ({"radius": "tien"}, "radius", "Vul de afstand in als een getal"),
    ({"occupation": "9999"}, "occupation", "Dit beroep kennen we niet"),
    ({"occupation": "<script>"}, "occupation", "Dit beroep kennen we niet"),
    ({"sector": "wapenhandel"}, "sector", "Deze sector kennen we niet"),
    ({"driving_licence": "Z"}, "driving_licence", "Dit rijbewijs kennen we niet"),
    ({"languages": "klingon"}, "languages", "Deze taal kennen we niet"),
    ({"physical": "not_lifting"}, "physical", "Dit onderdeel kennen we niet"),
    ({"hours": "99"}, "hours", "Kies 1 tot 60 uur per week."),
    ({"available_on": "31-02-2026"}, "available_on", "Vul een datum in"),
    ({"place": "Atlantis"}, "place", "We kennen de plaats 'Atlantis' niet"),
    ({"place": "x" * 500}, "place", "Deze plaatsnaam is te lang"),
])
def test_bad_input_gets_a_clear_message_and_no_search(employer_client, params, field,
                                                      message):
    response = employer_client.get(SEARCH, params)
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors), errors
    assert response.context["result"] is None
    assert message.split("'")[0] in response.content.decode()
    assert not AuditEvent.objects.filter(action="search").exists()


def test_a_misspelt_place_gets_suggestions(employer_client):
    response = employer_client.get(SEARCH, {"place": "Amersfoor"})
    assert "Bedoelt u: Amersfoort" in response.context["form"].errors["place"][0]


def test_place_names_fold_accents_and_aliases(employer_client):
    make_candidate(residence="Den Haag", slug="den-haag", scope="all")
    response = employer_client.get(SEARCH, {"place": "'s-Gravenhage", "radius": "5"})
    assert response.context["result"].count == 1


def test_a_5000_character_query_is_cut_with_a_visible_notice(employer_client, world):
    response = employer_client.get(SEARCH, {"q": "kok " + "x" * 4996})
    assert response.status_code == 200
    notices = response.context["form"].notices
    assert any("te lang (5000 tekens)" in notice for notice in notices)
    assert "te lang (5000 tekens)" in response.content.decode()
    assert len(response.context["result"].criteria.text) <= 200


def test_many_words_are_limited_with_a_notice(employer_client, world):
    response = employer_client.get(SEARCH, {"q": " ".join(["kok"] * 30)})
    assert any("eerste 10 woorden" in n for n in response.context["form"].notices)
    assert set(result_ids(response)) == {world[k].pk for k in VISIBLE}


def test_hostile_text_never_errors(employer_client, world):
    for q in ["'; DROP TABLE candidates_candidate; --", "kok & | ! ( ) :* <->",
              "🙂🙂", "a" * 300, "ÅÄÖ ßœ ıİ", "%", "_"]:
        response = employer_client.get(SEARCH, {"q": q})
        assert response.status_code == 200, q
    # A NUL is refused before any view, with a page that says why (hallowerk/input_guard.py).
    response = employer_client.get(SEARCH, {"q": "\x00kok"})
    assert response.status_code == 400 and "nulteken" in response.content.decode()


def test_paging_links_keep_the_search(employer_client):
    for _ in range(27):
        make_candidate(profile={"kind_of_work": "Schoonmaker"})
    response = employer_client.get(SEARCH, {"q": "schoonmaker", "tg_bbl": "1"})
    html = response.content.decode()
    assert "q=schoonmaker&amp;page=2" in html
    assert "tg_bbl" not in html.split("hw-pagination")[1]
    page_two = employer_client.get(SEARCH, {"q": "schoonmaker", "page": "2"})
    assert len(result_ids(page_two)) == 2


def test_visibility_follows_the_employers_own_region(world):
    """A Rotterdam employer sees Rotterdam's region and those who share with everyone."""
    from employers.search import SearchCriteria, search_queryset

    rotterdam_employer = employer_user("rotterdam")
    ids = set(search_queryset(viewer=rotterdam_employer, criteria=SearchCriteria())
              .values_list("pk", flat=True))
    assert ids == {world["other_region_all"].pk, world["other_region"].pk}
