"""No contradictory labels; what an employer reads speaks about the candidate."""

from datetime import date

import pytest
from django.urls import reverse

from candidates.models import WorkExperience
from hallowerk.roles import Role
from tests.backoffice.conftest import candidate_in, staff
from tests.candidates.jobseeker_helpers import jobseeker
from tests.employer_portal.conftest import make_candidate

pytestmark = pytest.mark.django_db


def test_coach_dropdown_offers_each_coach_once(coach, coach_client):
    colleague = staff(Role.COACH, first_name="Kees", last_name="Collega")
    page = coach_client.get(reverse("candidates:coach_intake")).content.decode()
    own = coach.get_full_name()
    assert "Ikzelf</option>" not in page
    assert page.count(f">{own} (ikzelf)</option>") == 1
    assert f">{own}</option>" not in page  # only the option marked "(ikzelf)"
    assert f">{colleague.get_full_name()}</option>" in page
    assert f'value="{coach.pk}" selected' in page


def test_edit_offers_nobody_only_while_nobody_is_assigned(coach, coach_client):
    candidate = candidate_in(responsible_coach=None)
    url = reverse("candidates:coach_candidate_edit", args=[candidate.pk])
    assert "Nog niemand" in coach_client.get(url).content.decode()
    candidate.responsible_coach = coach
    candidate.save()
    assert "Nog niemand" not in coach_client.get(url).content.decode()


def test_optional_photo_and_cv_are_not_marked_required(verified_client):
    candidate = jobseeker()
    client = verified_client(candidate.user)
    page = client.get(reverse("candidates:jobseeker_step", args=["foto-en-cv"])).content.decode()
    assert "Een foto is niet verplicht" in page
    assert "(verplicht)" not in page
    response = client.post(reverse("candidates:jobseeker_photo"), {})
    assert "Kies eerst een bestand." in response.content.decode()


def test_employer_reads_labels_about_the_candidate(verified_client):
    from tests.employer_portal.conftest import employer_user

    candidate = make_candidate(profile={"personal_description": "Ik bak brood.",
                                        "kind_of_work": "Bakken",
                                        "physical_overhead_work": True})
    WorkExperience.objects.create(profile=candidate.profile, job_title="Bakker",
                                  employer_name="De Korenschoof", description="Deeg kneden",
                                  start_date=date(2020, 1, 1))
    client = verified_client(employer_user())
    page = client.get(reverse("employers:candidate_profile", args=[candidate.pk])).content.decode()
    for third_person in ("Over de kandidaat", "Werk dat bij de kandidaat past",
                         "Werken boven het hoofd", "Taken"):
        assert third_person in page
    for addressed in ("Over mij", "Werk dat bij mij past", "boven uw hoofd", "Wat deed u"):
        assert addressed not in page
