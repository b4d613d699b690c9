"""The default sharing scope is the own region (SPEC §4: "default 'own region'"), from the
intake through the sharing page: a jobseeker who only switches sharing on is seen by
employers of their own labour-market region and by nobody else (issue 13)."""

import pytest
from django.urls import reverse

from candidates.models import Candidate, SharingScope
from candidates.services import candidate_intake_create
from hallowerk.roles import Role
from tests.factories import EmployerFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db


def employer_invited_by(slug):
    return UserFactory(employer_user=True, employer=EmployerFactory(municipality=municipality(slug)),
                       municipality=municipality(slug))


def test_a_new_dossier_shares_with_the_own_region_only_once_switched_on(client):
    coach = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"))
    candidate, _token = candidate_intake_create(
        by=coach, email="nieuw@example.nl", first_name="Nina", last_name="Nieuw",
        client_number="K-1")
    assert candidate.sharing_scope == SharingScope.REGION == "region"
    assert not candidate.shared_with_employers, "nobody sees anyone before they choose"

    client.force_login(candidate.user)
    page = client.get(reverse("candidates:jobseeker_sharing"))
    assert page.context["form"].initial["scope"] == "region", "the page offers the default"
    client.post(reverse("candidates:jobseeker_sharing"),
                {"shared": "yes", "scope": page.context["form"].initial["scope"]})

    candidate = Candidate.objects.get(pk=candidate.pk)
    assert candidate.shared_with_employers and candidate.sharing_scope == "region"
    assert Candidate.objects.visible_to(employer_invited_by("rotterdam")).filter(
        pk=candidate.pk).exists()
    for elsewhere in ("utrecht", "amsterdam", "den-haag"):
        assert not Candidate.objects.visible_to(employer_invited_by(elsewhere)).filter(
            pk=candidate.pk).exists(), elsewhere


def test_the_database_default_is_the_own_region():
    field = Candidate._meta.get_field("sharing_scope")
    assert field.default == SharingScope.REGION
