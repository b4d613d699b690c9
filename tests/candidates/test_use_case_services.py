"""One service per use case (issue 16): a change and the sensitive-data reviews the
jobseeker confirmed with it are one transaction inside the service, so views open none."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from candidates.models import Profile, SensitiveReview, WorkExperience
from candidates.profile_services import profile_entry_create, profile_update
from employers.models import Shortlist
from employers.services_shortlists import shortlist_entry_add_to
from tests.factories import CandidateFactory, UserFactory

from .jobseeker_helpers import jobseeker

pytestmark = pytest.mark.django_db
HEALTH = [("personal_description", ["health"])]
VIEW_PACKAGES = ["candidates/views", "employers/views", "hallowerk/views", "privacy/views",
                 "matching/views"]


def test_a_confirmed_change_and_its_review_are_saved_together():
    candidate = jobseeker()
    profile = Profile.objects.get(candidate=candidate)
    profile_update(by=candidate.user, profile=profile,
                   changes={"personal_description": "Ik heb diabetes."}, confirmed=HEALTH)
    review = SensitiveReview.objects.get(candidate=candidate)
    assert (review.field, review.categories) == ("personal_description", ["health"])


def test_a_refused_change_leaves_no_review():
    candidate = jobseeker()
    profile = Profile.objects.get(candidate=candidate)
    with pytest.raises(ValidationError):
        profile_entry_create(by=candidate.user, profile=profile, model=WorkExperience,
                             values={"job_title": ""},
                             confirmed=[("work_experiences.description", ["health"])])
    assert not SensitiveReview.objects.exists() and not WorkExperience.objects.exists()


def test_no_view_opens_its_own_transaction():
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for package in VIEW_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Attribute) and node.attr == "atomic":
                    offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == [], "a use case belongs in one service, not in a view"


def test_a_new_shortlist_is_not_kept_without_its_first_candidate():
    employer_user = UserFactory(employer_user=True)
    not_shared = CandidateFactory()
    with pytest.raises(PermissionDenied):
        shortlist_entry_add_to(by=employer_user, shortlist=None, new_name="Koks",
                               candidate=not_shared)
    assert not Shortlist.objects.exists()
    shared = CandidateFactory(shared_with_employers=True)
    shortlist = shortlist_entry_add_to(by=employer_user, shortlist=None, new_name="Koks",
                                       candidate=shared)
    assert list(shortlist.entries.values_list("candidate", flat=True)) == [shared.pk]
