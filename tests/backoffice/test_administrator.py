"""The administrator: staff accounts of their own municipality, its settings, legal texts."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp import user_has_device

from hallowerk.models import Municipality, User
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent, LegalText
from tests.factories import UserFactory, municipality

from .conftest import logged_in, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return staff(Role.ADMINISTRATOR)


@pytest.fixture
def admin_client(admin, verified_client):
    return verified_client(admin)


def action(person, name):
    return reverse("administrator_user_action", args=[person.pk, name])


def test_user_list_has_own_municipalitys_staff_only(admin_client):
    staff(Role.COACH, last_name="Collega")
    staff(Role.COACH, "rotterdam", last_name="Elders")
    staff(Role.JOBSEEKER, last_name="Werkzoekende")
    names = {u.last_name for u in admin_client.get(reverse("administrator_users")
                                                   ).context["page"].object_list}
    assert "Collega" in names and "Elders" not in names and "Werkzoekende" not in names
    names = {u.last_name for u in admin_client.get(reverse("administrator_users"), {
        "role": "team_lead"}).context["page"].object_list}
    assert names == set()


def test_invite_a_colleague(admin, admin_client, django_capture_on_commit_callbacks):
    data = {"first_name": "Tara", "last_name": "Teamleider", "email": "tara@utrecht.nl",
            "role": "team_lead", "municipality": admin.municipality_id}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("administrator_user_invite"), data)
    user = User.objects.get(email="tara@utrecht.nl")
    assert response.status_code == 302 and user.role == Role.TEAM_LEAD
    assert user.municipality == admin.municipality and mail.outbox[0].to == ["tara@utrecht.nl"]


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"email": "tara@"}, "email", "geldig e-mailadres"),
    ({"role": "jobseeker"}, "role", "Kies een rol uit de lijst"),
    ({"role": "employer"}, "role", "Kies een rol uit de lijst"),
    ({"first_name": ""}, "first_name", "Vul de voornaam in"),
    ({"municipality": "rotterdam"}, "municipality", "Kies een gemeente uit de lijst"),
])
def test_invite_with_bad_input(admin, admin_client, change, field, text):
    data = {"first_name": "Tara", "last_name": "T", "email": "tara@utrecht.nl",
            "role": "coach", "municipality": admin.municipality_id}
    if change.get("municipality") == "rotterdam":
        change = {"municipality": municipality("rotterdam").pk}
    response = admin_client.post(reverse("administrator_user_invite"), {**data, **change})
    assert text in " ".join(response.context["form"].errors[field])
    assert not User.objects.filter(email="tara@utrecht.nl").exists()


def test_invite_an_existing_address(admin, admin_client):
    staff(Role.COACH, email="bezet@utrecht.nl")
    response = admin_client.post(reverse("administrator_user_invite"), {
        "first_name": "A", "last_name": "B", "email": "bezet@utrecht.nl", "role": "coach",
        "municipality": admin.municipality_id})
    assert "al een account" in " ".join(response.context["form"].errors["email"])


def test_deactivate_reactivate_and_reset_two_factor(admin, admin_client):
    colleague = UserFactory(role=Role.COACH, municipality=admin.municipality,
                            with_totp_device=True)
    colleague_client = logged_in(colleague)
    assert colleague_client.get(reverse("candidates:coach_home")).status_code == 200
    # A GET only asks for confirmation.
    assert admin_client.get(action(colleague, "deactivate")).status_code == 200
    colleague.refresh_from_db()
    assert colleague.is_active
    admin_client.post(action(colleague, "deactivate"))
    colleague.refresh_from_db()
    assert not colleague.is_active
    assert colleague_client.get(reverse("candidates:coach_home")).status_code == 302
    admin_client.post(action(colleague, "reactivate"))
    colleague.refresh_from_db()
    assert colleague.is_active
    admin_client.post(action(colleague, "reset-2fa"))
    assert not user_has_device(colleague, confirmed=None)
    event = AuditEvent.objects.get(action=AuditAction.TWO_FACTOR_RESET)
    assert event.actor == admin and event.target_id == str(colleague.pk)
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED,
                                     target_id=str(colleague.pk)).count() == 2
    assert admin_client.get(action(colleague, "explode")).status_code == 404


def test_no_actions_on_oneself_or_on_other_municipalities(admin, admin_client):
    response = admin_client.post(action(admin, "deactivate"), follow=True)
    assert "eigen account" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active
    foreign = staff(Role.COACH, "rotterdam")
    jobseeker = staff(Role.JOBSEEKER)
    for person in (foreign, jobseeker):
        assert admin_client.get(reverse("administrator_user", args=[person.pk])
                                ).status_code == 404
        assert admin_client.post(action(person, "deactivate")).status_code == 404
        person.refresh_from_db()
        assert person.is_active


def test_municipality_settings(admin, admin_client):
    url = reverse("administrator_municipality")
    data = {"name": "Utrecht", "wsp_contact_name": "WSP Utrecht",
            "wsp_contact_email": "wsp@utrecht.nl", "wsp_contact_phone": "030 2860000",
            "theme": "utrecht"}
    assert admin_client.post(url, data).status_code == 302
    utrecht = Municipality.objects.get(slug="utrecht")
    assert utrecht.wsp_contact_email == "wsp@utrecht.nl" and utrecht.theme == "utrecht"
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED)
    assert "wsp_contact_email" in event.data["fields"]
    for change, field in [({"theme": "paars"}, "theme"), ({"name": "Rotterdam"}, "name"),
                          ({"wsp_contact_email": "wsp@"}, "wsp_contact_email"),
                          ({"name": ""}, "name")]:
        response = admin_client.post(url, {**data, **change})
        assert response.status_code == 200 and field in response.context["form"].errors
    rotterdam = municipality("rotterdam")
    assert admin_client.get(reverse("administrator_municipality_edit", args=[rotterdam.pk])
                            ).status_code == 404


def test_platform_administrator_sees_every_municipality(verified_client):
    platform = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    client = verified_client(platform)
    response = client.get(reverse("administrator_municipality"))
    assert len(response.context["municipalities"]) == Municipality.objects.count()
    rotterdam = municipality("rotterdam")
    assert client.get(reverse("administrator_municipality_edit", args=[rotterdam.pk])
                      ).status_code == 200


def test_new_version_of_the_terms(admin, admin_client):
    current = LegalText.objects.filter(kind="terms").order_by("-version").first()
    url = reverse("administrator_legal_text_new", args=["terms"])
    form = admin_client.get(url).context["form"]
    assert form.initial["body_nl"] == current.body_nl
    response = admin_client.post(url, {"body_nl": "", "body_en": "Terms"})
    assert "Schrijf de Nederlandse tekst" in " ".join(response.context["form"].errors["body_nl"])
    admin_client.post(url, {"body_nl": "Nieuwe voorwaarden", "body_en": "New terms"})
    latest = LegalText.objects.filter(kind="terms").order_by("-version").first()
    assert latest.version == current.version + 1 and latest.body_nl == "Nieuwe voorwaarden"
    assert LegalText.objects.filter(pk=current.pk).exists(), "older versions stay"
    assert admin_client.get(reverse("administrator_legal_text_new", args=["reclame"])
                            ).status_code == 404
    assert "Nieuwe voorwaarden" in admin_client.get(
        reverse("administrator_legal_text", args=[latest.pk])).content.decode()
