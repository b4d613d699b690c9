from django.urls import reverse
from playwright.sync_api import expect

from hallowerk.models import User
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory


def test_six_wrong_passwords_lock_out_with_a_clear_message(page, site):
    user = UserFactory(role=Role.JOBSEEKER)
    page.goto(f"{site}/account/login/")
    assert_accessible(page)
    for _ in range(6):
        page.get_by_label("E-mailadres").fill(user.email)
        page.get_by_label("Wachtwoord").fill("helemaal-fout")
        page.get_by_role("button", name="Inloggen").click()
        if "te vaak" in page.content():
            break
    expect(page.get_by_role("heading", level=1)).to_have_text("U kunt even niet inloggen")
    expect(page.get_by_text("30 minuten geblokkeerd")).to_be_visible()
    assert_accessible(page)
    # Even the right password does not help now.
    page.goto(f"{site}/account/login/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill("Correct-Horse-Battery-9")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U kunt even niet inloggen")


def test_signup_url_gives_no_account(page, site):
    page.goto(f"{site}/account/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Aanmelden kan alleen met een uitnodiging")
    expect(page.locator("input[type=password]")).to_have_count(0)
    assert_accessible(page)
    # A crafted POST to the sign-up address creates no account either.
    page.request.post(f"{site}/account/signup/", form={
        "email": "zelf@example.nl", "password1": "Heel-Lang-Wachtwoord-1"})
    assert not User.objects.filter(email="zelf@example.nl").exists()


def test_staff_login_with_code_and_verify_page_accessible(page, site):
    user = UserFactory(role=Role.COACH, with_totp_device=True)
    page.goto(f"{site}/account/login/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill("Correct-Horse-Battery-9")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vul uw code in")
    assert_accessible(page)
    page.goto(f"{site}{reverse('candidates:coach_home')}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vul uw code in")


def test_english_is_available(page, site):
    user = UserFactory(role=Role.JOBSEEKER)
    log_in(page, site, user)
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)


def test_home_page_accessible(page, site):
    page.goto(site)
    assert_accessible(page)
