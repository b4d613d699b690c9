"""The Django admin is the operator's tool, not a page of the platform (issue 15): no role
reaches it or is led to it, the demo administrator included; platform administrators work
in /beheer/, where every change goes through a service that audits it."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from hallowerk.demo.accounts import DEMO_ACCOUNTS
from hallowerk.models import User
from hallowerk.navigation import NAVIGATION
from hallowerk.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_no_navigation_item_leads_to_the_django_admin():
    for items in NAVIGATION.values():
        assert all(not reverse(name).startswith("/django-admin/") for name, _label in items)


def test_the_demo_administrator_does_not_get_into_the_django_admin(verified_client):
    call_command("demo_data", "--candidates", "0", stdout=io.StringIO())
    email = next(address for role, address, *_rest in DEMO_ACCOUNTS
                 if role == Role.ADMINISTRATOR)
    admin = User.objects.get(email=email)
    assert not admin.is_staff
    response = verified_client(admin).get("/django-admin/")
    assert response.status_code == 302 and "/django-admin/login/" in response.url
    # The platform's own administration is theirs.
    assert verified_client(admin).get(reverse("administrator_home")).status_code == 200


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.COACH, Role.TEAM_LEAD])
def test_staff_roles_without_the_operator_flag_are_kept_out(role, verified_client):
    client = verified_client(UserFactory(role=role))
    response = client.get("/django-admin/matching/matchingweights/")
    assert response.status_code == 302 and "/django-admin/login/" in response.url
