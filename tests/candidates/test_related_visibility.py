"""Data that hangs off a candidate follows the candidate's visibility (SPEC §4), by
declaration: every model with a foreign key to Candidate has `visible_to(user)` derived from
Candidate.objects.visible_to, and an employer keeps only its own side of a conversation once
the candidate is out of its sight."""

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate, EndReason, Message, Thread, VacancyResponse
from candidates.models.querysets import CandidateRelatedQuerySet
from candidates.selectors_messaging import threads_for
from candidates.services import (
    candidate_dossier_end,
    candidate_hide,
    candidate_set_inactive,
    candidate_share,
)
from candidates.services_messaging import message_send, thread_open
from employers.models import ShortlistEntry
from employers.selectors import shortlists_for
from employers.services_shortlists import shortlist_create, shortlist_entry_add
from hallowerk.roles import Role
from privacy.erasure import candidate_entered_data_erase, candidate_leave_request
from tests.factories import (
    CandidateFactory,
    EmployerFactory,
    ProfileFactory,
    UserFactory,
    VacancyFactory,
    municipality,
)

pytestmark = pytest.mark.django_db


def models_hanging_off_a_candidate():
    return sorted(
        (model for model in apps.get_models()
         if any(f.concrete and f.is_relation and f.related_model is Candidate
                for f in model._meta.get_fields())),
        key=lambda model: model._meta.label)


def test_the_enumeration_finds_the_known_related_models():
    labels = {model._meta.label for model in models_hanging_off_a_candidate()}
    assert {"candidates.Thread", "candidates.ContactRequest", "candidates.VacancyResponse",
            "employers.ShortlistEntry", "candidates.Profile"} <= labels


@pytest.mark.parametrize("model", models_hanging_off_a_candidate(),
                         ids=lambda model: model._meta.label)
def test_every_model_with_a_key_to_candidate_declares_the_candidate_rule(model):
    queryset = model._default_manager.all()
    assert isinstance(queryset, CandidateRelatedQuerySet), (
        f"{model._meta.label} hangs off a candidate: give it "
        "`objects = CandidateRelatedQuerySet.as_manager()` so it is visible exactly when its "
        "candidate is (candidates/models/querysets.py)")
    # The declared lookup leads to the candidate, and the rule is the candidate rule.
    outsider = UserFactory(role=Role.TEAM_LEAD)
    assert not queryset.visible_to(outsider).exists()
    assert '"candidates_candidate"' in str(queryset.visible_to(UserFactory(role=Role.COACH))
                                           .query)


def test_messages_derive_their_visibility_through_the_thread():
    assert isinstance(Message.objects.all(), CandidateRelatedQuerySet)
    assert Message.objects.all().candidate_lookup == "thread__candidate"


# --- an employer and a candidate in conversation; then the candidate goes out of sight ----

CANDIDATE_WORDS = "Ik kom graag langs op dinsdag"
EMPLOYER_WORDS = "Wilt u komen kennismaken?"


@pytest.fixture
def scene():
    """A Utrecht candidate sharing with all municipalities, approachable, talking with an
    employer invited by Rotterdam (another region); they responded to its vacancy and are on
    its shortlist."""
    coach = UserFactory(role=Role.COACH)
    candidate = CandidateFactory(shared_with_employers=True, sharing_scope="all",
                                 directly_approachable=True, responsible_coach=coach,
                                 first_name="Zeynep", last_name="Oudewater")
    ProfileFactory(candidate=candidate)
    company = EmployerFactory(municipality=municipality("rotterdam"))
    employer = UserFactory(employer_user=True, employer=company,
                           municipality=municipality("rotterdam"))
    thread = thread_open(by=employer, candidate=candidate)
    message_send(by=employer, thread=thread, body=EMPLOYER_WORDS)
    message_send(by=candidate.user, thread=thread, body=CANDIDATE_WORDS)
    # Jobseekers respond only to their own municipality's vacancies; a response from
    # before a move is the one case that crosses regions, so it is written directly here.
    vacancy = VacancyFactory(employer=company, status="published",
                             published_at=timezone.now())
    VacancyResponse.objects.create(candidate=candidate, vacancy=vacancy,
                                   message="Ik reageer graag")
    shortlist = shortlist_create(by=employer, name="Keuken")
    shortlist_entry_add(by=employer, shortlist=shortlist, candidate=candidate)
    return {"candidate": candidate, "employer": employer, "coach": coach, "thread": thread,
            "vacancy": vacancy}


def unshare(s):
    candidate_share(by=s["candidate"].user, candidate=s["candidate"], shared=False)


def narrow_scope(s):
    candidate_share(by=s["candidate"].user, candidate=s["candidate"], shared=True,
                    scope="region")


def hide(s):
    candidate_hide(by=s["coach"], candidate=s["candidate"], reason="Profiel klopt niet")


def set_inactive(s):
    candidate_set_inactive(by=s["coach"], candidate=s["candidate"])


def end_dossier(s):
    candidate_dossier_end(by=s["coach"], candidate=s["candidate"],
                          ended_on=timezone.localdate(), reason=EndReason.ENDED)


def leave(s):
    candidate_leave_request(by=s["candidate"].user, candidate=s["candidate"])


def erase(s):
    candidate_entered_data_erase(by=s["candidate"].user, candidate=s["candidate"])


TRANSITIONS = [unshare, narrow_scope, hide, set_inactive, end_dossier, leave, erase]


def test_before_any_transition_the_employer_sees_the_whole_conversation(scene, verified_client):
    (thread,) = threads_for(scene["employer"])
    assert thread.candidate_visible and thread.unread_count == 1
    client = verified_client(scene["employer"])
    html = client.get(reverse("candidates:thread", args=[thread.pk])).content.decode()
    assert "Zeynep" in html and CANDIDATE_WORDS in html and EMPLOYER_WORDS in html


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda f: f.__name__)
def test_out_of_sight_the_employer_keeps_only_its_own_side(scene, verified_client, transition):
    transition(scene)
    employer, thread = scene["employer"], scene["thread"]

    (kept,) = threads_for(employer)
    assert kept.pk == thread.pk and not kept.candidate_visible
    assert kept.unread_count == 0, "the candidate's unread words are not counted either"

    client = verified_client(employer)
    inbox = client.get(reverse("candidates:inbox")).content.decode()
    assert "Zeynep" not in inbox and "Oudewater" not in inbox
    assert "Kandidaat niet meer beschikbaar" in inbox
    page = client.get(reverse("candidates:thread", args=[thread.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert EMPLOYER_WORDS in html, "the employer's own side stays"
    assert CANDIDATE_WORDS not in html and "Zeynep" not in html and "Oudewater" not in html
    assert "Deze kandidaat is niet meer beschikbaar" in html
    assert "Antwoord sturen" not in html

    # No way to write on: the service refuses, and a posted form does nothing.
    with pytest.raises(PermissionDenied):
        message_send(by=employer, thread=thread, body="Nog één vraag")
    client.post(reverse("candidates:thread", args=[thread.pk]), {"body": "Nog één vraag"})
    assert not Message.objects.filter(body="Nog één vraag").exists()
    assert not Message.objects.get(thread=thread, sender=scene["candidate"].user).read_at

    # The other related data follows the same rule.
    assert not VacancyResponse.objects.visible_to(employer).exists()
    assert not ShortlistEntry.objects.visible_to(employer).exists()
    assert shortlists_for(employer).get().visible_count == 0
    home = client.get(reverse("employers:vacancy_detail", args=[scene["vacancy"].pk]))
    assert "Ik reageer graag" not in home.content.decode()


@pytest.mark.parametrize("transition", [unshare, hide], ids=lambda f: f.__name__)
def test_the_candidate_and_their_coach_keep_the_whole_conversation(scene, transition):
    transition(scene)
    (own,) = threads_for(scene["candidate"].user)
    assert own.candidate_visible
    assert Thread.objects.visible_to(scene["coach"]).filter(pk=own.pk).exists()


def test_a_coach_of_another_municipality_sees_nothing_related():
    candidate = CandidateFactory()
    coach = UserFactory(role=Role.COACH)
    thread = thread_open(by=coach, candidate=candidate)
    stranger = UserFactory(role=Role.COACH, municipality=municipality("rotterdam"))
    assert Thread.objects.visible_to(coach).filter(pk=thread.pk).exists()
    for queryset in (Thread.objects, Message.objects, VacancyResponse.objects):
        assert not queryset.visible_to(stranger).exists()
    assert not threads_for(stranger).exists()


def test_rows_of_one_candidate_ask_the_rule_unless_the_selector_just_did(scene):
    """of_candidate() skips the rule's subquery only for a candidate the selectors read
    through visible_to() for this very user; for anyone else it is visible_to()."""
    from candidates.models import ContactRequest
    from candidates.models.querysets import mark_seen_by
    from candidates.selectors import candidate_for_viewer

    employer, candidate = scene["employer"], scene["candidate"]
    read = candidate_for_viewer(employer, candidate.pk)
    assert '"candidates_candidate"' not in str(Thread.objects.of_candidate(employer, read).query)
    assert Thread.objects.of_candidate(employer, read).get() == scene["thread"]

    # Out of sight: the selector refuses, and a candidate read any other way, or marked
    # for someone else, goes through the rule and finds nothing.
    unshare(scene)
    plain = Candidate.objects.get(pk=candidate.pk)
    stranger = UserFactory(employer_user=True, employer=EmployerFactory(),
                           municipality=municipality("rotterdam"))
    for someone_else_marked in (plain, mark_seen_by(Candidate.objects.get(pk=candidate.pk),
                                                    stranger)):
        assert not Thread.objects.of_candidate(employer, someone_else_marked).exists()
        assert not ContactRequest.objects.of_candidate(employer, someone_else_marked).exists()
    assert Thread.objects.of_candidate(scene["coach"], plain).exists(), "the coach still may"
