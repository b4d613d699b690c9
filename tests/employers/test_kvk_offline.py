"""The KvK adapter with the offline register: number rules, lookups, the shared mapping."""

import json
from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from employers.kvk import (
    CompanyData,
    KvkInvalidNumber,
    KvkLookupError,
    KvkNotFound,
    KvkUnavailable,
    kvk_lookup,
    kvk_number_validate,
)
from employers.kvk.company import company_from_basisprofiel
from employers.kvk.offline import REGISTER_PATH, OfflineRegister


@pytest.fixture(autouse=True)
def _offline(settings):
    settings.KVK_BACKEND = "offline"


@pytest.mark.parametrize("typed", ["90000001", " 9000 0001 ", "90.00.00.01", "9000\t0001"])
def test_number_accepts_spaces_and_dots(typed):
    assert kvk_number_validate(typed) == "90000001"


@pytest.mark.parametrize("typed", ["", "1234567", "123456789", "9000000A", "9000-0001",
                                   "١٢٣٤٥٦٧٨", None, 90000001])
def test_number_refuses_anything_but_eight_digits(typed):
    with pytest.raises(KvkInvalidNumber) as caught:
        kvk_number_validate(typed)
    assert caught.value.user_message == "Een KvK-nummer heeft 8 cijfers."


def test_lookup_fills_in_the_demo_bakery():
    assert kvk_lookup("9000 0001") == CompanyData(
        kvk_number="90000001",
        name="Bakkerij De Korenschoof",
        street_address="Twijnstraat 41",
        postcode="3511 ZH",
        city="Utrecht",
        sbi_activity="Vervaardiging van brood en vers banketbakkerswerk",
        is_active=True,
    )


def test_lookup_of_unknown_number_is_not_found_in_dutch():
    with pytest.raises(KvkNotFound) as caught:
        kvk_lookup("12345678")
    assert isinstance(caught.value, KvkLookupError)
    assert caught.value.user_message == (
        "Dit KvK-nummer staat niet in het KvK-register. Controleer het nummer.")


def test_lookup_of_invalid_number_never_reaches_the_register():
    with pytest.raises(KvkInvalidNumber):
        kvk_lookup("1234")


def test_ended_company_is_found_but_inactive():
    company = kvk_lookup("90000029")
    assert company.name == "Garage De Nieuwe Meer"
    assert company.is_active is False


def test_register_is_varied_and_every_entry_maps():
    register = OfflineRegister()
    numbers = register.kvk_numbers()
    assert len(numbers) >= 30
    companies = [register.lookup(number) for number in numbers]
    assert {c.city for c in companies} >= {
        "Utrecht", "Rotterdam", "'s-Gravenhage", "Amsterdam", "Schiedam"}
    for company in companies:
        assert len(company.kvk_number) == 8 and company.kvk_number.isdigit()
        assert company.name and company.street_address and company.city
        assert len(company.postcode) == 7 and company.sbi_activity


def test_register_reports_main_activity_even_when_listed_second():
    raw = json.loads(REGISTER_PATH.read_text(encoding="utf-8"))["basisprofielen"]
    reversed_ones = [p for p in raw if p["sbiActiviteiten"][0]["indHoofdactiviteit"] == "Nee"]
    assert reversed_ones, "the register should exercise a main activity listed second"
    profile = reversed_ones[0]
    main = next(a for a in profile["sbiActiviteiten"] if a["indHoofdactiviteit"] == "Ja")
    assert company_from_basisprofiel(profile).sbi_activity == main["sbiOmschrijving"]


def test_mapping_prefers_visiting_address_and_formats_additions():
    profile = {
        "kvkNummer": "90009999", "naam": "Proef B.V.",
        "materieleRegistratie": {"datumAanvang": "20000101", "datumEinde": "20990101"},
        "_embedded": {"hoofdvestiging": {"adressen": [
            {"type": "correspondentieadres", "postbusnummer": 12, "postcode": "3500AA",
             "plaats": "Utrecht"},
            {"type": "bezoekadres", "straatnaam": "Oudegracht", "huisnummer": 112,
             "huisletter": "a", "huisnummerToevoeging": "bis", "postcode": "3511aw",
             "plaats": "Utrecht"},
        ]}},
    }
    company = company_from_basisprofiel(profile, today=date(2025, 1, 1))
    assert company.street_address == "Oudegracht 112a bis"
    assert company.postcode == "3511 AW"
    assert company.sbi_activity is None
    assert company.is_active is True  # the end date lies in the future


def test_mapping_falls_back_to_owner_addresses_and_hides_shielded_ones():
    profile = {"kvkNummer": "90009998", "naam": "Zzp Zonder Vestiging",
               "_embedded": {"eigenaar": {"adressen": [
                   {"type": "bezoekadres", "indAfgeschermd": "Ja", "straatnaam": "Geheim",
                    "huisnummer": 1, "postcode": "1011AA", "plaats": "Amsterdam"}]}}}
    company = company_from_basisprofiel(profile)
    assert company.street_address == ""
    assert company.city == "Amsterdam"


def test_mapping_refuses_a_profile_without_name():
    with pytest.raises(KvkUnavailable):
        company_from_basisprofiel({"kvkNummer": "90000001"})


def test_unknown_backend_is_a_configuration_error(settings):
    settings.KVK_BACKEND = "sftp"
    with pytest.raises(ImproperlyConfigured):
        kvk_lookup("90000001")


def test_messages_are_dutch_msgids_that_translate_when_read():
    error = KvkUnavailable("technical reason")
    with translation.override("nl"):
        assert error.user_message.startswith("Het KvK-register is nu niet bereikbaar")
    assert "technical reason" == str(error)
