"""Explanations: per component, strengths only, in Dutch and in English, and never more
than the field catalogue lets an employer see."""

from datetime import date

import pytest
from django.utils import translation

from matching.explain import COMPONENT_FIELDS, Audience, employer_may_see, explain
from matching.features import CandidateFeatures, Point, VacancyFeatures
from matching.models import COMPONENT_KEYS
from matching.scoring import Weights, match
from privacy.catalogue import field_spec

pytestmark = pytest.mark.django_db

UTRECHT, ZEIST = Point(52.09083, 5.12222), Point(52.08833, 5.23333)


@pytest.fixture
def sector_id():
    from hallowerk.models import Sector

    return Sector.objects.get(code="horeca").pk


def strong_pair(sector_id):
    candidate = CandidateFeatures(
        id=1, occupation_codes=frozenset({"5120"}), sector_ids=frozenset({sector_id}),
        skills=("Koken voor groepen",), place=UTRECHT, transport=frozenset({"bike"}),
        driving_licences=frozenset({"B"}), languages={"nl": "good"},
        physical={"standing": True}, hours_min=24, hours_max=32,
        available_from=date(2026, 2, 1))
    vacancy = VacancyFeatures(
        id=2, occupation_code="5120", sector_id=sector_id, skills=("koken",), place=ZEIST,
        hours_min=32, hours_max=32, start_date=date(2026, 3, 1), driving_licence="B",
        languages=("nl",), physical_demands=("standing",))
    return match(candidate, vacancy, Weights.defaults())


def texts(result, audience, language):
    """Component → its lines joined by a space."""
    with translation.override(language):
        lines: dict[str, str] = {}
        for strength in explain(result, audience):
            lines[strength.component] = " ".join(
                filter(None, [lines.get(strength.component), strength.text]))
        return lines


def test_every_component_explained_in_dutch_for_the_jobseeker(sector_id):
    lines = texts(strong_pair(sector_id), Audience.SELF, "nl")
    assert lines == {
        "occupation": "Dit is het beroep dat u zoekt: Koks.",
        "skills": "U noemt in uw profiel wat de werkgever vraagt: koken.",
        "sector": "U wilt graag werken in deze sector: Horeca.",
        "availability": "De uren passen bij wat u zoekt: 32 uur per week. U kunt op tijd "
                        "beginnen: u bent beschikbaar vanaf 1 februari 2026.",
        "travel": "8 km van uw woonplaats, ongeveer 30 minuten met de fiets.",
        "driving_licence": "U hebt het rijbewijs dat nodig is: B.",
        "languages": "U spreekt Nederlands (goed).",
        "physical": "U kunt het lichamelijke werk dat deze baan vraagt: lang staan.",
    }


def test_availability_explains_hours_and_start(sector_id):
    result = strong_pair(sector_id)
    with translation.override("nl"):
        lines = [s.text for s in explain(result, Audience.SELF) if s.component == "availability"]
    assert lines == ["De uren passen bij wat u zoekt: 32 uur per week.",
                     "U kunt op tijd beginnen: u bent beschikbaar vanaf 1 februari 2026."]


def test_every_component_explained_in_english(sector_id):
    lines = texts(strong_pair(sector_id), Audience.SELF, "en")
    assert lines["occupation"] == "This is the occupation you are looking for: Cooks."
    assert lines["travel"] == "8 km from where you live, about 30 minutes by bike."
    assert lines["languages"] == "You speak Dutch (well)."
    assert lines["physical"] == "You can do the physical work this job asks for: standing for a long time."
    assert lines["sector"] == "You would like to work in this sector: Hospitality and catering."


def test_about_the_candidate_for_staff_and_employers(sector_id):
    result = strong_pair(sector_id)
    nl = texts(result, Audience.EMPLOYER, "nl")
    assert nl["occupation"] == "Dit is het beroep dat de kandidaat zoekt: Koks."
    assert nl["travel"] == ("8 km van de woonplaats van de kandidaat, ongeveer 30 minuten met de "
                            "fiets.")
    en = texts(result, Audience.STAFF, "en")
    assert en["driving_licence"] == "The candidate has the driving licence that is needed: B."


def test_weaknesses_are_never_listed():
    """A component without points says nothing; partial points say what fits."""
    candidate = CandidateFeatures(id=1, occupation_codes=frozenset({"5131"}), skills=("kassa",),
                                  languages={"nl": "basic"}, hours_min=8, hours_max=12)
    vacancy = VacancyFeatures(id=2, occupation_code="5120", skills=("koken", "kassa"),
                              languages=("nl", "en"), hours_min=14, hours_max=16, place=ZEIST,
                              physical_demands=("lifting",))
    result = match(candidate, vacancy, Weights.defaults())
    lines = texts(result, Audience.SELF, "nl")
    assert set(lines) == {"occupation", "skills", "availability", "languages"}
    assert lines["occupation"] == ("Dit beroep hoort bij dezelfde groep als een beroep dat u "
                                   "zoekt: Bedieningsmedewerkers (obers en serveersters).")
    assert lines["skills"] == "U noemt in uw profiel wat de werkgever vraagt: kassa."
    assert lines["availability"] == "De uren liggen dicht bij wat u zoekt: 14 tot 16 uur per week."
    assert lines["languages"] == "U spreekt Nederlands (een beetje)."
    everything = " ".join(lines.values()).lower()
    for negative in ("niet", "geen", "te ver", "mist", "ontbreekt", "helaas"):
        assert negative not in everything


def test_travel_without_known_means_names_only_the_distance():
    result = match(CandidateFeatures(id=1, occupation_codes=frozenset({"5120"}), place=UTRECHT),
                   VacancyFeatures(id=2, occupation_code="5120", place=ZEIST),
                   Weights.defaults())
    assert texts(result, Audience.SELF, "nl")["travel"] == "8 km van uw woonplaats."


def test_same_place():
    result = match(CandidateFeatures(id=1, occupation_codes=frozenset({"5120"}), place=UTRECHT),
                   VacancyFeatures(id=2, occupation_code="5120", place=UTRECHT),
                   Weights.defaults())
    assert texts(result, Audience.SELF, "en")["travel"] == "The work is in or close to where you live."


def test_component_fields_are_declared_in_the_catalogue():
    assert set(COMPONENT_FIELDS) == set(COMPONENT_KEYS)
    for fields in COMPONENT_FIELDS.values():
        for model, name in fields:
            field_spec(model, name)  # raises KeyError for an undeclared field


def test_employer_explanation_drops_components_the_catalogue_hides(monkeypatch, sector_id):
    from privacy.catalogue import EmployerVisibility, FieldSpec

    real = field_spec

    def hidden_transport(model, name):
        spec = real(model, name)
        if name == "transport":
            return FieldSpec(**{**spec.__dict__, "employer": EmployerVisibility.NEVER})
        return spec

    monkeypatch.setattr("matching.explain.field_spec", hidden_transport)
    assert not employer_may_see("travel")
    result = strong_pair(sector_id)
    assert "travel" not in texts(result, Audience.EMPLOYER, "nl")
    assert "travel" in texts(result, Audience.STAFF, "nl")
