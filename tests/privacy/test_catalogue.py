"""The field catalogue is complete, consistent, and says what the DPIA demands."""

import datetime

import pytest
from django.apps import apps
from django.template.loader import render_to_string
from django.utils import translation

from candidates.models import Course, Education, LanguageSkill, WorkExperience
from candidates.physical import PHYSICAL_ITEMS, physical_field_name
from candidates.presenters import employer_list_rows, employer_profile_view
from hallowerk.models import Occupation, Place, Sector
from hallowerk.roles import Role
from privacy.catalogue import (
    CATALOGUE,
    NOT_PERSONAL_DATA,
    NOT_PERSONAL_DATA_MODELS,
    ORGANISATION_MODELS,
    PERSONAL_DATA_MODELS,
    Category,
    EmployerVisibility,
    field_spec,
)
from tests.factories import ProfileFactory, UserFactory

E = EmployerVisibility
CANDIDATE = "candidates.Candidate"
PROFILE = "candidates.Profile"


def model_fields(label):
    model = apps.get_model(label)
    return [f.name for f in (*model._meta.concrete_fields, *model._meta.many_to_many)]


@pytest.mark.parametrize("model", apps.get_models(), ids=lambda model: model._meta.label)
def test_every_installed_model_is_declared_or_says_why_it_holds_no_personal_data(model):
    """Third-party apps included: a new model (or a new app) fails here until someone
    decides (issue 13)."""
    label = model._meta.label
    assert (label in PERSONAL_DATA_MODELS) != (label in NOT_PERSONAL_DATA_MODELS), (
        f"{label} is installed but not in privacy/catalogue.py: declare each of its fields "
        "(PERSONAL_DATA_MODELS) or list it in NOT_PERSONAL_DATA_MODELS with the reason.")


def test_the_lock_out_tables_declared_empty_are_switched_off(settings):
    assert settings.AXES_DISABLE_ACCESS_LOG is True
    assert settings.AXES_ENABLE_ACCESS_FAILURE_LOG is False
    assert "switched off" in NOT_PERSONAL_DATA_MODELS["axes.AccessLog"]


@pytest.mark.parametrize("label", PERSONAL_DATA_MODELS)
def test_every_field_of_a_personal_data_model_is_declared(label):
    declared = {spec.field for spec in CATALOGUE if spec.model == label}
    exempt = {field for model, field in NOT_PERSONAL_DATA if model == label}
    missing = [f for f in model_fields(label) if f not in declared | exempt]
    assert not missing, (
        f"{label} has fields that are not in privacy/catalogue.py: {missing}. Declare each "
        "(label, category, who fills it, who sees it, employer visibility, purpose, retention) "
        "or, if it is not personal data, add it to NOT_PERSONAL_DATA with the reason.")


def test_catalogue_and_allow_list_name_only_existing_fields_once():
    keys = [spec.key for spec in CATALOGUE]
    assert len(keys) == len(set(keys)), "a field is declared twice"
    for model, field in [*keys, *NOT_PERSONAL_DATA]:
        assert model in PERSONAL_DATA_MODELS, model
        assert field in model_fields(model), f"{model}.{field} does not exist (stale entry)"
    assert not set(keys) & set(NOT_PERSONAL_DATA), "declared and exempt at the same time"
    assert all(NOT_PERSONAL_DATA.values()), "every exemption needs a reason"


@pytest.mark.parametrize("label", NOT_PERSONAL_DATA_MODELS)
def test_a_model_without_personal_data_says_why_and_points_at_nobody(label):
    assert NOT_PERSONAL_DATA_MODELS[label], "every exemption needs a reason"
    assert label not in PERSONAL_DATA_MODELS, "declared and exempt at the same time"
    model = apps.get_model(label)
    # An organisation (municipality, employer) is not a person; its contact persons are
    # declared field by field, so a record that points at one holds no personal data.
    people = {apps.get_model(m) for m in PERSONAL_DATA_MODELS if m not in ORGANISATION_MODELS}
    links = [f.name for f in model._meta.concrete_fields
             if f.is_relation and f.related_model in people]
    assert not links, f"{label} links to personal data ({links}): declare it instead"


def test_every_declaration_is_complete_and_consistent():
    for spec in CATALOGUE:
        assert spec.label_nl and spec.label_en and spec.purpose_nl and spec.purpose_en, spec
        assert (Role.EMPLOYER in spec.visible_to) == (spec.employer != E.NEVER), spec
        assert spec.visible_to <= set(Role.values), spec


def test_client_number_never_reaches_employers():
    assert field_spec(CANDIDATE, "client_number").employer == E.NEVER


def test_target_groups_reach_employers_only_as_doelgroepregister_yes_no():
    target_group = [s for s in CATALOGUE if s.category == Category.TARGET_GROUP]
    assert {s.field for s in target_group} == {"tg_banenafspraak", "tg_praktijkroute", "tg_bbl",
                                               "tg_tozo"}
    banenafspraak = field_spec(CANDIDATE, "tg_banenafspraak")
    assert banenafspraak.employer == E.YES_NO
    assert banenafspraak.employer_label_nl == "In doelgroepregister"
    assert all(s.employer == E.NEVER for s in target_group if s is not banenafspraak)


def test_physical_items_only_as_yes_no_and_nothing_else_health_related_is_shown():
    for code, _nl, _en in PHYSICAL_ITEMS:
        assert field_spec(PROFILE, physical_field_name(code)).employer == E.YES_NO
    health = [s for s in CATALOGUE if s.category == Category.HEALTH_RELATED]
    assert all(s.employer in (E.YES_NO, E.NEVER) for s in health)


@pytest.mark.parametrize("field", ["gender", "date_of_birth", "postcode", "service_type",
                                   "hidden_reason", "end_reason"])
def test_intake_details_never_reach_employers(field):
    assert field_spec(CANDIDATE, field).employer == E.NEVER


@pytest.mark.parametrize("field", ["email", "phone"])
def test_contact_details_only_when_directly_approachable(field):
    assert field_spec(CANDIDATE, field).employer == E.WHEN_APPROACHABLE


# --- the employer's view is built from the catalogue


@pytest.fixture
def full_profile(db):
    profile = ProfileFactory(
        candidate__client_number="KLANT-98765", candidate__gender="female",
        candidate__date_of_birth=datetime.date(1987, 3, 14), candidate__postcode="3511AB",
        candidate__phone="0612345678", candidate__email="sanne@example.nl",
        candidate__tg_banenafspraak=True, candidate__tg_praktijkroute=True,
        candidate__tg_bbl=True, candidate__tg_tozo=True,
        candidate__hidden_reason="", candidate__shared_with_employers=True,
        competences=["Geduldig"], professional_skills=["Heftruck rijden"],
        driving_licences=["B"], transport=["bike", "public_transport"],
        social_links=["https://www.linkedin.com/in/voorbeeld"],
        physical_lifting=False, physical_standing=True,
        place_of_residence=Place.objects.create(geonames_id=1, name="Utrechtse Heuvel",
                                                latitude=52.09, longitude=5.12),
    )
    occupation, _ = Occupation.objects.get_or_create(
        isco_code="9412", defaults={"label_nl": "Keukenhulp", "label_en": "Kitchen helper"})
    sector, _ = Sector.objects.get_or_create(code="horeca", defaults={
        "label_nl": "Horeca", "label_en": "Hospitality"})
    profile.preferred_occupations.add(occupation)
    profile.sectors.add(sector)
    WorkExperience.objects.create(profile=profile, job_title="Afwasser",
                                  employer_name="Restaurant De Gouden Lepel",
                                  start_date=datetime.date(2019, 3, 1))
    Education.objects.create(profile=profile, name="Koken", level="mbo_2", completed=True)
    Course.objects.create(profile=profile, name="Hygiënecode", year=2022)
    LanguageSkill.objects.create(profile=profile, language="nl", level="good")
    return profile


def flat(sections):
    return {(item.label, str(item.value)) for s in sections for item in s.items} | {
        (item.label, f"{label}={value}") for s in sections for item in s.items
        for label, value in item.details}


def employer():
    return UserFactory(employer_user=True)


def test_employer_view_leaves_out_what_employers_may_not_see(full_profile):
    candidate = full_profile.candidate
    with translation.override("nl"):
        sections = employer_profile_view(candidate, employer())
        html = render_to_string("candidates/includes/employer_view.html", {"sections": sections})
    for secret in ["KLANT-98765", "1987", "3511", "Vrouw", "Praktijkroute", "BBL", "TOZO",
                   "Banenafspraak", "sanne@example.nl", "0612345678", "Zelfservice", "Samen"]:
        assert secret not in html, secret
    facts = flat(sections)
    assert ("In doelgroepregister", "Ja") in facts
    assert ("Tillen (tot 15 kilo)", "Nee") in facts and ("Lang staan", "Ja") in facts
    assert not any(label == "Bukken" for label, _v in facts), "unanswered item is left out"
    assert ("Direct benaderbaar", "Nee") in facts
    assert "Afwasser" in html and "Restaurant De Gouden Lepel" in html
    assert "Keukenhulp" in html and "Horeca" in html and "Hygiënecode" in html
    assert "Utrechtse Heuvel" in html and "Heftruck rijden" in html
    assert "contactverzoek" in html


def test_employer_view_shows_contact_details_only_when_directly_approachable(full_profile):
    candidate = full_profile.candidate
    candidate.directly_approachable = True
    candidate.save()
    with translation.override("nl"):
        html = render_to_string("candidates/includes/employer_view.html",
                                {"sections": employer_profile_view(candidate, employer())})
    assert "sanne@example.nl" in html and "0612345678" in html
    assert "KLANT-98765" not in html and "3511" not in html


def test_employer_view_takes_english_labels_from_the_catalogue(full_profile):
    with translation.override("en"):
        facts = flat(employer_profile_view(full_profile.candidate, employer()))
    assert any(label == "In target-group register" for label, _v in facts)
    assert any(label == "Lifting (up to 15 kilos)" for label, _v in facts)


def test_the_jobseeker_previews_only_their_own_employer_view(full_profile):
    candidate = full_profile.candidate
    assert employer_profile_view(candidate, candidate.user)
    from django.core.exceptions import PermissionDenied

    for viewer in (UserFactory(role=Role.JOBSEEKER), UserFactory(role=Role.TEAM_LEAD),
                   UserFactory(role=Role.ADMINISTRATOR)):
        with pytest.raises(PermissionDenied):
            employer_profile_view(candidate, viewer)


def test_list_rows_show_only_employer_visible_fields(full_profile):
    with translation.override("nl"):
        (row,) = employer_list_rows([full_profile.candidate])
    labels = {item.label for item in row.items}
    assert labels <= {field_spec(PROFILE, f).employer_label("nl") for f in (
        "place_of_residence", "preferred_occupations", "kind_of_work", "available_from",
        "hours_per_week_max")}
    assert "Woonplaats" in labels


def test_employer_view_renders_in_english_with_the_app_catalogue(full_profile):
    import subprocess
    import sys

    from django.utils.translation import trans_real

    subprocess.run([sys.executable, "scripts/compile_messages.py"], check=True)
    trans_real._translations = {}
    with translation.override("en"):
        sections = employer_profile_view(full_profile.candidate, employer())
        html = render_to_string("candidates/includes/employer_view.html", {"sections": sections})
    assert "Physical work" in html and "Target-group register" in html
    assert ("In target-group register", "Yes") in flat(sections)
    assert "Good" in html, "language level through its context"
