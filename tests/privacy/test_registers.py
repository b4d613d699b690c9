"""Registers generated from the code (issue 17): the processing register follows the
catalogue and the retention rules; the algorithm-register entry follows each municipality's
matching configuration and holds nobody's data."""

import csv
import io
import json

import pytest
from django.urls import reverse

from hallowerk.roles import Role
from matching.models import FairnessReport, MatchingWeights
from privacy.catalogue import CATALOGUE
from privacy.models import RetentionRule
from privacy.registers.processing import processing_register
from tests.backoffice.conftest import candidate_in, logged_in, staff
from tests.factories import municipality

pytestmark = pytest.mark.django_db
REGISTER = reverse("privacy:processing_register")


def test_every_purpose_and_field_of_the_catalogue_is_in_the_register():
    register = processing_register("nl")
    purposes = {activity.purpose for activity in register.activities}
    assert purposes == {spec.purpose_nl for spec in CATALOGUE}
    fields = {name for activity in register.activities for name in activity.fields}
    assert {spec.label_nl for spec in CATALOGUE} <= fields
    signals = next(a for a in register.activities if "ongewoon veel" in a.purpose)
    assert signals.recipients == ["Beheerder"]
    assert any("Tweestapsverificatie" in measure for measure in register.security)


def test_the_register_follows_the_retention_rules_and_its_version_changes_with_them():
    before = processing_register("nl")
    RetentionRule.objects.filter(kind=RetentionRule.Kind.AUDIT).update(months=36)
    after = processing_register("nl")
    assert after.version != before.version
    retention = " ".join(text for a in after.activities for text in a.retention)
    assert "3 jaar; daarna wordt het automatisch gewist." in retention
    assert processing_register("nl").version == after.version, "stable for the same code"
    assert processing_register("en").activities[0].purpose != after.activities[0].purpose


@pytest.mark.parametrize("role", [Role.COACH, Role.TEAM_LEAD, Role.ACCOUNT_MANAGER])
def test_only_administrators_get_the_processing_register(role):
    client = logged_in(staff(role))
    for url in (REGISTER, reverse("privacy:processing_register_download", args=["csv"])):
        assert client.get(url).status_code == 403


def test_the_register_as_page_csv_and_pdf():
    client = logged_in(staff(Role.ADMINISTRATOR))
    register = processing_register("nl")
    page = client.get(REGISTER).content.decode()
    assert register.version in page and "Verwerkingsverantwoordelijke" in page
    response = client.get(reverse("privacy:processing_register_download", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Doel" and len(rows) >= len(register.activities) + 1
    assert rows[-1] == ["Versie", register.version]
    pdf = client.get(reverse("privacy:processing_register_download", args=["pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_algorithm_entry_is_public_and_follows_the_municipalitys_weights(client):
    MatchingWeights.objects.create(municipality=municipality("utrecht"), travel=7, skills=0)
    candidate_in(first_name="Zeldzaamvoornaam", last_name="Zeldzaamachternaam")
    utrecht = client.get(reverse("privacy:algorithm_register_json", args=["utrecht"]))
    rotterdam = client.get(reverse("privacy:algorithm_register_json", args=["rotterdam"]))
    assert utrecht.status_code == rotterdam.status_code == 200
    ours = {c["key"]: c for c in utrecht.json()["components"]}
    theirs = {c["key"]: c for c in rotterdam.json()["components"]}
    assert (ours["travel"]["weight"], ours["skills"]["weight"]) == (7, 0)
    assert (theirs["travel"]["weight"], theirs["skills"]["weight"]) == (3, 2)
    assert ours["travel"]["hard_requirement"] and not ours["skills"]["hard_requirement"]
    data = utrecht.json()
    assert data["organisation"] == "Utrecht"
    assert {"geslacht", "geboortedatum", "naam", "foto"} <= set(data["never_uses"])
    assert "Alleen advies" in data["human_intervention"]
    assert "Zeldzaam" not in json.dumps(data)
    page = client.get(reverse("privacy:algorithm_register_entry", args=["utrecht"]))
    assert page.status_code == 200 and "Reisafstand en reistijd" in page.content.decode()
    assert client.get(reverse("privacy:algorithm_register_entry", args=["nergens"])) \
        .status_code == 404


def test_the_entry_states_the_latest_fairness_result(client):
    url = reverse("privacy:algorithm_register_json", args=["utrecht"])
    assert client.get(url).json()["fairness_latest"] == {"date": None, "groups": 0,
                                                          "groups_flagged": 0}
    FairnessReport.objects.create(
        municipality=municipality("utrecht"), vacancy_count=10, candidate_count=80,
        data={"breakdowns": {"gender": [{"group": "female", "flag": False},
                                        {"group": "male", "flag": True}],
                             "age_band": [{"group": "27_44", "flag": False}]}})
    latest = client.get(url).json()["fairness_latest"]
    assert latest["groups"] == 3 and latest["groups_flagged"] == 1
    page = client.get(reverse("privacy:algorithm_register_entry", args=["utrecht"]))
    assert "Van 3 groepen vragen er 1 om aandacht." in page.content.decode()


@pytest.fixture
def language_restored():
    """Django's LocaleMiddleware leaves the last request's language active in this thread;
    later tests that build texts outside a request must not inherit English."""
    from django.utils import translation

    with translation.override(translation.get_language()):
        yield


def test_the_oversight_pages_and_registers_in_english(client, language_restored):
    from django.conf import settings

    admin_client = logged_in(staff(Role.ADMINISTRATOR))
    for c in (admin_client, client):
        c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = admin_client.get(reverse("privacy:audit_log")).content.decode()
    assert "Candidate (client number)" in page and "That you look here goes into" in page
    page = admin_client.get(reverse("privacy:access_signals")).content.decode()
    assert "Unusual-access signals" in page and "No signals." in page
    page = admin_client.get(reverse("privacy:oversight_settings")).content.decode()
    assert "Profiles per day by one employer account" in page
    assert "Data subjects" in admin_client.get(REGISTER).content.decode()
    data = client.get(reverse("privacy:algorithm_register_json", args=["utrecht"])).json()
    assert data["language"] == "en" and "Advice only." in data["human_intervention"]
    assert "gender" in data["never_uses"]
