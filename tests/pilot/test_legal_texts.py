"""Real, versioned terms of use in Dutch and English, and an accessibility statement in the
government's model."""

import pytest
from django.conf import settings
from django.urls import reverse

from privacy.models import LegalText

pytestmark = pytest.mark.django_db


def test_terms_version_2_is_real_text_in_both_languages(client):
    latest = LegalText.objects.filter(kind="terms").order_by("-version").first()
    assert latest.version == 2
    assert "voorlopig" not in latest.body_nl.lower() and "provisional" not in latest.body_en
    assert "vrijwillig" in latest.body_nl and "voluntary" in latest.body_en
    assert LegalText.objects.filter(kind="terms", version=1).exists(), "old versions stay"
    page = client.get(reverse("privacy:terms")).content.decode()
    assert "Versie 2" in page and "Wat werkgevers mogen" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("privacy:terms")).content.decode()
    assert "What employers may do" in page


@pytest.mark.parametrize("language, expected", [
    ("nl", ["Toegankelijkheidsverklaring", "eerste maatregelen genomen", "WCAG 2.1",
            "Nationale ombudsman", "Opgesteld op"]),
    ("en", ["Accessibility statement", "first measures taken", "National Ombudsman"]),
])
def test_accessibility_statement_follows_the_model(client, language, expected):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("accessibility")).content.decode()
    for text in expected:
        assert text in page
