"""Every role against every back-office page (STYLE lesson 7): only the page's own role gets
in; a wrong role gets 403 (GET and POST, nothing changes); a stranger is sent to log in; and
within the right role, another municipality's objects are 404."""

import pytest
from django.urls import reverse

from candidates.services_messaging import contact_request_create
from hallowerk.roles import Role
from privacy.models import LegalText
from tests.factories import EmployerFactory, UserFactory, VacancyFactory, municipality

from .conftest import candidate_in, logged_in, staff

pytestmark = pytest.mark.django_db

COACH_PAGES = [
    ("candidates:coach_home", None), ("candidates:coach_candidates", None),
    ("candidates:coach_intake", None), ("candidates:coach_import", None),
    ("candidates:coach_import_confirm", None), ("candidates:coach_contact_requests", None),
    ("candidates:coach_candidate", "candidate"), ("candidates:coach_candidate_edit", "candidate"),
    ("candidates:coach_candidate_approachable", "candidate"),
    ("candidates:coach_candidate_hide", "candidate"),
    ("candidates:coach_candidate_unhide", "candidate"),
    ("candidates:coach_candidate_inactive", "candidate"),
    ("candidates:coach_candidate_reactivate", "candidate"),
    ("candidates:coach_candidate_end", "candidate"),
    ("candidates:coach_candidate_invitation_resend", "candidate"),
    ("candidates:coach_candidate_invitation_withdraw", "candidate"),
    ("candidates:coach_candidate_message", "candidate"),
    ("candidates:coach_contact_request_decide", "contact_request"),
]
ACCOUNT_MANAGER_PAGES = [
    ("employers:account_manager_home", None), ("employers:am_employers", None),
    ("employers:am_employer_invite", None), ("employers:am_employer_invite_details", None),
    ("employers:am_employer", "employer"), ("employers:am_employer_edit", "employer"),
    ("employers:am_employer_user_add", "employer"), ("employers:am_employer_stop", "employer"),
    ("employers:am_vacancy_new", "employer_pk"), ("employers:am_vacancies", None),
    ("employers:am_vacancy", "vacancy"), ("employers:am_vacancy_edit", "vacancy"),
    ("employers:am_vacancy_status", "vacancy"), ("employers:am_candidates", None),
    ("employers:am_candidate", "candidate"), ("employers:am_candidate_hide", "candidate"),
    ("employers:am_candidate_unhide", "candidate"),
]
TEAM_LEAD_PAGES = [("team_lead_home", None), ("team_lead_refresh", None)]
ADMINISTRATOR_PAGES = [
    ("administrator_home", None), ("administrator_users", None),
    ("administrator_user_invite", None), ("administrator_user", "staff_user"),
    ("administrator_user_action", "staff_user_action"), ("administrator_municipality", None),
    ("administrator_municipality_edit", "municipality"), ("administrator_legal_texts", None),
    ("administrator_legal_text_new", "legal_kind"), ("administrator_legal_text", "legal_text"),
]
PAGES = ([(page, Role.COACH) for page in COACH_PAGES]
         + [(page, Role.ACCOUNT_MANAGER) for page in ACCOUNT_MANAGER_PAGES]
         + [(page, Role.TEAM_LEAD) for page in TEAM_LEAD_PAGES]
         + [(page, Role.ADMINISTRATOR) for page in ADMINISTRATOR_PAGES])
ROLES = [Role.JOBSEEKER, Role.COACH, Role.ACCOUNT_MANAGER, Role.EMPLOYER, Role.TEAM_LEAD,
         Role.ADMINISTRATOR]


def objects(slug="utrecht") -> dict:
    """One of each object a back-office page is about, in the given municipality."""
    employer = EmployerFactory(municipality=municipality(slug))
    candidate = candidate_in(slug, shared_with_employers=True, sharing_scope="all")
    employer_user = UserFactory(role=Role.EMPLOYER, employer=employer,
                                municipality=municipality(slug))
    contact_request = contact_request_create(by=employer_user, candidate=candidate,
                                             message="Mag ik bellen?")
    staff_user = staff(Role.COACH, slug)
    return {
        "candidate": {"pk": candidate.pk}, "employer": {"pk": employer.pk},
        "employer_pk": {"employer_pk": employer.pk},
        "vacancy": {"pk": VacancyFactory(employer=employer).pk},
        "contact_request": {"pk": contact_request.pk},
        "staff_user": {"pk": staff_user.pk},
        "staff_user_action": {"pk": staff_user.pk, "action": "deactivate"},
        "municipality": {"pk": municipality(slug).pk},
        "legal_kind": {"kind": "terms"},
        "legal_text": {"pk": LegalText.objects.first().pk},
    }


def url_of(page, things) -> str:
    name, kind = page
    return reverse(name, kwargs=things[kind] if kind else None)


def user_with(role, slug="utrecht"):
    if role == Role.EMPLOYER:
        return UserFactory(role=role, employer=EmployerFactory(municipality=municipality(slug)),
                           municipality=municipality(slug))
    return staff(role, slug)


@pytest.mark.parametrize("role", ROLES)
def test_wrong_role_gets_403_on_every_back_office_page(role):
    things = objects()
    client = logged_in(user_with(role))
    for page, owner in PAGES:
        if owner == role:
            continue
        url = url_of(page, things)
        assert client.get(url).status_code == 403, (role, url)
        assert client.post(url, {"reason": "x", "decision": "forward", "action": "publish",
                                 "name": "Overgenomen"}).status_code == 403, (role, url)
    # Nothing was changed by all those POSTs.
    from candidates.models import Candidate, ContactRequest
    from employers.models import Employer, Vacancy

    assert not Candidate.objects.filter(hidden_by_staff=True).exists()
    assert ContactRequest.objects.get().status == "pending"
    assert Vacancy.objects.get().status == "draft"
    assert not Employer.objects.filter(name="Overgenomen").exists()


def test_anonymous_is_sent_to_log_in(client):
    things = objects()
    for page, _owner in PAGES:
        url = url_of(page, things)
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response.url, url


@pytest.mark.parametrize("role", [Role.COACH, Role.ACCOUNT_MANAGER, Role.ADMINISTRATOR])
def test_own_role_reaches_its_pages_and_another_municipalitys_objects_are_404(role):
    own, foreign = objects("utrecht"), objects("rotterdam")
    client = logged_in(user_with(role))
    for page, owner in PAGES:
        if owner != role:
            continue
        assert client.get(url_of(page, own)).status_code in (200, 302, 405), page
        if page[1] in (None, "legal_kind", "legal_text"):
            continue  # not about one municipality's object
        if role == Role.ACCOUNT_MANAGER and page[1] == "candidate" \
                and page[0] == "employers:am_candidate":
            continue  # a shared candidate elsewhere is visible to an account manager (SPEC §4)
        foreign_url = url_of(page, foreign)
        assert client.get(foreign_url).status_code in (404, 405), foreign_url
        assert client.post(foreign_url, {"reason": "x", "decision": "forward",
                                         "action": "publish"}).status_code == 404, foreign_url


def test_coach_of_utrecht_opening_a_rotterdam_candidate_by_url_gets_404():
    rotterdammer = candidate_in("rotterdam")
    client = logged_in(staff(Role.COACH, "utrecht"))
    response = client.get(reverse("candidates:coach_candidate", args=[rotterdammer.pk]))
    assert response.status_code == 404
    assert rotterdammer.last_name not in response.content.decode()
