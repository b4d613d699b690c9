"""The Django admin, as the operator opens it: axe-core finds nothing (issue 15). It is not
part of the per-role crawl because no role of the platform reaches it."""

import pytest

from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory

# The second-factor devices django-otp registers. Not their add/change forms: Django's
# SplitDateTimeWidget there gives two inputs one label (axe "label"); an operator does not
# create devices by hand (people enrol at /2fa/instellen/), so that stays as Django ships it.
ADMIN_MODEL_PAGES = ("/django-admin/otp_totp/totpdevice/",
                     "/django-admin/otp_static/staticdevice/")


@pytest.mark.parametrize("width", [1280, 360])
def test_the_operators_django_admin_passes_axe(width, site, browser):
    operator = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True,
                           with_totp_device=True)
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        log_in(page, site, operator)
        page.wait_for_load_state("load")
        for path in ("/django-admin/", "/django-admin/matching/matchingweights/",
                     "/django-admin/matching/weightschange/", "/django-admin/password_change/",
                     *ADMIN_MODEL_PAGES):
            response = page.goto(site + path)
            assert response.status == 200, path
            assert_accessible(page)
    finally:
        context.close()
