"""Answers to matching suggestions are data the jobseeker entered: erasure removes them and
the data download shows them."""

import pytest
from django.utils import timezone

from matching.models import SuggestionFeedback
from privacy.erasure import candidate_entered_data_erase
from privacy.export import RECORDS
from tests.factories import CandidateFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def test_erasure_removes_suggestion_feedback_and_export_lists_it():
    candidate = CandidateFactory()
    vacancy = VacancyFactory(status="published", published_at=timezone.now())
    SuggestionFeedback.objects.create(candidate=candidate, vacancy=vacancy, verdict="helps",
                                      given_by=candidate.user)
    assert list(RECORDS["matching.SuggestionFeedback"](candidate))
    counts = candidate_entered_data_erase(by=candidate.user, candidate=candidate)
    assert counts["suggestion_feedback"] == 1
    assert not SuggestionFeedback.objects.filter(candidate=candidate).exists()
