"""Staff-executed erasure on the jobseeker's request: the same service as self-service."""

import pytest
from django.urls import reverse

from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import UserFactory, municipality
from tests.privacy.privacyops_data import full_candidate

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach(verified_client):
    user = UserFactory(role=Role.COACH, municipality=municipality(), with_totp_device=True)
    return user, verified_client(user)


def test_the_coach_erases_on_request_after_confirming(coach):
    user, client = coach
    candidate = full_candidate("Zse")
    url = reverse("privacy:candidate_erase", args=[candidate.pk])
    page = client.get(url).content.decode()
    assert "Dit wordt gewist" in page and "Over mij" in page and "Klantnummer" in page
    response = client.post(url, {"requested": "on"})
    assert "Er is nog niets gewist." in response.content.decode()
    candidate.profile.refresh_from_db()
    assert candidate.profile.personal_description == "Zse over mij"

    cv_name = candidate.profile.cv.name
    response = client.post(url, {"requested": "on", "understood": "on"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    candidate.profile.refresh_from_db()
    assert candidate.profile.personal_description == "" and not candidate.profile.cv
    assert candidate.client_number == "Zse-K1", "the municipality's dossier stays"
    event = AuditEvent.objects.get(actor=user, data__operation="entered_data_erased")
    assert "Zse" not in str(event.data), "the act is logged, not the content"
    assert cv_name


def test_a_coach_of_another_municipality_gets_a_404(verified_client):
    candidate = full_candidate("Zsf")
    other = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"),
                        with_totp_device=True)
    client = verified_client(other)
    url = reverse("privacy:candidate_erase", args=[candidate.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"requested": "on", "understood": "on"}).status_code == 404
    candidate.profile.refresh_from_db()
    assert candidate.profile.personal_description == "Zsf over mij"


@pytest.mark.parametrize("role", [Role.ACCOUNT_MANAGER, Role.ADMINISTRATOR, Role.JOBSEEKER])
def test_other_roles_may_not_use_the_staff_erasure(verified_client, role):
    candidate = full_candidate("Zsg")
    client = verified_client(UserFactory(role=role, with_totp_device=role != Role.JOBSEEKER))
    assert client.post(reverse("privacy:candidate_erase", args=[candidate.pk]),
                       {"requested": "on", "understood": "on"}).status_code == 403
