"""The search document's text: normalised, weighted, Dutch stemming."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

from candidates.models import SearchDocument, WorkExperience
from candidates.search_documents import profile_search_document_refresh
from candidates.search_text import normalise
from hallowerk.models import Occupation
from tests.factories import ProfileFactory


def test_normalise_lowercases_and_strips_accents():
    assert normalise("Crèche-Leidster ÉÉN Hygiënecode") == "creche-leidster een hygienecode"
    assert normalise("") == "" and normalise(None) == ""


def search(text):
    query = SearchQuery(normalise(text), config="dutch")
    return [d.candidate.profile for d in SearchDocument.objects.filter(document=query)
            .annotate(rank=SearchRank(F("document"), query)).order_by("-rank")
            .select_related("candidate__profile")]


@pytest.mark.django_db
def test_profiles_are_found_by_occupation_skill_and_description_with_weights():
    chef = ProfileFactory(kind_of_work="Ik wil koken in een restaurant",
                          personal_description="Ik werk graag met mensen",
                          candidate__shared_with_employers=True)
    chef.preferred_occupations.add(Occupation.objects.get(isco_code="5120"))
    helper = ProfileFactory(kind_of_work="Schoonmaakwerk", professional_skills=["Koken"],
                            personal_description="Ik help in de crèche",
                            candidate__shared_with_employers=True)
    WorkExperience.objects.create(profile=helper, job_title="Afwasser", start_date="2020-01-01")
    for profile in (chef, helper):
        profile_search_document_refresh(profile)

    assert list(search("koken")) == [chef, helper], "kind of work (A) ranks above skills (B)"
    assert list(search("Crèche")) == [helper] and list(search("creche")) == [helper]
    assert list(search("afwasser")) == [helper]
    assert list(search("cooks")) == [chef], "occupation labels (Dutch and English) are in"
