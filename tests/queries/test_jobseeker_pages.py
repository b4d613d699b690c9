"""The jobseeker's list and detail pages cost a fixed number of queries (conftest.py)."""

import pytest
from django.urls import reverse

from candidates.choices import Language
from candidates.models import Course, Education, LanguageSkill
from candidates.services_messaging import message_send, thread_open, vacancy_response_create
from privacy.audit import audit_profile_viewed
from tests.candidates.jobseeker_helpers import coach_of, jobseeker, occupation, published_vacancy
from tests.factories import UserFactory

from .conftest import add_experiences, assert_pinned

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate():
    return jobseeker()


@pytest.fixture
def client(verified_client, candidate):
    return verified_client(candidate.user)


def _vacancies(candidate, n):
    return [published_vacancy(candidate.municipality, title=f"Kok nummer {i}")
            for i in range(n)]


def test_inbox(client, candidate):
    def add(n):
        names = []
        for _ in range(n):
            coach = coach_of(candidate)
            message_send(by=coach, thread=thread_open(by=coach, candidate=candidate),
                         body="Hallo")
            names.append(coach.get_full_name())
        return names

    assert_pinned(client, reverse("candidates:inbox"), add, 5)


def test_thread(client, candidate):
    coach = coach_of(candidate)
    thread = thread_open(by=coach, candidate=candidate)

    def add(n):
        start = thread.messages.count()
        bodies = [f"Bericht nummer {start + i}" for i in range(n)]
        for body in bodies:
            message_send(by=coach, thread=thread, body=body)
        return bodies

    assert_pinned(client, reverse("candidates:thread", args=[thread.pk]), add, 9)


def test_vacancy_list(client, candidate):
    def add(n):
        return [vacancy.title for vacancy in _vacancies(candidate, n)]

    assert_pinned(client, reverse("candidates:jobseeker_vacancies"), add, 11)


def test_responses(client, candidate):
    def add(n):
        vacancies = _vacancies(candidate, n)
        for vacancy in vacancies:
            vacancy_response_create(by=candidate.user, vacancy=vacancy)
        return [vacancy.title for vacancy in vacancies]

    assert_pinned(client, reverse("candidates:jobseeker_responses"), add, 6)


def test_vacancy_detail(client, candidate):
    vacancy = _vacancies(candidate, 1)[0]

    def add(n):  # other vacancies: the page shows one
        _vacancies(candidate, n)
        return [vacancy.title]

    assert_pinned(client, reverse("candidates:jobseeker_vacancy", args=[vacancy.pk]), add, 7)


def test_who_viewed(client, candidate):
    def add(n):
        viewers = [UserFactory(employer_user=True, municipality=candidate.municipality,
                               employer__municipality=candidate.municipality)
                   for _ in range(n)]
        for viewer in viewers:
            audit_profile_viewed(viewer=viewer, candidate=candidate)
        return [viewer.employer.name for viewer in viewers]

    assert_pinned(client, reverse("privacy:who_viewed"), add, 7)


def test_profile_overview(client, candidate):
    assert_pinned(client, reverse("candidates:jobseeker_profile"),
                  add_experiences(candidate, listed=False), 6)


def test_work_experience_step(client, candidate):
    assert_pinned(client, reverse("candidates:jobseeker_step", args=["werkervaring"]),
                  add_experiences(candidate), 7)


def test_my_data(client, candidate):
    assert_pinned(client, reverse("privacy:my_data"), add_experiences(candidate, listed=False),
                  9)


def test_recorded(client, candidate):
    assert_pinned(client, reverse("candidates:jobseeker_recorded"),
                  add_experiences(candidate, listed=False), 5)


def test_sharing(client, candidate):
    assert_pinned(client, reverse("candidates:jobseeker_sharing"),
                  add_experiences(candidate, listed=False), 7)


def _add_entries(candidate, make):
    """Rows for a profile step with a list: `make(profile, number)` creates one and returns
    the text it shows."""
    def add(n):
        profile = candidate.profile
        start = len(shown)
        shown.extend(make(profile, start + i) for i in range(n))
        return shown[start:]

    shown: list[str] = []
    return add


def _education(profile, number):
    return Education.objects.create(profile=profile, name=f"Opleiding {number}").name


def _course(profile, number):
    return Course.objects.create(profile=profile, name=f"Cursus {number}").name


def _language(profile, number):
    language = list(Language)[number]
    LanguageSkill.objects.create(profile=profile, language=language, level="good")
    return str(language.label)


def _occupation(profile, number):
    chosen = occupation(code=f"9{number:03d}", nl=f"Beroep nummer {number}",
                        en=f"Occupation {number}")
    profile.preferred_occupations.add(chosen)
    return chosen.label_nl


@pytest.mark.parametrize(("slug", "make", "pinned"), [
    ("beroepen", _occupation, 7),
    ("opleidingen", _education, 7),
    ("cursussen", _course, 7),
    ("talen", _language, 7),
])
def test_entry_steps(client, candidate, slug, make, pinned):
    assert_pinned(client, reverse("candidates:jobseeker_step", args=[slug]),
                  _add_entries(candidate, make), pinned)


@pytest.mark.parametrize(("slug", "pinned"), [
    ("woonplaats-en-reizen", 6),
    ("over-mij", 6),
    ("werk-dat-past", 8),  # 9 -> 8: its sectors read once for the form and its edit base
    ("beschikbaarheid", 6),
    ("lichamelijk-werk", 6),
    ("foto-en-cv", 6),
    ("meer-over-mij", 6),
])
def test_form_steps(client, candidate, slug, pinned):
    """Steps with one form: they show no rows, but must not read more as the profile grows."""
    assert_pinned(client, reverse("candidates:jobseeker_step", args=[slug]),
                  add_experiences(candidate, listed=False), pinned)
