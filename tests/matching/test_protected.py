"""Property: changing gender, date of birth, target groups, photo, name, postcode or
municipality of registration never changes any score or any order (SPEC §1, §7)."""

import random
import string
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from candidates.models import Candidate, Gender, Profile
from employers.models import Vacancy
from hallowerk.models import Municipality
from matching import ranking
from matching.features import (
    CANDIDATE_PREFETCH,
    CANDIDATE_SELECT,
    CandidateFeatures,
    candidate_features,
    vacancy_features,
)
from matching.scoring import Weights, match
from tests.matching.builders import random_candidate, random_vacancy

pytestmark = pytest.mark.django_db

PROTECTED_NAMES = {"gender", "date_of_birth", "tg_banenafspraak", "tg_praktijkroute", "tg_bbl",
                   "tg_tozo", "photo", "first_name", "last_name", "postcode", "municipality"}
WEIGHTS = Weights.defaults()

names = st.text(alphabet=string.ascii_letters + "éëï' -", min_size=1, max_size=30)
postcodes = st.one_of(st.just(""), st.from_regex(r"\A[1-9][0-9]{3}[A-Z]{2}\Z"))
protected_changes = st.fixed_dictionaries({
    "gender": st.sampled_from(Gender.values),
    "date_of_birth": st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2009, 12, 31))),
    "tg_banenafspraak": st.booleans(), "tg_praktijkroute": st.booleans(),
    "tg_bbl": st.booleans(), "tg_tozo": st.booleans(),
    "first_name": names, "last_name": names, "postcode": postcodes,
    "municipality_slug": st.sampled_from(["den-haag", "rotterdam", "amsterdam", "utrecht"]),
    "photo": st.sampled_from(["", "photos/one.jpg", "photos/two.png"]),
})


def features_have_no_protected_field():
    assert not PROTECTED_NAMES & set(CandidateFeatures.__dataclass_fields__)


def everything():
    """Every ranking both ways through SQL, and every pair's score through Python."""
    vacancies = list(Vacancy.objects.select_related("occupation", "place").order_by("pk"))
    candidates = list(Candidate.objects.select_related(*CANDIDATE_SELECT)
                      .prefetch_related(*CANDIDATE_PREFETCH).order_by("pk"))
    for_vacancies = [ranking.candidate_ids_for_vacancy(
        vacancy=v, candidates=Candidate.objects.all(), weights=WEIGHTS, limit=1000)
        for v in vacancies]
    for_candidates = [ranking.vacancy_ids_for_candidate(
        candidate=c, vacancies=Vacancy.objects.all(), weights=WEIGHTS, limit=1000)
        for c in candidates]
    scores = [(match(candidate_features(c), vacancy_features(v), WEIGHTS).num,
               match(candidate_features(c), vacancy_features(v), WEIGHTS).den)
              for c in candidates for v in vacancies]
    return for_vacancies, for_candidates, scores, [candidate_features(c) for c in candidates]


@pytest.fixture
def baseline(db):
    features_have_no_protected_field()
    rng = random.Random(4)
    for _ in range(24):
        random_candidate(rng)
    for _ in range(10):
        random_vacancy(rng)
    before = everything()
    assert any(before[0]) and any(before[1])  # there is something to compare
    return before, list(Candidate.objects.values_list("pk", flat=True))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_protected_attributes_never_change_a_score_or_order(baseline, data):
    before, pks = baseline
    for pk in pks:
        changes = data.draw(protected_changes)
        municipality = Municipality.objects.get(slug=changes.pop("municipality_slug"))
        photo = changes.pop("photo")
        Candidate.objects.filter(pk=pk).update(municipality=municipality, **changes)
        Profile.objects.filter(candidate_id=pk).update(photo=photo)
    assert everything() == before
