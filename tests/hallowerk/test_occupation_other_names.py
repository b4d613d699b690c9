"""Occupations' other names (issue 18): the authored column of occupations.csv, how the
migrations load it, and the occupation picker finding an occupation by them."""

import csv
from importlib import import_module

import pytest
from django import forms
from django.apps import apps

from employers.fulltext import search_terms
from hallowerk.forms.occupations import OccupationField, occupation_resolve
from hallowerk.models import Occupation
from hallowerk.reference import occupation_search
from hallowerk.reference.occupations import occupations_named

pytestmark = pytest.mark.django_db

reference_lists = import_module("hallowerk.migrations.0004_load_reference_lists")
CSV = reference_lists.DATA / "occupations.csv"


def csv_rows() -> list[dict]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def codes(occupations) -> list[str]:
    return [occupation.isco_code for occupation in occupations]


# --- the authored list ----------------------------------------------------------------------


def test_every_other_name_is_written_as_the_search_folds_words():
    for row in csv_rows():
        names = [name.strip() for name in row["other_names"].split(";")]
        if names == [""]:
            continue  # a group left empty rather than guessed
        assert all(name == " ".join(search_terms(name)) for name in names), row["isco_code"]
        assert len(names) == len(set(names)), row["isco_code"]
        assert "; ".join(names) == row["other_names"], row["isco_code"]


def test_most_groups_have_other_names_and_generic_words_belong_to_none():
    rows = csv_rows()
    named = [row for row in rows if row["other_names"]]
    assert len(named) >= 0.9 * len(rows)
    every_name = {name for row in named for name in row["other_names"].split("; ")}
    assert not every_name & {"medewerker", "chauffeur", "monteur", "operator", "manager"}


# --- loading --------------------------------------------------------------------------------
# 0004 runs on a fresh database before 0008 adds the field, so it skips the column: every
# test run, which migrates the test database from empty, goes through that path.


def test_the_migrations_load_the_other_names():
    warehouse = Occupation.objects.get(isco_code="9333")
    assert {"orderpicker", "orderverzamelaar", "laad en losmedewerker"} <= set(
        warehouse.other_names_list)
    # A related job is not another name: forklift drivers are their own group.
    assert "heftruckchauffeur" not in warehouse.other_names_list
    assert "heftruckchauffeur" in Occupation.objects.get(isco_code="8344").other_names_list
    assert Occupation.objects.get(isco_code="4229").other_names_list == []


def test_reloading_restores_edited_other_names():
    Occupation.objects.filter(isco_code="5120").update(other_names="")
    reference_lists.load(apps, schema_editor=None)
    assert "kok" in Occupation.objects.get(isco_code="5120").other_names_list


# --- the picker -----------------------------------------------------------------------------


def test_occupation_search_finds_an_occupation_by_its_other_names():
    assert codes(occupation_search("orderverzamelaar")) == ["9333"]
    assert codes(occupation_search("Heftruckchauffeur"))[0] == "8344"
    # A label start still comes first; an exact other name before one that only contains it.
    assert codes(occupation_search("kok"))[:2] == ["5120", "3434"]


def test_occupations_named_is_exact_and_accent_insensitive():
    assert codes(occupations_named("Orderverzamelaar")) == ["9333"]
    assert codes(occupations_named("Laad- en losmedewerker")) == ["9333"]
    assert codes(occupations_named("caissière")) == ["5230"]
    assert occupations_named("orderverz") == []
    assert sorted(codes(occupations_named("verpleegkundige"))) == ["2221", "3221"]


def test_the_picker_accepts_an_other_name():
    field = OccupationField()
    assert field.clean("orderverzamelaar").isco_code == "9333"
    assert field.clean("Heftruckchauffeur").isco_code == "8344"
    assert occupation_resolve("magazijnknecht").isco_code == "9333"


def test_an_other_name_of_two_occupations_asks_which_one():
    with pytest.raises(forms.ValidationError) as error:
        OccupationField().clean("verpleegkundige")
    message = error.value.messages[0]
    assert "Bedoelt u:" in message
    assert "Verpleegkundigen (hbo)" in message and "Verpleegkundigen (mbo)" in message
