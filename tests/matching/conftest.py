import pytest
from django.utils import timezone

from hallowerk.roles import Role
from tests.factories import EmployerFactory, UserFactory, municipality
from tests.matching.builders import candidate, vacancy


@pytest.fixture
def world(db):
    """Utrecht (home) and Rotterdam (another region); everyone wants to work as a cook."""
    utrecht, rotterdam = municipality("utrecht"), municipality("rotterdam")
    cook = {"occupations": ["5120"], "place_of_residence": None}
    home_employer = EmployerFactory(municipality=utrecht, name="Restaurant De Haven")
    other_employer = EmployerFactory(municipality=rotterdam, name="Hotel Maas")
    w = {
        "utrecht": utrecht, "rotterdam": rotterdam,
        "mine": candidate(municipality=utrecht, **cook, competences=["Koken"],
                          candidate_fields={"client_number": "KLANT-4711",
                                            "postcode": "3511AB", "phone": "0612345678",
                                            "directly_approachable": False}),
        "not_shared": candidate(municipality=utrecht, **cook,
                                candidate_fields={"shared_with_employers": False}),
        "hidden": candidate(municipality=utrecht, **cook, candidate_fields={
            "hidden_by_staff": True, "hidden_reason": "Onjuist", "hidden_at": timezone.now()}),
        "other_shared": candidate(municipality=rotterdam, **cook),
        "other_not_shared": candidate(municipality=rotterdam, **cook,
                                      candidate_fields={"shared_with_employers": False}),
        "v_own": vacancy(code="5120", employer=home_employer, title="Kok in de keuken",
                         skills=["koken"]),
        "v_draft": vacancy(code="5120", employer=home_employer, title="Kok (concept)",
                           published=False),
        "v_other": vacancy(code="5120", employer=other_employer, title="Kok in Rotterdam"),
        "coach": UserFactory(role=Role.COACH, municipality=utrecht),
        "other_coach": UserFactory(role=Role.COACH, municipality=rotterdam),
        "account_manager": UserFactory(role=Role.ACCOUNT_MANAGER, municipality=utrecht),
        "employer": UserFactory(role=Role.EMPLOYER, employer=home_employer,
                                municipality=utrecht),
        "other_employer": UserFactory(role=Role.EMPLOYER, employer=other_employer,
                                      municipality=rotterdam),
        "team_lead": UserFactory(role=Role.TEAM_LEAD, municipality=utrecht),
        "administrator": UserFactory(role=Role.ADMINISTRATOR, municipality=utrecht),
    }
    w["jobseeker"] = w["mine"].user
    return w
