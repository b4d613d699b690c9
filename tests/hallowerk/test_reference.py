"""Reference lists: loaded by migration 0004, and the lookups other apps build on."""

import pytest

from hallowerk.models import Occupation, Place, Sector
from hallowerk.reference import (
    distance_km,
    fold,
    haversine_km,
    isco_closeness,
    occupation_search,
    place_resolve,
    place_search,
)
from hallowerk.reference.folding import Folded

pytestmark = pytest.mark.django_db


# --- loaded lists ---------------------------------------------------------------------------


def test_migration_loads_the_three_lists():
    assert Occupation.objects.count() >= 120
    assert Sector.objects.count() >= 15
    assert Place.objects.count() > 1000


def test_occupations_cover_every_isco_major_group_with_unit_group_codes():
    codes = list(Occupation.objects.values_list("isco_code", flat=True))
    assert all(len(code) == 4 and code.isdigit() for code in codes)
    assert {code[0] for code in codes} == set("0123456789")
    assert Occupation.objects.get(isco_code="9112").label_en == (
        "Cleaners and helpers in offices, hotels and other establishments"
    )
    assert Occupation.objects.get(isco_code="5120").label_nl == "Koks"
    # The emphasis is on the groups most people re-entering work go to.
    entry_level = sum(code[0] in "45789" for code in codes)
    assert entry_level >= len(codes) * 2 / 3


def test_places_include_the_big_cities_with_dutch_names_and_provinces():
    names = set(Place.objects.values_list("name", flat=True))
    assert {"Utrecht", "Rotterdam", "Schiedam", "Den Haag", "'s-Hertogenbosch"} <= names
    assert "The Hague" not in names
    assert Place.objects.get(name="Den Haag").province == "Zuid-Holland"
    assert not Place.objects.filter(population__lt=500).exists()
    assert not Place.objects.filter(province="").exists()


# --- folding --------------------------------------------------------------------------------


def test_fold_ignores_case_accents_hyphens_and_apostrophes():
    assert fold("  Sint   Odiliënberg ") == "sint odilienberg"
    assert fold("'s-Hertogenbosch") == "s hertogenbosch"
    assert fold("WÂLTERSWÂLD") == "walterswald"
    assert fold("Hei- en Boeicop") == "hei en boeicop"
    assert fold("") == ""


def test_database_folding_equals_python_folding_for_every_place():
    stored = Place.objects.annotate(folded=Folded("name")).values_list("name", "folded")
    mismatches = [(name, folded) for name, folded in stored if fold(name) != folded]
    assert mismatches == []


# --- places ---------------------------------------------------------------------------------


def test_place_search_is_a_case_and_accent_insensitive_prefix_match():
    assert place_search("rotter")[0].name == "Rotterdam"
    assert place_search("ROTTERDAM")[0].name == "Rotterdam"
    assert "Sint Odiliënberg" in [p.name for p in place_search("sint odilien")]
    assert "Wâlterswâld" in [p.name for p in place_search("walters")]
    # Prefix, not substring.
    assert "Rotterdam" not in [p.name for p in place_search("terdam", limit=50)]


def test_place_search_puts_an_exact_match_first_then_the_most_populous():
    results = place_search("utrecht")
    assert results[0].name == "Utrecht"
    starting_with_a = place_search("a", limit=3)
    populations = [p.population for p in starting_with_a]
    assert populations == sorted(populations, reverse=True)
    assert starting_with_a[0].name == "Amsterdam"


def test_place_search_respects_the_limit_and_ignores_blank_or_odd_input():
    assert len(place_search("b", limit=5)) == 5
    assert place_search("") == []
    assert place_search("   ") == []
    assert place_search("%") == []
    assert place_search("_") == []


def test_place_search_finds_places_by_their_common_alias():
    assert [p.name for p in place_search("den bo")] == ["'s-Hertogenbosch"]
    assert "Den Haag" in [p.name for p in place_search("'s-Graven")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Den Haag", "Den Haag"),
        ("den haag", "Den Haag"),
        ("'s-Gravenhage", "Den Haag"),
        ("s gravenhage", "Den Haag"),
        ("The Hague", "Den Haag"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
        ("sint odilienberg", "Sint Odiliënberg"),
        (" Schiedam ", "Schiedam"),
    ],
)
def test_place_resolve_matches_exact_names_and_aliases(typed, expected):
    assert place_resolve(typed).name == expected


def test_place_resolve_picks_the_most_populous_of_namesakes():
    namesakes = Place.objects.filter(name="Hengelo").order_by("-population")
    assert namesakes.count() > 1
    assert place_resolve("hengelo") == namesakes.first()


def test_place_resolve_returns_none_for_unknown_or_partial_names():
    assert place_resolve("Rotter") is None
    assert place_resolve("Atlantis") is None
    assert place_resolve("") is None


# --- distance -------------------------------------------------------------------------------


def test_distance_between_utrecht_and_rotterdam_is_about_50_km():
    utrecht, rotterdam = place_resolve("Utrecht"), place_resolve("Rotterdam")
    assert distance_km(utrecht, rotterdam) == pytest.approx(50, abs=10)
    assert distance_km(rotterdam, utrecht) == pytest.approx(distance_km(utrecht, rotterdam))
    assert distance_km(utrecht, utrecht) == 0


def test_haversine_on_known_coordinates():
    # Amsterdam Centraal to Groningen station: about 146 km as the crow flies.
    assert haversine_km(52.3791, 4.9003, 53.2106, 6.5644) == pytest.approx(146, abs=3)
    # A quarter of the earth's circumference along the equator.
    assert haversine_km(0, 0, 0, 90) == pytest.approx(10007.5, abs=1)


# --- occupations ----------------------------------------------------------------------------


def test_occupation_search_matches_dutch_and_english_labels_and_codes():
    assert "9112" in [o.isco_code for o in occupation_search("schoonmaker")]
    assert "9112" in [o.isco_code for o in occupation_search("Cleaners")]
    assert occupation_search("9333")[0].isco_code == "9333"
    assert {o.isco_code for o in occupation_search("93")} >= {"9313", "9321", "9333", "9334"}
    assert all(o.isco_code.startswith("93") for o in occupation_search("93"))


def test_occupation_search_is_accent_insensitive_and_needs_every_word():
    assert "3251" in [o.isco_code for o in occupation_search("mondhygienisten")]
    assert "4227" in [o.isco_code for o in occupation_search("ENQUETEURS")]
    results = occupation_search("schoonmaak leidinggevende")
    assert [o.isco_code for o in results] == ["5151"]


def test_occupation_search_ranks_label_starts_first_and_limits():
    results = occupation_search("koks")
    assert results[0].isco_code == "5120"
    assert len(occupation_search("e", limit=7)) == 7
    assert occupation_search("  ") == []
    assert occupation_search("%") == []


@pytest.mark.parametrize(
    ("code_a", "code_b", "closeness"),
    [
        ("9112", "9112", 4),
        ("9112", "9111", 3),
        ("9112", "9122", 2),
        ("9112", "9333", 1),
        ("9112", "5120", 0),
        ("0110", "0210", 1),
    ],
)
def test_isco_closeness_grades_by_shared_hierarchy_levels(code_a, code_b, closeness):
    assert isco_closeness(code_a, code_b) == closeness
    assert isco_closeness(code_b, code_a) == closeness


@pytest.mark.parametrize("bad", ["911", "91120", "91a2", ""])
def test_isco_closeness_rejects_codes_that_are_not_unit_groups(bad):
    with pytest.raises(ValueError, match="ISCO-08"):
        isco_closeness(bad, "9112")


def test_every_loaded_occupation_code_works_with_closeness():
    codes = Occupation.objects.values_list("isco_code", flat=True)
    assert all(isco_closeness(code, code) == 4 for code in codes)


def test_loading_migration_is_idempotent_and_reversible():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("hallowerk.migrations.0004_load_reference_lists")
    counts = [Occupation.objects.count(), Sector.objects.count(), Place.objects.count()]
    Occupation.objects.filter(isco_code="5120").update(label_nl="Gewijzigd")

    migration.load(apps, schema_editor=None)
    assert [Occupation.objects.count(), Sector.objects.count(), Place.objects.count()] == counts
    assert Occupation.objects.get(isco_code="5120").label_nl == "Koks"

    migration.unload(apps, schema_editor=None)
    assert not (Occupation.objects.exists() or Sector.objects.exists() or Place.objects.exists())
