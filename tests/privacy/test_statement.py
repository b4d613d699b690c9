"""The privacy statement is generated from the catalogue and the retention rules."""

import pytest
from django.urls import reverse
from django.utils import translation

from privacy.catalogue import CATALOGUE, PERSONAL_DATA_MODELS
from privacy.models import RetentionRule
from privacy.statement import GROUP_OF, privacy_statement, seen_by_text

pytestmark = pytest.mark.django_db


def test_every_personal_data_model_has_a_place_in_the_statement():
    assert set(PERSONAL_DATA_MODELS) <= set(GROUP_OF)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_catalogue_field_is_in_the_statement(language):
    statement = privacy_statement(language)
    shown = {label for section in statement.sections for row in section.rows
             for label in row.labels}
    assert {spec.label(language) for spec in CATALOGUE} <= shown
    for section in statement.sections:
        for row in section.rows:
            assert row.filled_by and row.seen_by and row.purpose and row.retention, row


def test_the_page_lists_fields_periods_logging_and_rights(client):
    html = client.get(reverse("privacy:statement")).content.decode()
    for text in ("Klantnummer", "Banenafspraak (doelgroepregister)", "Foto", "Bericht",
                 "IP-adres (alleen medewerkers)", "werkmatchers van uw gemeente",
                 "werkgevers zien alleen ja of nee", "10 jaar na het einde",
                 "Het IP-adres van medewerkers van de gemeente",
                 "Autoriteit Persoonsgegevens", "U hoeft deze verklaring niet te accepteren",
                 "Utrecht", "Rotterdam"):
        assert text in html, text


def test_a_changed_period_shows_at_once():
    RetentionRule.objects.filter(kind="messages").update(months=18)
    statement = privacy_statement("nl")
    rows = [row for section in statement.sections if section.key == "conversations"
            for row in section.rows]
    assert any("18 maanden na het laatste bericht" in row.retention for row in rows)


def test_who_sees_what_follows_the_visibility_rules():
    from privacy.catalogue import field_spec

    with translation.override("nl"):
        client_number = seen_by_text(field_spec("candidates.Candidate", "client_number"))
        email = seen_by_text(field_spec("candidates.Candidate", "email"))
        photo = seen_by_text(field_spec("candidates.Profile", "photo"))
    assert "werkgever" not in client_number
    assert "direct benaderbaar" in email
    assert "van andere gemeenten alleen wat werkgevers zien" in photo


def test_the_statement_is_also_in_english(client):
    client.cookies["django_language"] = "en"
    response = client.get(reverse("privacy:statement"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Client number" in html and "Photo" in html
    assert "Privacy statement" in html
    for text in ("What the municipality records about you", "job coaches of your municipality",
                 "10 years after the support ends", "Your rights", "IP address of municipal staff"):
        assert text in html, text
    assert "werkmatchers van uw gemeente" not in html


def test_the_terms_stay_separate_versioned_and_include_the_right_to_be_forgotten(client):
    html = client.get(reverse("privacy:terms")).content.decode()
    assert "Versie 2" in html and "voorlopige tekst" not in html
    assert "recht om vergeten te worden" in html
