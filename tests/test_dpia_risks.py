"""SPEC §9: every open risk of the DPIA has a named test (issue 13: 11 of 11). This file is
the list; the test fails when a named test is renamed or removed, so the list stays true."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
DPIA_RISK_TESTS: dict[str, list[str]] = {
    "special categories of data shared through free text and uploads": [
        "candidates/test_jobseeker_sensitive.py::test_a_cv_with_a_bsn_is_refused_and_the_jobseeker_is_told_where",
        "candidates/test_held_for_review.py::test_confirmed_text_is_held_until_the_coach_has_looked",
        "browser/test_sensitive_publication.py::test_kept_sensitive_text_waits_for_the_coach_before_employers_see_it",
    ],
    "account managers see other municipalities' clients": [
        "candidates/test_visibility_matrix.py::test_lists_and_counts_hold_exactly_the_allowed_rows",
        "candidates/test_related_visibility.py::test_out_of_sight_the_employer_keeps_only_its_own_side",
    ],
    "terms of use and privacy statement mixed into one": [
        "privacy/test_statement.py::test_the_terms_stay_separate_versioned_and_include_the_right_to_be_forgotten",
    ],
    "transparency about what is processed": [
        "privacy/test_statement.py::test_every_catalogue_field_is_in_the_statement",
        "hallowerk/test_no_addresses_kept.py::test_every_table_is_free_of_addresses_and_user_agents_of_jobseekers_and_employers",
    ],
    "employers see other municipalities' clients by default": [
        "candidates/test_default_scope.py::test_a_new_dossier_shares_with_the_own_region_only_once_switched_on",
    ],
    "retention not automated": [
        "privacy/test_retention.py::test_a_destroyed_candidate_leaves_no_personal_data_in_any_catalogue_table_or_storage",
    ],
    "data quality: manual entry, no link with source systems": [
        "backoffice/test_intake_import.py::test_one_result_per_row_and_a_bad_row_never_half_imports",
        "candidates/test_profile_completeness.py::test_the_coach_list_filters_and_shows_the_stored_column",
    ],
    "target-group ticks not visible to the client": [
        "candidates/test_jobseeker_sharing.py::test_the_municipalitys_record_shows_everything_with_explanations",
    ],
    "change requests with privacy impact": [
        "privacy/test_catalogue.py::test_every_installed_model_is_declared_or_says_why_it_holds_no_personal_data",
        "candidates/test_related_visibility.py::test_every_model_with_a_key_to_candidate_declares_the_candidate_rule",
    ],
    "usage logging not explained to data subjects": [
        "privacy/test_statement.py::test_the_page_lists_fields_periods_logging_and_rights",
        "privacy/test_who_viewed.py::test_the_page_names_employers_by_organisation_and_staff_by_role_only",
    ],
    "right to be forgotten missing from the terms": [
        "privacy/test_statement.py::test_the_terms_stay_separate_versioned_and_include_the_right_to_be_forgotten",
        "privacy/test_erasure_leaves_no_words.py::test_no_word_the_jobseeker_typed_is_left_in_any_table",
    ],
}


def test_all_eleven_risks_of_spec_9_are_listed():
    assert len(DPIA_RISK_TESTS) == 11
    assert all(DPIA_RISK_TESTS.values())


@pytest.mark.parametrize("node", sorted({n for names in DPIA_RISK_TESTS.values() for n in names}))
def test_each_named_test_exists(node):
    path, name = node.split("::")
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names = {item.name for item in tree.body if isinstance(item, ast.FunctionDef)}
    assert name in names, f"{node} is named for a DPIA risk but does not exist"
