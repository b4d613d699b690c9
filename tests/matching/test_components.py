"""Each component on its own, from plain features (no database)."""

from datetime import date

import pytest

from matching import components as comp
from matching.features import CandidateFeatures, Point, VacancyFeatures
from matching.scoring import Weights, match

UTRECHT = Point(52.09083, 5.12222)
ZEIST = Point(52.08833, 5.23333)  # about 7.6 km east of Utrecht
AMSTERDAM = Point(52.37403, 4.88969)  # about 36 km


def cand(**fields) -> CandidateFeatures:
    return CandidateFeatures(id=1, **fields)


def vac(**fields) -> VacancyFeatures:
    fields.setdefault("occupation_code", "5120")
    return VacancyFeatures(id=2, **fields)


# --- occupation: graded by the ISCO-08 hierarchy


@pytest.mark.parametrize(("code", "points", "closeness"), [
    ("5120", 100, 4),  # same unit group
    ("5129", 75, 3),  # same minor group 512
    ("5131", 50, 2),  # same sub-major group 51
    ("5223", 25, 1),  # same major group 5
    ("9412", 0, 0),  # another major group
])
def test_occupation_is_graded_by_shared_isco_levels(code, points, closeness):
    result = comp.occupation.score(cand(occupation_codes=frozenset({code})), vac(occupation_code="5120"))
    assert (result.applies, result.points, result.facts["closeness"]) == (True, points, closeness)


def test_occupation_takes_the_closest_of_several_wishes():
    result = comp.occupation.score(cand(occupation_codes=frozenset({"9412", "5131", "5129"})),
                             vac(occupation_code="5120"))
    assert result.points == 75 and result.facts["code"] == "5129"


def test_occupation_without_wishes_applies_with_no_points():
    result = comp.occupation.score(cand(), vac())
    assert result.applies and result.points == 0


# --- skills: the vacancy's skills found in the candidate's talents and skills


def test_skills_share_of_the_vacancy_skills_found_ignoring_case_and_accents():
    result = comp.skills.score(cand(skills=("Koken voor groepen", "HYGIENE")),
                         vac(skills=("koken", "Hygiëne", "kassa")))
    assert result.points == 66  # 2 of 3, rounded down
    assert result.facts["matched"] == ["koken", "Hygiëne"]


def test_skills_count_a_repeated_or_empty_vacancy_skill_once():
    result = comp.skills.score(cand(skills=("koken",)), vac(skills=("Koken", "koken ", "  ", "")))
    assert result.points == 100


def test_skills_do_not_apply_when_the_vacancy_lists_none():
    assert not comp.skills.score(cand(skills=("koken",)), vac()).applies


def test_a_skill_is_not_found_across_two_entries():
    result = comp.skills.score(cand(skills=("koken", "wassen")), vac(skills=("koken|wassen",)))
    assert result.points == 0


# --- sector


def test_sector_matches_a_chosen_sector():
    assert comp.sector.score(cand(sector_ids=frozenset({3})), vac(sector_id=3)).points == 100
    assert comp.sector.score(cand(sector_ids=frozenset({4})), vac(sector_id=3)).points == 0
    assert not comp.sector.score(cand(sector_ids=frozenset({3})), vac()).applies


# --- availability: hours and start date


@pytest.mark.parametrize(("offered", "wanted", "points"), [
    ((20, 32), (24, 24), 100),  # inside
    ((20, 32), (32, 40), 100),  # overlapping
    ((20, 24), (26, 30), 50),  # 2 hours apart
    ((8, 12), (32, 40), 0),  # far apart
    ((None, 24), (24, None), 100),  # one side of each range given
    ((None, None), (24, 24), 0),  # the candidate did not say
])
def test_hours_overlap(offered, wanted, points):
    result = comp.availability.score(cand(hours_min=offered[0], hours_max=offered[1]),
                               vac(hours_min=wanted[0], hours_max=wanted[1]))
    assert result.points == points


@pytest.mark.parametrize(("available", "points"), [
    (date(2026, 2, 1), 100), (date(2026, 3, 1), 100), (date(2026, 3, 31), 50),
    (date(2026, 5, 1), 0), (None, 0)])
def test_start_date(available, points):
    result = comp.availability.score(cand(available_from=available), vac(start_date=date(2026, 3, 1)))
    assert result.points == points


def test_availability_averages_hours_and_start():
    result = comp.availability.score(
        cand(hours_min=20, hours_max=24, available_from=date(2026, 5, 1)),
        vac(hours_min=24, hours_max=24, start_date=date(2026, 3, 1)))
    assert result.points == 50


def test_availability_does_not_apply_without_hours_or_start():
    assert not comp.availability.score(cand(hours_min=20), vac()).applies


# --- travel: distance and time by the fastest means the candidate has


def test_travel_by_bike_about_half_an_hour():
    result = comp.travel.score(cand(place=UTRECHT, transport=frozenset({"bike", "walking"})),
                         vac(place=ZEIST))
    assert 7 < result.facts["km"] < 8.5
    assert result.facts["means"] == "bike"
    assert result.facts["minutes"] == int(result.facts["km"] * 60 / 15)
    assert result.points == (90 - result.facts["minutes"]) * 100 // 75


def test_travel_uses_the_fastest_means():
    result = comp.travel.score(cand(place=UTRECHT, transport=frozenset({"bike", "car"})),
                         vac(place=AMSTERDAM))
    assert result.facts["means"] == "car" and result.facts["minutes"] == 42


def test_travel_close_by_gets_all_points_far_away_none():
    assert comp.travel.score(cand(place=UTRECHT), vac(place=UTRECHT)).points == 100
    walking = comp.travel.score(cand(place=UTRECHT, transport=frozenset({"walking"})),
                          vac(place=AMSTERDAM))
    assert walking.points == 0 and not walking.excluded


def test_travel_without_transport_assumes_public_transport_and_names_no_means():
    result = comp.travel.score(cand(place=UTRECHT), vac(place=ZEIST))
    assert result.facts["means"] is None
    assert result.facts["minutes"] == int(result.facts["km"] * 60 / 30)


def test_travel_beyond_the_candidates_own_maximum_excludes():
    assert comp.travel.score(cand(place=UTRECHT, max_travel_km=30), vac(place=AMSTERDAM)).excluded
    assert not comp.travel.score(cand(place=UTRECHT, max_travel_km=40), vac(place=AMSTERDAM)).excluded


def test_travel_unknown_place():
    assert not comp.travel.score(cand(place=UTRECHT), vac()).applies
    unknown = comp.travel.score(cand(max_travel_km=1), vac(place=ZEIST))
    assert unknown.applies and unknown.points == 0 and not unknown.excluded


# --- driving licence: a hard requirement


@pytest.mark.parametrize(("held", "required", "excluded"), [
    ({"B"}, "B", False), ({"CE"}, "B", False), ({"C"}, "C", False), ({"B"}, "C", True),
    (set(), "B", True), ({"B"}, "AM", False), ({"A"}, "B", True)])
def test_driving_licence(held, required, excluded):
    result = comp.driving_licence.score(cand(driving_licences=frozenset(held)),
                                  vac(driving_licence=required))
    assert result.excluded is excluded
    assert result.points == (0 if excluded else 100)


def test_no_licence_needed_does_not_apply():
    assert not comp.driving_licence.score(cand(), vac()).applies


# --- languages: graded by level, never excluding


def test_languages_average_of_the_required_languages():
    result = comp.languages.score(cand(languages={"nl": "good", "en": "basic"}),
                            vac(languages=("nl", "en", "ar")))
    assert result.points == (100 + 25 + 0) // 3
    assert result.facts["spoken"] == [("nl", "good"), ("en", "basic")]
    assert not result.excluded


def test_languages_not_required_does_not_apply():
    assert not comp.languages.score(cand(languages={"nl": "good"}), vac()).applies


# --- physical work: "cannot" excludes, "can" counts, unanswered gives nothing


def test_physical_cannot_excludes():
    result = comp.physical.score(cand(physical={"lifting": False, "standing": True}),
                           vac(physical_demands=("lifting", "standing")))
    assert result.excluded


def test_physical_can_counts_and_unanswered_gives_no_points():
    result = comp.physical.score(cand(physical={"lifting": True, "standing": None}),
                           vac(physical_demands=("lifting", "standing")))
    assert (result.points, result.excluded, result.facts["can"]) == (50, False, ["lifting"])


# --- the score


def test_score_is_the_weighted_average_over_applying_components():
    c = cand(occupation_codes=frozenset({"5120"}), sector_ids=frozenset({3}), place=UTRECHT)
    v = vac(sector_id=3, place=UTRECHT, skills=("koken",))
    result = match(c, v, Weights.defaults())
    # occupation 5×100 + sector 2×100 + travel 3×100 + skills 2×0, over 5+2+3+2
    assert (result.num, result.den, result.percent) == (1000, 1200, 83)
    assert result.suggested


def test_weight_zero_leaves_a_component_out():
    weights = Weights({**Weights.defaults().values, "skills": 0})
    result = match(cand(occupation_codes=frozenset({"5120"})), vac(skills=("koken",)), weights)
    assert result.percent == 100


def test_not_suggested_without_a_related_occupation_or_sector():
    unrelated = match(cand(occupation_codes=frozenset({"9412"}), place=UTRECHT),
                      vac(place=UTRECHT), Weights.defaults())
    assert not unrelated.relevant and not unrelated.suggested
    by_sector = match(cand(sector_ids=frozenset({3})), vac(sector_id=3), Weights.defaults())
    assert by_sector.suggested


@pytest.mark.parametrize(("wish", "suggested"), [
    ("5120", True), ("5129", True), ("5131", True),  # same unit, minor, sub-major group
    ("5223", False),  # only the major group: scores, but is no reason to suggest
])
def test_a_related_occupation_is_at_least_the_same_sub_major_group(wish, suggested):
    result = match(cand(occupation_codes=frozenset({wish})), vac(occupation_code="5120"),
                   Weights.defaults())
    assert result.suggested is suggested
    with_sector = match(cand(occupation_codes=frozenset({wish}), sector_ids=frozenset({3})),
                        vac(occupation_code="5120", sector_id=3), Weights.defaults())
    assert with_sector.suggested and with_sector.component("occupation").points > 0


def test_any_hard_requirement_excludes_the_pair():
    result = match(cand(occupation_codes=frozenset({"5120"})), vac(driving_licence="B"),
                   Weights.defaults())
    assert result.excluded and not result.suggested
