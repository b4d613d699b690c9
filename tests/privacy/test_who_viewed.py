"""'Who viewed my profile': employers by organisation name, staff by role, per day."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from hallowerk.roles import Role
from privacy.access_log import profile_views
from privacy.audit import audit_profile_viewed
from tests.factories import CandidateFactory, EmployerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_views_are_grouped_per_day_and_viewer():
    candidate = CandidateFactory()
    employer_user = UserFactory(employer_user=True, employer__name="Bakkerij De Korenaar")
    colleague = UserFactory(role=Role.EMPLOYER, employer=employer_user.employer)
    coach = UserFactory(role=Role.COACH, first_name="Carla", last_name="Coach")
    with freeze_time("2025-03-03 10:00:00+01:00"):
        audit_profile_viewed(viewer=employer_user, candidate=candidate)
        audit_profile_viewed(viewer=colleague, candidate=candidate)
        audit_profile_viewed(viewer=coach, candidate=candidate)
    with freeze_time("2025-03-05 23:30:00+01:00"):  # late evening: still the 5th in NL
        audit_profile_viewed(viewer=employer_user, candidate=candidate)
    audit_profile_viewed(viewer=candidate.user, candidate=candidate)  # not logged at all
    lines = [(str(line.day), line.who, line.times) for line in profile_views(candidate)]
    assert lines == [("2025-03-05", "Bakkerij De Korenaar", 1),
                     ("2025-03-03", "Werkmatcher", 1),
                     ("2025-03-03", "Bakkerij De Korenaar", 2)]


def test_the_page_names_employers_by_organisation_and_staff_by_role_only(verified_client):
    candidate = CandidateFactory()
    employer_user = UserFactory(employer_user=True, employer__name="Garage Snel",
                                first_name="Wim", last_name="Werkgever")
    coach = UserFactory(role=Role.ACCOUNT_MANAGER, first_name="Ans", last_name="Accountmanager")
    audit_profile_viewed(viewer=employer_user, candidate=candidate)
    audit_profile_viewed(viewer=coach, candidate=candidate)
    html = verified_client(candidate.user).get(reverse("privacy:who_viewed")).content.decode()
    assert "Garage Snel" in html and "Accountmanager WSP" in html
    assert "Wim" not in html and "Ans" not in html


def test_someone_elses_views_are_never_shown(verified_client):
    mine, other = CandidateFactory(), CandidateFactory()
    audit_profile_viewed(viewer=UserFactory(employer_user=True, employer__name="Vreemd B.V."),
                         candidate=other)
    html = verified_client(mine.user).get(reverse("privacy:who_viewed")).content.decode()
    assert "Vreemd B.V." not in html
    assert "Nog niemand heeft uw profiel bekeken." in html


def test_a_deleted_employer_is_still_shown_as_an_employer():
    candidate = CandidateFactory()
    employer = EmployerFactory(name="Weg B.V.")
    viewer = UserFactory(role=Role.EMPLOYER, employer=employer)
    audit_profile_viewed(viewer=viewer, candidate=candidate)
    viewer.delete()
    employer.delete()
    assert profile_views(candidate)[0].who == "een werkgever (die niet meer meedoet)"


@pytest.mark.parametrize("role", [Role.COACH, Role.EMPLOYER, Role.ADMINISTRATOR])
def test_only_jobseekers_open_the_page(verified_client, role):
    extra = {"employer_user": True} if role == Role.EMPLOYER else {"role": role}
    assert verified_client(UserFactory(**extra)).get(
        reverse("privacy:who_viewed")).status_code == 403


def test_it_pages_after_25_lines(verified_client):
    candidate = CandidateFactory()
    for day in range(1, 31):
        with freeze_time(f"2025-01-{day:02d} 12:00:00+01:00"):
            audit_profile_viewed(viewer=UserFactory(role=Role.COACH), candidate=candidate)
    client = verified_client(candidate.user)
    html = client.get(reverse("privacy:who_viewed")).content.decode()
    assert "Pagina 1 van 2" in html and "30 januari 2025" in html
    html = client.get(reverse("privacy:who_viewed"), {"pagina": "2"}).content.decode()
    assert "1 januari 2025" in html
    assert client.get(reverse("privacy:who_viewed"), {"pagina": "x"}).status_code == 200
