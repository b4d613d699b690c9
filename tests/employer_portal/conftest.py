"""Shared helpers for the employer-portal tests: candidates with searchable profiles."""

import pytest

from candidates.models import LanguageSkill
from candidates.search_documents import profile_search_document_refresh
from hallowerk.models import Occupation, Place, Sector
from tests.factories import CandidateFactory, ProfileFactory, UserFactory, municipality


def place(name: str) -> Place:
    return Place.objects.filter(name=name).order_by("-population").first()


def make_candidate(*, slug="utrecht", shared=True, scope="region", approachable=False,
                   occupations=(), sectors=(), languages=(), residence=None,
                   profile=None, **candidate_fields):
    """A candidate with a profile whose search document is built, as the profile services do."""
    candidate = CandidateFactory(
        municipality=municipality(slug), shared_with_employers=shared, sharing_scope=scope,
        directly_approachable=approachable, **candidate_fields)
    profile_obj = ProfileFactory(candidate=candidate,
                                 place_of_residence=place(residence) if residence else None,
                                 **(profile or {}))
    profile_obj.preferred_occupations.set(Occupation.objects.filter(isco_code__in=occupations))
    profile_obj.sectors.set(Sector.objects.filter(code__in=sectors))
    for language in languages:
        LanguageSkill.objects.create(profile=profile_obj, language=language, level="good")
    profile_search_document_refresh(profile_obj)
    return candidate


def employer_user(slug="utrecht", **kwargs):
    home = municipality(slug)
    return UserFactory(employer_user=True, municipality=home, employer__municipality=home,
                       **kwargs)


@pytest.fixture
def employer(db):
    return employer_user()


@pytest.fixture
def employer_client(verified_client, employer):
    return verified_client(employer)
