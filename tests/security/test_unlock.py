"""An administrator lifts a colleague's lock-out (audited); nobody else can."""

import pytest
from django.test import Client
from django.urls import reverse

from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.backoffice.conftest import logged_in, staff
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def lock(user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("account_login"), {"login": user.email, "password": "wrong"})


def log_in(user):
    return Client().post(reverse("account_login"), {"login": user.email,
                                                    "password": TEST_PASSWORD})


def unlock_url(person):
    return reverse("administrator_user_action", args=[person.pk, "unlock"])


@pytest.fixture
def admin(db):
    return staff(Role.ADMINISTRATOR)


@pytest.fixture
def colleague(db):
    return staff(Role.COACH, with_totp_device=True)


def test_an_administrator_lifts_the_lock_and_it_is_audited(admin, colleague, settings):
    lock(colleague, settings)
    assert log_in(colleague).status_code == 429
    admin_client = logged_in(admin)
    page = admin_client.get(reverse("administrator_user", args=[colleague.pk])).content.decode()
    assert "Tijdelijk geblokkeerd" in page and unlock_url(colleague) in page
    assert admin_client.get(unlock_url(colleague)).status_code == 200  # asks first
    assert log_in(colleague).status_code == 429
    response = admin_client.post(unlock_url(colleague), follow=True)
    assert "De blokkering is opgeheven" in response.content.decode()
    assert log_in(colleague).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED, data__event="lockout_lifted")
    assert event.actor == admin and event.target_id == str(colleague.pk)
    assert event.data["was_locked"] is True
    page = admin_client.get(reverse("administrator_user", args=[colleague.pk])).content.decode()
    assert "Niet geblokkeerd" in page and unlock_url(colleague) not in page


def test_after_an_unlock_a_new_lock_mails_the_owner_again(admin, colleague, settings):
    from django.core import mail

    lock(colleague, settings)
    logged_in(admin).post(unlock_url(colleague))
    lock(colleague, settings)
    assert [m.to for m in mail.outbox] == [[colleague.email], [colleague.email]]


@pytest.mark.parametrize("who", ["coach", "team_lead", "other_municipality"])
def test_nobody_else_lifts_a_lock(colleague, settings, who):
    lock(colleague, settings)
    if who == "other_municipality":
        actor = staff(Role.ADMINISTRATOR, "rotterdam")
    else:
        actor = staff(Role(who))
    response = logged_in(actor).post(unlock_url(colleague))
    assert response.status_code in (302, 403, 404)
    assert log_in(colleague).status_code == 429
    assert not AuditEvent.objects.filter(data__event="lockout_lifted").exists()


def test_an_administrator_manages_staff_not_jobseekers(admin, settings):
    jobseeker = staff(Role.JOBSEEKER)
    lock(jobseeker, settings)
    assert logged_in(admin).post(unlock_url(jobseeker)).status_code == 404
    assert log_in(jobseeker).status_code == 429


def test_the_unlock_reads_in_english_when_chosen(admin, colleague, settings):
    lock(colleague, settings)
    client = logged_in(admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("administrator_user", args=[colleague.pk])).content.decode()
    assert "Temporarily locked after too many attempts" in page and "Lift the lock" in page
    response = client.post(unlock_url(colleague), follow=True)
    assert "The lock has been lifted" in response.content.decode()
