"""The weighting: visible and changeable by the administrator, every change recorded."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from matching.models import MatchingWeights, WeightsChange
from matching.scoring import Weights
from matching.selectors import weights_for
from matching.services import weights_update
from privacy.models import AuditAction, AuditEvent
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db

NEW = {"occupation": 6, "skills": 3, "sector": 0, "availability": 2, "travel": 4,
       "driving_licence": 1, "languages": 1, "physical": 1}


def test_defaults_until_someone_changes_them():
    assert weights_for(municipality("utrecht")) == Weights.defaults()


def test_municipal_weights_win_over_the_platforms():
    platform_admin = UserFactory(role="administrator", municipality=None)
    weights_update(by=platform_admin, values={**NEW, "travel": 9})
    assert weights_for(municipality("utrecht"))["travel"] == 9
    admin = UserFactory(role="administrator", municipality=municipality("utrecht"))
    weights_update(by=admin, values=NEW)
    assert weights_for(municipality("utrecht")) == Weights(NEW)
    assert weights_for(municipality("rotterdam"))["travel"] == 9


def test_a_change_is_recorded_with_before_and_after():
    admin = UserFactory(role="administrator", municipality=municipality("utrecht"))
    row = weights_update(by=admin, values=NEW)
    change = WeightsChange.objects.get()
    assert change.weights == row and change.changed_by == admin
    assert change.before == Weights.defaults().values and change.after == NEW
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED,
                                   target_type="matching.matchingweights")
    assert event.data["fields"] == ["occupation", "sector", "skills", "travel"]
    assert event.data["after"] == NEW
    weights_update(by=admin, values=NEW)  # no change, no new record
    assert WeightsChange.objects.count() == 1


@pytest.mark.parametrize("values", [
    {**NEW, "occupation": 0}, {**NEW, "travel": 11}, {**NEW, "skills": -1},
    {**NEW, "sector": "3"}, {key: value for key, value in NEW.items() if key != "languages"}])
def test_invalid_weights_are_refused(values):
    admin = UserFactory(role="administrator", municipality=municipality("utrecht"))
    with pytest.raises(ValidationError):
        weights_update(by=admin, values=values)
    assert not MatchingWeights.objects.exists()


@pytest.mark.parametrize("role", ["team_lead", "coach", "account_manager"])
def test_only_administrators_change_weights(role):
    with pytest.raises(PermissionDenied):
        weights_update(by=UserFactory(role=role), values=NEW)


def test_weights_page(verified_client):
    admin = UserFactory(role="administrator", municipality=municipality("utrecht"))
    client = verified_client(admin)
    page = client.get(reverse("matching:weights"))
    assert page.status_code == 200 and "Nu geldt de standaardweging" in page.content.decode()
    bad = client.post(reverse("matching:weights"), {**NEW, "occupation": 0})
    assert bad.status_code == 400
    assert "Het getal mag niet kleiner zijn dan 1." in bad.content.decode()
    assert not MatchingWeights.objects.exists()
    response = client.post(reverse("matching:weights"), NEW)
    assert response.status_code == 302
    html = client.get(reverse("matching:weights")).content.decode()
    assert "Reisafstand en reistijd: 3 → 4" in html
