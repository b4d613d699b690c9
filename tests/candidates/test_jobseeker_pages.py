"""Every jobseeker page opens for the jobseeker, and for nobody else (SPEC §4)."""

import pytest
from django.urls import reverse

from hallowerk.roles import Role
from tests.factories import UserFactory

from .jobseeker_helpers import jobseeker, published_vacancy

pytestmark = pytest.mark.django_db

STEP_SLUGS = ["woonplaats-en-reizen", "over-mij", "werk-dat-past", "beroepen",
              "beschikbaarheid", "werkervaring", "opleidingen", "cursussen", "talen",
              "lichamelijk-werk", "foto-en-cv", "meer-over-mij"]
PAGES = [
    ("candidates:jobseeker_home", {}),
    ("candidates:jobseeker_profile", {}),
    *[("candidates:jobseeker_step", {"slug": slug}) for slug in STEP_SLUGS],
    *[("candidates:jobseeker_entry_add", {"kind": kind})
      for kind in ("werkervaring", "opleidingen", "cursussen", "talen")],
    ("candidates:jobseeker_sharing", {}),
    ("candidates:jobseeker_preview", {}),
    ("candidates:jobseeker_recorded", {}),
    ("candidates:jobseeker_vacancies", {}),
    ("candidates:jobseeker_responses", {}),
    ("candidates:jobseeker_erase", {}),
    ("candidates:jobseeker_leave", {}),
    ("candidates:inbox", {}),
]
OTHER_ROLES = [Role.COACH, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD, Role.ADMINISTRATOR]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_page_opens_for_the_jobseeker(client, name, kwargs):
    candidate = jobseeker()
    client.force_login(candidate.user)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert b"<h1" in response.content


@pytest.mark.parametrize(("name", "kwargs"), [p for p in PAGES if p[0] != "candidates:inbox"])
@pytest.mark.parametrize("role", OTHER_ROLES)
def test_staff_get_403_on_jobseeker_pages(verified_client, name, kwargs, role):
    client = verified_client(UserFactory(role=role, with_totp_device=True))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), PAGES[:6])
def test_employers_get_403(verified_client, name, kwargs):
    client = verified_client(UserFactory(employer_user=True, with_totp_device=True))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("candidates:jobseeker_profile"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_unknown_step_is_404(client):
    client.force_login(jobseeker().user)
    assert client.get("/mijn/profiel/bestaat-niet/").status_code == 404
    assert client.get("/mijn/profiel/bestaat-niet/nieuw/").status_code == 404


def test_a_jobseeker_without_a_dossier_sees_the_welcome_and_no_profile(client):
    user = UserFactory(role=Role.JOBSEEKER)
    client.force_login(user)
    response = client.get(reverse("candidates:jobseeker_home"))
    assert response.status_code == 200
    assert "Welkom op HalloWerk" in response.content.decode()
    assert "nog klaar" in response.content.decode()
    assert client.get(reverse("candidates:jobseeker_profile")).status_code == 404


def test_the_navigation_links_the_portal_and_the_inbox(client):
    client.force_login(jobseeker().user)
    html = client.get(reverse("candidates:jobseeker_home")).content.decode()
    for name in ("jobseeker_profile", "jobseeker_sharing", "jobseeker_vacancies", "inbox"):
        assert f'href="{reverse("candidates:" + name)}"' in html


def test_pages_speak_english_when_chosen(client, settings):
    candidate = jobseeker()
    published_vacancy(candidate.municipality, title="Kok")
    client.force_login(candidate.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("candidates:jobseeker_home")).content.decode()
    assert 'lang="en"' in html and "Taking part is voluntary." in html
    html = client.get(reverse("candidates:jobseeker_step", kwargs={"slug": "over-mij"})
                      ).content.decode()
    assert "Step 2 of 12" in html


@pytest.mark.parametrize("name", [
    "candidates:coach_home", "candidates:sensitive_reviews", "employers:account_manager_home",
    "employers:employer_home", "team_lead_home", "administrator_home",
])
def test_jobseekers_get_403_on_staff_and_employer_pages(client, name):
    client.force_login(jobseeker().user)
    assert client.get(reverse(name)).status_code == 403
