import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from hallowerk.models import User
from hallowerk.roles import Role
from privacy.audit import audit_record
from privacy.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANDINGS = {
    Role.JOBSEEKER: "candidates:jobseeker_home",
    Role.COACH: "candidates:coach_home",
    Role.ACCOUNT_MANAGER: "employers:account_manager_home",
    Role.EMPLOYER: "employers:employer_home",
    Role.TEAM_LEAD: "team_lead_home",
    Role.ADMINISTRATOR: "administrator_home",
}


def make(role):
    return UserFactory(employer_user=True) if role == Role.EMPLOYER else UserFactory(role=role)


@pytest.mark.parametrize("role", list(LANDINGS))
def test_each_role_lands_on_its_own_page_and_no_other(verified_client, role):
    client = verified_client(make(role))
    assert client.get(reverse("start")).url == reverse(LANDINGS[role])
    for other_role, name in LANDINGS.items():
        status = client.get(reverse(name)).status_code
        assert status == (200 if other_role == role else 403), (role, name)


def test_anonymous_is_sent_to_login(client, db):
    for name in LANDINGS.values():
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/account/login/" in response.url


def test_employer_role_requires_an_employer(db):
    with pytest.raises(IntegrityError):
        UserFactory(role=Role.EMPLOYER, employer=None)


def test_only_administrator_may_lack_a_municipality(db):
    User.objects.create_user("platform@example.nl", None, role=Role.ADMINISTRATOR)
    with pytest.raises(IntegrityError):
        User.objects.create_user("coach@example.nl", None, role=Role.COACH)


def test_audit_log_refuses_update_and_delete_in_the_database(db):
    event = audit_record(action="login")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="logout")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL hallowerk.audit_purge = 'on'")
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert not AuditEvent.objects.filter(pk=event.pk).exists()


def test_pages_carry_a_strict_csp_header(client, db):
    # django-csp adds the nonce to the header only on pages that use it.
    policy = client.get(reverse("account_login"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    admin_policy = client.get("/django-admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in admin_policy


def test_language_switch_to_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("account_login"))
    assert '<html lang="en"' in response.content.decode()
