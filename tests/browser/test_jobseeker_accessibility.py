"""axe-core: zero WCAG 2.1 A/AA violations on every jobseeker page, in Dutch and in English."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from candidates.models import (
    Course,
    Education,
    LanguageSkill,
    Profile,
    VacancyResponse,
    WorkExperience,
)
from candidates.services_messaging import message_send, thread_open
from hallowerk.roles import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.candidates.jobseeker_helpers import jobseeker, occupation, place
from tests.factories import EmployerFactory, UserFactory, VacancyFactory

STEPS = ["woonplaats-en-reizen", "over-mij", "werk-dat-past", "beroepen", "beschikbaarheid",
         "werkervaring", "opleidingen", "cursussen", "talen", "lichamelijk-werk", "foto-en-cv",
         "meer-over-mij"]


@pytest.fixture
def filled(site):
    """A jobseeker with something on every page: entries, a vacancy, a response, a thread."""
    candidate = jobseeker(tg_banenafspraak=True, shared_with_employers=True)
    profile = Profile.objects.get(candidate=candidate)
    profile.place_of_residence = place("Utrecht")
    profile.kind_of_work = "Werk in de keuken"
    profile.competences = ["Geduldig"]
    profile.physical_lifting = True
    profile.save()
    profile.preferred_occupations.add(occupation())
    WorkExperience.objects.create(profile=profile, job_title="Afwasser",
                                  start_date=datetime.date(2019, 1, 1))
    Education.objects.create(profile=profile, name="Koken", level="mbo_2")
    Course.objects.create(profile=profile, name="Hygiënecode", year=2022)
    LanguageSkill.objects.create(profile=profile, language="nl", level="good")
    employer = EmployerFactory(municipality=candidate.municipality)
    vacancy = VacancyFactory(employer=employer, municipality=candidate.municipality,
                             title="Keukenhulp", status="published", published_at=timezone.now(),
                             hours_per_week_min=16, hours_per_week_max=32)
    VacancyResponse.objects.create(candidate=candidate, vacancy=vacancy, message="Graag")
    coach = UserFactory(role=Role.COACH, municipality=candidate.municipality)
    thread = thread_open(by=coach, candidate=candidate)
    message_send(by=coach, thread=thread, body="Welkom bij HalloWerk!")
    return candidate, vacancy, thread


def pages(candidate, vacancy, thread):
    entry = WorkExperience.objects.get(profile__candidate=candidate)
    return [
        "/mijn/", "/mijn/profiel/", *[f"/mijn/profiel/{slug}/" for slug in STEPS],
        "/mijn/profiel/beroepen/?zoek=kok",
        "/mijn/profiel/werkervaring/nieuw/", f"/mijn/profiel/werkervaring/{entry.pk}/",
        f"/mijn/profiel/werkervaring/{entry.pk}/verwijderen/",
        "/mijn/profiel/opleidingen/nieuw/", "/mijn/profiel/cursussen/nieuw/",
        "/mijn/profiel/talen/nieuw/",
        "/mijn/delen/", "/mijn/delen/voorbeeld/", "/mijn/gegevens-gemeente/",
        "/mijn/vacatures/", "/mijn/vacatures/?q=keuken&hours=20",
        f"/mijn/vacatures/{vacancy.pk}/", "/mijn/reacties/",
        "/berichten/", f"/berichten/{thread.pk}/",
        "/mijn/gegevens-wissen/", "/mijn/stoppen/",
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_jobseeker_page_has_no_violations(page, site, filled, language):
    candidate, vacancy, thread = filled
    log_in(page, site, candidate.user)
    if language == "en":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    for url in pages(candidate, vacancy, thread):
        page.goto(site + url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
    # States that only show after input: errors, a sensitive-data warning, a pending request.
    page.goto(f"{site}/mijn/profiel/beschikbaarheid/")
    page.locator("#id_available_from").fill("99-99-9999")
    page.locator("button[name=go][value=stay]").click()
    expect(page.locator(".utrecht-form-field-error-message")).to_have_count(1)
    assert_accessible(page)
    page.goto(f"{site}/mijn/profiel/over-mij/")
    page.locator("#id_personal_description").fill("Ik heb reuma en ben katholiek.")
    page.locator("button[name=go][value=stay]").click()
    expect(page.locator("mark")).to_have_count(2)
    assert_accessible(page)
    page.goto(f"{site}/mijn/stoppen/")
    page.locator("form.hw-form button[type=submit]").click()
    expect(page.locator(".utrecht-alert--info")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{site}/mijn/")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_coach_review_list_has_no_violations(page, site, language):
    from candidates.sensitive_reviews import sensitive_review_create

    candidate = jobseeker()
    Profile.objects.filter(candidate=candidate).update(free_text="Ik ben lid van de FNV.")
    sensitive_review_create(by=candidate.user, candidate=candidate, field="free_text",
                            categories=["union"])
    coach = UserFactory(role=Role.COACH, municipality=candidate.municipality,
                        with_totp_device=True)
    log_in(page, site, coach)
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.goto(f"{site}/werkmatcher/gevoelige-gegevens/")
    expect(page.locator("mark")).to_have_count(1)
    assert_accessible(page)
