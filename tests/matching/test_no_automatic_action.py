"""No automatic action follows from a match (SPEC §1, §7): opening every suggestion page and
giving feedback sends no mail and changes no candidate, vacancy or conversation."""

import pytest
from django.core import mail
from django.urls import reverse

from candidates.models import Candidate, ContactRequest, Message, Thread, VacancyResponse
from employers.models import Vacancy

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Candidate.objects.order_by("pk").values()),
        list(Vacancy.objects.order_by("pk").values()),
        Thread.objects.count(), Message.objects.count(), ContactRequest.objects.count(),
        VacancyResponse.objects.count(),
    )


def test_matching_pages_and_feedback_change_nothing_else(verified_client, world,
                                                         django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        verified_client(world["jobseeker"]).get(reverse("matching:jobseeker_suggestions"))
        vacancy = world["v_own"]
        verified_client(world["jobseeker"]).post(
            reverse("matching:jobseeker_feedback", args=[vacancy.pk]),
            {f"v{vacancy.pk}-verdict": "helps"})
        verified_client(world["coach"]).get(
            reverse("matching:coach_suggestions", args=[world["mine"].pk]))
        verified_client(world["account_manager"]).get(
            reverse("matching:account_manager_candidates", args=[vacancy.pk]))
        verified_client(world["employer"]).get(
            reverse("matching:employer_candidates", args=[vacancy.pk]))
    assert mail.outbox == []
    assert snapshot() == before
