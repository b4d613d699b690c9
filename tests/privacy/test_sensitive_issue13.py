"""The detector after issue 13: origin said indirectly is found, workplaces are not taken for
a criminal record or a faith, and the held-out set (written before the change, never tuned
on) scores at least 0.95 overall on precision and recall."""

import pytest

from privacy.sensitive import Category, scan_text
from privacy.sensitive.evaluation import HOLDOUT_ISSUE13_PATH, evaluate, load_examples


def categories(text: str) -> set[str]:
    return {finding.category.value for finding in scan_text(text)}


@pytest.mark.parametrize("text", [
    "Mijn ouders komen uit Turkije.", "Ik ben van Poolse komaf.",
    "Ik kwam als vluchteling naar Nederland.", "Ik ben gevlucht uit Iran.",
    "My parents are from Morocco.", "Mijn vader is Turks.",
])
def test_origin_said_indirectly_is_found(text):
    assert Category.ETHNICITY.value in categories(text)


@pytest.mark.parametrize("text", [
    "Ik heb als beveiliger in de gevangenis gewerkt.", "Ik liep stage bij de reclassering.",
    "Als schilder heb ik een kerk geverfd.", "I cleaned a church every week.",
    "Ik spreek Turks en Arabisch.", "Mijn ouders komen uit Groningen.",
    "Ik werkte als tolk voor vluchtelingen.",
])
def test_work_and_languages_are_not_flagged(text):
    assert categories(text) == set()


@pytest.mark.parametrize("text", [
    "Ik heb in de gevangenis gezeten.", "Ik zat in de gevangenis en werk nu als kok.",
    "Ik ga elke vrijdag naar de moskee.",
])
def test_the_person_in_the_place_is_still_found(text):
    assert categories(text) & {Category.CRIMINAL_RECORD.value, Category.RELIGION.value}


def test_the_issue_13_held_out_set_scores_at_least_095_overall():
    _per_category, overall, _mistakes = evaluate(load_examples(HOLDOUT_ISSUE13_PATH))
    assert len(load_examples(HOLDOUT_ISSUE13_PATH)) >= 150
    assert overall.precision >= 0.95 and overall.recall >= 0.95, overall
