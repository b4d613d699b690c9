"""The suggestion pages: who may open which, and what each shows (SPEC §4, §7)."""

import pytest
from django.urls import reverse

from matching.models import SuggestionFeedback
from privacy.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def get(verified_client, user, name, *args):
    return verified_client(user).get(reverse(name, args=args))


# --- the jobseeker


def test_jobseeker_sees_own_municipalitys_published_vacancies_with_explanations(
        verified_client, world):
    response = get(verified_client, world["jobseeker"], "matching:jobseeker_suggestions")
    assert response.status_code == 200
    titles = [s.vacancy.title for s in response.context["suggestions"]]
    assert titles == ["Kok in de keuken"]  # not the draft, not Rotterdam's
    html = response.content.decode()
    assert "Dit is het beroep dat u zoekt: Koks." in html
    assert "U noemt in uw profiel wat de werkgever vraagt: koken." in html
    assert "U beslist zelf" in html


def test_jobseeker_gives_feedback(verified_client, world):
    client = verified_client(world["jobseeker"])
    vacancy = world["v_own"]
    url = reverse("matching:jobseeker_feedback", args=[vacancy.pk])
    prefix = f"v{vacancy.pk}"
    response = client.post(url, {f"{prefix}-verdict": "does_not_fit",
                                 f"{prefix}-reason": "too_far"})
    assert response.status_code == 302 and response.url.endswith(f"#vacature-{vacancy.pk}")
    feedback = SuggestionFeedback.objects.get()
    assert (feedback.candidate, feedback.vacancy, feedback.verdict, feedback.reason) == (
        world["mine"], vacancy, "does_not_fit", "too_far")
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED, actor=world["jobseeker"],
                                     target_type="matching.suggestionfeedback").exists()
    # Giving it again replaces it.
    client.post(url, {f"{prefix}-verdict": "helps", f"{prefix}-reason": "too_far"})
    feedback.refresh_from_db()
    assert (feedback.verdict, feedback.reason) == ("helps", "")
    page = client.get(reverse("matching:jobseeker_suggestions")).content.decode()
    assert "Uw reactie:" in page and "Deze suggestie helpt mij" in page


def test_feedback_without_a_reason_is_refused_in_dutch_and_nothing_is_saved(
        verified_client, world):
    vacancy = world["v_own"]
    response = verified_client(world["jobseeker"]).post(
        reverse("matching:jobseeker_feedback", args=[vacancy.pk]),
        {f"v{vacancy.pk}-verdict": "does_not_fit"})
    assert response.status_code == 400
    assert "Kies waarom deze vacature niet bij u past." in response.content.decode()
    assert not SuggestionFeedback.objects.exists()


@pytest.mark.parametrize("key", ["v_other", "v_draft"])
def test_feedback_on_a_vacancy_the_jobseeker_cannot_see_is_404(verified_client, world, key):
    vacancy = world[key]
    response = verified_client(world["jobseeker"]).post(
        reverse("matching:jobseeker_feedback", args=[vacancy.pk]),
        {f"v{vacancy.pk}-verdict": "helps"})
    assert response.status_code == 404
    assert not SuggestionFeedback.objects.exists()


def test_feedback_only_by_post(verified_client, world):
    response = get(verified_client, world["jobseeker"], "matching:jobseeker_feedback",
                   world["v_own"].pk)
    assert response.status_code == 405


def test_jobseeker_without_wishes_is_told_what_helps(verified_client, world):
    world["mine"].profile.preferred_occupations.clear()
    response = get(verified_client, world["jobseeker"], "matching:jobseeker_suggestions")
    assert "Schrijf in uw profiel welk beroep u zoekt" in response.content.decode()


# --- the coach


def test_coach_sees_the_same_list_and_that_the_system_only_advises(verified_client, world):
    world["mine"].responsible_coach = world["coach"]
    world["mine"].save()
    SuggestionFeedback.objects.create(candidate=world["mine"], vacancy=world["v_own"],
                                      verdict="does_not_fit", reason="hours")
    index = get(verified_client, world["coach"], "matching:coach_index")
    assert world["mine"].full_name in index.content.decode()
    response = get(verified_client, world["coach"], "matching:coach_suggestions",
                   world["mine"].pk)
    html = response.content.decode()
    assert response.status_code == 200
    assert "het systeem geeft alleen advies" in html
    assert "Dit is het beroep dat de kandidaat zoekt: Koks." in html
    assert "De uren of de startdatum passen niet" in html  # the jobseeker's feedback
    assert AuditEvent.objects.filter(action=AuditAction.PROFILE_VIEWED, actor=world["coach"],
                                     target_id=str(world["mine"].pk)).exists()


def test_coach_of_another_municipality_gets_404(verified_client, world):
    response = get(verified_client, world["other_coach"], "matching:coach_suggestions",
                   world["mine"].pk)
    assert response.status_code == 404


# --- account manager and employer


def test_account_manager_sees_own_municipality_and_shared_others(verified_client, world):
    response = get(verified_client, world["account_manager"],
                   "matching:account_manager_candidates", world["v_own"].pk)
    shown = {s.candidate.pk for s in response.context["suggestions"]}
    assert shown == {world["mine"].pk, world["not_shared"].pk, world["other_shared"].pk}
    employer_view = {s.candidate.pk for s in response.context["suggestions"] if s.as_employer}
    assert employer_view == {world["other_shared"].pk}


def test_account_manager_cannot_open_another_municipalitys_vacancy(verified_client, world):
    response = get(verified_client, world["account_manager"],
                   "matching:account_manager_candidates", world["v_other"].pk)
    assert response.status_code == 404


def test_employer_sees_only_candidates_it_may_see_with_allowed_fields(verified_client, world):
    response = get(verified_client, world["employer"], "matching:employer_candidates",
                   world["v_own"].pk)
    assert response.status_code == 200
    shown = {s.candidate.pk for s in response.context["suggestions"]}
    assert shown == {world["mine"].pk, world["other_shared"].pk}
    html = response.content.decode()
    mine = world["mine"]
    for secret in ("KLANT-4711", mine.email, "3511AB", "0612345678", mine.client_number):
        assert secret not in html
    assert "Het profiel noemt wat de werkgever vraagt: koken." in html
    assert AuditEvent.objects.filter(
        action=AuditAction.SEARCH, actor=world["employer"],
        data__filters__suggestions_for_vacancy=world["v_own"].pk).exists()


def test_employer_cannot_open_another_employers_vacancy(verified_client, world):
    response = get(verified_client, world["employer"], "matching:employer_candidates",
                   world["v_other"].pk)
    assert response.status_code == 404


def test_employer_index_lists_only_own_vacancies(verified_client, world):
    response = get(verified_client, world["employer"], "matching:employer_index")
    titles = {v.title for v in response.context["page"].object_list}
    assert titles == {"Kok in de keuken", "Kok (concept)"}


# --- wrong roles


@pytest.mark.parametrize(("role", "name", "arg"), [
    ("coach", "matching:jobseeker_suggestions", None),
    ("employer", "matching:jobseeker_suggestions", None),
    ("jobseeker", "matching:coach_index", None),
    ("jobseeker", "matching:coach_suggestions", "mine"),
    ("employer", "matching:coach_suggestions", "mine"),
    ("team_lead", "matching:account_manager_candidates", "v_own"),
    ("employer", "matching:account_manager_candidates", "v_own"),
    ("account_manager", "matching:employer_candidates", "v_own"),
    ("jobseeker", "matching:employer_candidates", "v_own"),
    ("jobseeker", "matching:account_manager_index", None),
    ("coach", "matching:employer_index", None),
    ("coach", "matching:fairness", None),
    ("employer", "matching:fairness", None),
    ("team_lead", "matching:weights", None),
    ("account_manager", "matching:weights", None),
])
def test_wrong_role_is_forbidden(verified_client, world, role, name, arg):
    args = [world[arg].pk] if arg else []
    assert get(verified_client, world[role], name, *args).status_code == 403


def test_anonymous_goes_to_login(client, world):
    response = client.get(reverse("matching:jobseeker_suggestions"))
    assert response.status_code == 302 and "/account/login/" in response.url


def test_feedback_can_be_erased_with_what_the_jobseeker_entered(world):
    from matching.services import suggestion_feedback_erase

    SuggestionFeedback.objects.create(candidate=world["mine"], vacancy=world["v_own"],
                                      verdict="helps")
    SuggestionFeedback.objects.create(candidate=world["other_shared"], vacancy=world["v_own"],
                                      verdict="helps")
    assert suggestion_feedback_erase(candidate=world["mine"]) == 1
    assert list(SuggestionFeedback.objects.values_list("candidate", flat=True)) == [
        world["other_shared"].pk]
