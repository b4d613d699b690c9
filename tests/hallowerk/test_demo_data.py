"""The demo population: realistic mix, valid against every constraint, idempotent."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from candidates.models import Candidate, Profile, SearchDocument
from candidates.models.querysets import visible_to_some_employer
from employers.models import Employer, Vacancy
from hallowerk.demo.accounts import DEMO_ACCOUNTS
from hallowerk.demo.population import DemoSize, demo_population_ensure
from hallowerk.models import Municipality, User
from hallowerk.roles import Role

pytestmark = pytest.mark.django_db

SIZE = DemoSize(candidates=400, employers=20, vacancies=50)


def counts():
    return (User.objects.count(), Candidate.objects.count(), Profile.objects.count(),
            Employer.objects.count(), Vacancy.objects.count())


def test_demo_population_has_the_mix_the_demo_needs_and_is_idempotent():
    created = demo_population_ensure(size=SIZE, log=lambda line: None)
    assert created["candidates"] == 400 and created["employers"] == 20
    assert created["vacancies"] == 50
    before = counts()
    assert demo_population_ensure(size=SIZE, log=lambda line: None) == {
        "staff": 0, "employers": 0, "vacancies": 0, "candidates": 0}
    assert counts() == before

    demo = Candidate.objects.filter(client_number__startswith="DEMO-0")
    assert demo.count() == 400
    assert Profile.objects.filter(candidate__in=demo).count() == 400
    for flag in ("shared_with_employers", "directly_approachable", "hidden_by_staff",
                 "is_active"):
        values = set(demo.values_list(flag, flat=True))
        assert values == {True, False}, flag
    assert set(demo.values_list("sharing_scope", flat=True)) == {"region", "all"}
    # Complete and incomplete profiles, and searchable ones.
    profiles = Profile.objects.filter(candidate__in=demo)
    assert profiles.filter(personal_description="").exists()
    assert profiles.exclude(personal_description="").filter(work_experiences__isnull=False).exists()
    # A search document for exactly the candidates employers may see.
    findable = set(demo.filter(visible_to_some_employer()).values_list("pk", flat=True))
    assert findable and findable == set(SearchDocument.objects.filter(
        candidate__in=demo).values_list("candidate_id", flat=True))
    # Every municipality, including neighbours in the same labour-market region.
    per_region = Municipality.objects.filter(candidates__in=demo).values(
        "labour_market_region").annotate(n=Count("slug", distinct=True))
    assert {row["labour_market_region"] for row in per_region} == {
        "Rijnmond", "Haaglanden", "Groot Amsterdam", "Midden-Utrecht"}
    assert any(row["n"] > 1 for row in per_region)
    # Staff of every role in every municipality; generated accounts cannot log in.
    for role in (Role.COACH, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD, Role.ADMINISTRATOR):
        assert User.objects.filter(role=role).values("municipality").distinct().count() >= 4
    assert not any(u.has_usable_password() for u in User.objects.filter(
        email__endswith="kandidaat.demo.hallowerk.nl")[:20])
    assert Vacancy.objects.filter(status="published").exists()


def test_a_bigger_run_extends_a_smaller_one_with_the_same_people():
    demo_population_ensure(size=DemoSize(candidates=30, employers=5, vacancies=10),
                           log=lambda line: None)
    first = dict(Candidate.objects.filter(client_number__startswith="DEMO-0")
                 .values_list("client_number", "email"))
    demo_population_ensure(size=DemoSize(candidates=60, employers=5, vacancies=10),
                           log=lambda line: None)
    after = dict(Candidate.objects.filter(client_number__startswith="DEMO-0")
                 .values_list("client_number", "email"))
    assert len(after) == 60 and all(after[number] == email for number, email in first.items())


def test_demo_accounts_are_linked_to_complete_data():
    call_command("demo_data", "--candidates", "20", stdout=io.StringIO())
    emails = {role: email for role, email, *_ in DEMO_ACCOUNTS}
    sanne = User.objects.get(email=emails[Role.JOBSEEKER])
    candidate = Candidate.objects.get(user=sanne)
    assert candidate.shared_with_employers and candidate.profile.work_experiences.exists()
    assert candidate.responsible_coach.email == emails[Role.COACH]
    employer_user = User.objects.get(email=emails[Role.EMPLOYER])
    assert employer_user.employer.vacancies.filter(status="published").exists()
    assert Candidate.objects.visible_to(employer_user).filter(pk=candidate.pk).exists()
