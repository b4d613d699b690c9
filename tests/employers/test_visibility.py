"""SPEC §4 for employers and vacancies: own municipality only; employer users their own."""

import pytest
from django.utils import timezone

from employers.models import Employer, Vacancy
from hallowerk.roles import Role
from tests.factories import EmployerFactory, UserFactory, VacancyFactory, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    rotterdam, utrecht = municipality("rotterdam"), municipality("utrecht")
    own, other = EmployerFactory(municipality=rotterdam), EmployerFactory(municipality=utrecht)
    colleague = EmployerFactory(municipality=rotterdam)
    now = timezone.now()
    vacancies = {
        "own_published": VacancyFactory(employer=own, status="published", published_at=now),
        "own_draft": VacancyFactory(employer=own),
        "colleague_closed": VacancyFactory(employer=colleague, status="closed"),
        "other_published": VacancyFactory(employer=other, status="published", published_at=now),
    }
    return {"rotterdam": rotterdam, "own": own, "other": other, "colleague": colleague,
            "vacancies": vacancies}


def viewer(role, world):
    if role == Role.EMPLOYER:
        return UserFactory(employer_user=True, employer=world["own"],
                           municipality=world["rotterdam"])
    return UserFactory(role=role, municipality=world["rotterdam"])


def names(queryset, world):
    labels = {v.pk: k for k, v in world["vacancies"].items()}
    return {labels[pk] for pk in queryset.values_list("pk", flat=True)}


@pytest.mark.parametrize("role, expected", [
    (Role.JOBSEEKER, {"own_published"}),
    (Role.COACH, {"own_published", "own_draft", "colleague_closed"}),
    (Role.ACCOUNT_MANAGER, {"own_published", "own_draft", "colleague_closed"}),
    (Role.EMPLOYER, {"own_published", "own_draft"}),
    (Role.TEAM_LEAD, set()),
    (Role.ADMINISTRATOR, set()),
])
def test_vacancies_visible_per_role(world, role, expected):
    assert names(Vacancy.objects.visible_to(viewer(role, world)), world) == expected


def test_jobseeker_does_not_see_vacancies_of_a_deactivated_employer(world):
    jobseeker = viewer(Role.JOBSEEKER, world)
    Employer.objects.filter(pk=world["own"].pk).update(is_active=False,
                                                       deactivated_at=timezone.now())
    assert not Vacancy.objects.visible_to(jobseeker).exists()


@pytest.mark.parametrize("role, expected", [
    (Role.JOBSEEKER, set()),
    (Role.COACH, {"own", "colleague"}),
    (Role.ACCOUNT_MANAGER, {"own", "colleague"}),
    (Role.TEAM_LEAD, {"own", "colleague"}),
    (Role.ADMINISTRATOR, {"own", "colleague"}),
    (Role.EMPLOYER, {"own"}),
])
def test_employers_visible_per_role(world, role, expected):
    labels = {world[k].pk: k for k in ("own", "other", "colleague")}
    visible = Employer.objects.visible_to(viewer(role, world)).values_list("pk", flat=True)
    assert {labels[pk] for pk in visible} == expected


def test_a_platform_administrator_without_municipality_sees_no_employers(world):
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=None)
    assert not Employer.objects.visible_to(admin).exists()
