"""The coach's candidate list: own municipality only, every filter, sorting, paging, and a
query count that does not grow with the page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hallowerk.accounts.invitations import (
    invitation_create,
    invitation_resend,
    invitation_withdraw,
)
from hallowerk.models import Invitation
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent
from tests.candidates.jobseeker_helpers import place

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db
LIST = reverse("candidates:coach_candidates")


def names(response) -> set[str]:
    return {row.candidate.last_name for row in response.context["page"].object_list}


def test_list_shows_every_candidate_of_own_municipality_and_none_of_another(coach_client):
    candidate_in(last_name="Eigen", shared_with_employers=False)
    candidate_in(last_name="Gedeeld", shared_with_employers=True)
    candidate_in("rotterdam", last_name="Rotterdammer", shared_with_employers=True,
                 sharing_scope="all")
    response = coach_client.get(LIST)
    assert response.status_code == 200
    assert names(response) == {"Eigen", "Gedeeld"}
    assert "Rotterdammer" not in response.content.decode()


def invited(slug="utrecht", **kwargs):
    """A candidate whose account got a real invitation."""
    coach = staff(Role.COACH, slug)
    user, _token = invitation_create(by=coach, email=f"{kwargs['last_name']}@example.nl",
                                     role=Role.JOBSEEKER)
    user.set_unusable_password()
    user.save()
    return candidate_in(slug, user=user, **kwargs)


@pytest.mark.parametrize(("query", "expected"), [
    ({"mine": "on"}, {"Mijn"}),
    ({"status": "active"}, {"Mijn", "Gedeeld", "Verborgen", "Leeg", "Oud"}),
    ({"status": "inactive"}, {"Inactief"}),
    ({"status": "ended"}, {"Beeindigd"}),
    ({"shared": "yes"}, {"Gedeeld", "Verborgen"}),
    ({"hidden": "yes"}, {"Verborgen"}),
    ({"approachable": "yes"}, {"Gedeeld"}),
    ({"completeness": "complete"}, {"Gedeeld"}),
    ({"completeness": "empty"}, {"Leeg"}),
    ({"activity": "180"}, {"Oud"}),
    ({"q": "verborg"}, {"Verborgen"}),
    ({"q": "K-OUD-1"}, {"Oud"}),
    ({"leaving": "on"}, {"Leeg"}),
])
def test_each_filter(coach, coach_client, query, expected):
    # 10 of the 15 checks of the one completeness rule: "Bijna of helemaal".
    full = {"place_of_residence": place("Utrecht"), "personal_description": "x",
            "kind_of_work": "x", "competences": ["a"], "professional_skills": ["b"],
            "available_from": timezone.localdate(), "hours_per_week_max": 20,
            "transport": ["bike"], "photo": "p.jpg", "cv": "c.pdf", "physical_lifting": True}
    candidate_in(last_name="Mijn", responsible_coach=coach)
    candidate_in(last_name="Gedeeld", shared_with_employers=True, directly_approachable=True,
                 profile=full)
    candidate_in(last_name="Verborgen", shared_with_employers=True, hidden_by_staff=True,
                 hidden_reason="Klopt niet", hidden_at=timezone.now())
    candidate_in(last_name="Inactief", is_active=False)
    candidate_in(last_name="Beeindigd", is_active=False, end_reason="ended",
                 dossier_ended_on=timezone.localdate())
    candidate_in(last_name="Leeg", profile={"personal_description": "", "kind_of_work": ""},
                 leave_requested_at=timezone.now())
    candidate_in(last_name="Oud", client_number="K-OUD-1",
                 last_activity_at=timezone.now() - timedelta(days=200))
    response = coach_client.get(LIST, query)
    assert response.status_code == 200
    assert names(response) == expected


def test_invitation_filters(coach_client):
    pending = invited(last_name="Wacht")
    expired = invited(last_name="Verlopen")
    Invitation.objects.filter(user=expired.user).update(
        created_at=timezone.now() - timedelta(days=30), expires_at=timezone.now() - timedelta(days=1))
    withdrawn = invited(last_name="Ingetrokken")
    invitation_withdraw(by=staff(), user=withdrawn.user)
    accepted = invited(last_name="Geaccepteerd")
    Invitation.objects.filter(user=accepted.user).update(accepted_at=timezone.now())
    for value, expected in [("pending", pending), ("expired", expired),
                            ("withdrawn", withdrawn), ("accepted", accepted)]:
        response = coach_client.get(LIST, {"invitation": value})
        assert names(response) == {expected.last_name}, value
    page = coach_client.get(LIST).content.decode()
    assert "Verlopen" in page and "Nog niet geaccepteerd" in page and "Ingetrokken" in page


def test_a_row_shows_the_newest_invitation_of_the_account(coach_client):
    person = invited(last_name="Opnieuw")
    invitation_withdraw(by=staff(), user=person.user)
    Invitation.objects.filter(user=person.user).update(
        created_at=timezone.now() - timedelta(days=3))
    invitation_resend(by=staff(), user=person.user)
    newest = Invitation.objects.filter(user=person.user).order_by("-created_at").first()
    (row,) = [row for row in coach_client.get(LIST).context["page"].object_list
              if row.candidate.pk == person.pk]
    assert Invitation.objects.filter(user=person.user).count() == 2
    assert row.invitation.pk == newest.pk and row.invitation.status == "pending"


def test_sorting_and_tampered_values(coach_client):
    candidate_in(last_name="Aap", last_activity_at=timezone.now() - timedelta(days=3))
    candidate_in(last_name="Beer", last_activity_at=timezone.now())
    rows = coach_client.get(LIST, {"sort": "-last_activity"}).context["page"].object_list
    assert [row.candidate.last_name for row in rows] == ["Beer", "Aap"]
    rows = coach_client.get(LIST, {"sort": "-name"}).context["page"].object_list
    assert [row.candidate.last_name for row in rows] == ["Beer", "Aap"]
    # A crafted value is refused with a message; the other filters still apply.
    response = coach_client.get(LIST, {"status": "'; drop table", "q": "Aap"})
    assert response.status_code == 200
    assert names(response) == {"Aap"}
    assert response.context["form"].errors["status"]


def test_search_by_name_is_logged(coach, coach_client):
    candidate_in(last_name="Jansen")
    coach_client.get(LIST, {"q": "jans", "shared": "yes"})
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert event.actor == coach and event.data["query"] == "jans"
    assert event.data["filters"] == {"shared": "yes"} and event.data["result_count"] == 0


def test_pages_of_25_and_a_constant_number_of_queries(coach, coach_client):
    for number in range(30):
        invited(last_name=f"Kandidaat{number:02d}")

    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            response = coach_client.get(LIST, query)
        assert response.status_code == 200
        return len(captured), response

    filters = {"invitation": "pending", "completeness": "started", "sort": "-last_activity",
               "activity": "recent"}
    # The first page of a session also refreshes the staff session expiry (one write a
    # minute); count the pages after that.
    coach_client.get(LIST)
    first, response = queries({})
    assert len(response.context["page"].object_list) == 25
    second, response = queries({"pagina": 2})
    assert len(response.context["page"].object_list) == 5
    filtered, response = queries(filters)
    assert response.context["page"].paginator.count == 30
    for number in range(30, 60):
        invited(last_name=f"Kandidaat{number:02d}")
    again, _response = queries({})
    filtered_again, response = queries({**filters, "pagina": 2})
    assert len(response.context["page"].object_list) == 25
    assert first == second == again, (first, second, again)
    # A filtered list counts in the same query as its page: one query fewer, also constant.
    assert filtered == filtered_again == first - 1, (filtered, filtered_again, first)
    # A page number out of range shows the last page instead of an error.
    for query in ({}, {"shared": "no"}):  # both ways of paging
        assert coach_client.get(LIST, {**query, "pagina": "999"}).context["page"].number == 3
        assert coach_client.get(LIST, {**query, "pagina": "x"}).context["page"].number == 1
        last = coach_client.get(LIST, {**query, "pagina": "3"}).context["page"]
        assert len(last.object_list) == 10 and not last.has_next()


def test_the_score_shown_is_the_score_filtered_on(coach_client):
    """The page shows the stored score the filter uses (candidate_in stores it, as the
    profile services do)."""
    from candidates.models.completeness_rule import COMPLETENESS_MAX

    fillings = [{}, {"kind_of_work": "x"}, {"competences": ["a"], "transport": ["bike"]},
                {"personal_description": " ", "hours_per_week_max": 8,
                 "available_from": timezone.localdate(), "professional_skills": ["b"],
                 "competences": ["c"], "kind_of_work": "y"}]
    for number, filling in enumerate(fillings):
        base = {"personal_description": "", "kind_of_work": ""}
        candidate_in(last_name=f"Score{number}", profile={**base, **filling})
    rows = coach_client.get(LIST).context["page"].object_list
    shown = {row.candidate.last_name: row.completeness for row in rows}
    assert shown == {"Score0": 0, "Score1": 1, "Score2": 2, "Score3": 5}
    for bucket, names_in in [("empty", {"Score0"}),
                             ("started", {"Score1", "Score2", "Score3"}), ("complete", set())]:
        assert names(coach_client.get(LIST, {"completeness": bucket})) == names_in
    assert COMPLETENESS_MAX == 15


def test_search_by_name_or_number_ignores_capitals_and_follows_a_rename(coach_client):
    """The search compares stored capitalised keys (Candidate.name_key, client_number_key):
    a part of either name in any capitals, the whole client number in any capitals, never
    a part of the number, and a renamed candidate is found by the new name at once."""
    candidate_in(first_name="Émile", last_name="Van Dijk", client_number="Ab-77")
    renamed = candidate_in(first_name="Sanne", last_name="Oud")
    candidate_in(first_name="Jan", last_name="Straße", client_number="K-9")
    for query, expected in [("émile", {"Van Dijk"}), ("DIJK", {"Van Dijk"}),
                            ("ab-77", {"Van Dijk"}), ("AB", set()),
                            ("straße", {"Straße"}), ("k-9", {"Straße"}), ("oud", {"Oud"}),
                            ("sanne straße", {"Oud", "Straße"})]:
        assert names(coach_client.get(LIST, {"q": query})) == expected, query
    renamed.last_name = "Nieuw"
    renamed.save()
    assert names(coach_client.get(LIST, {"q": "nieuw"})) == {"Nieuw"}
    assert names(coach_client.get(LIST, {"q": "oud"})) == set()


def test_the_filter_form_is_empty_on_later_pages_and_keeps_a_filter_when_given(coach_client):
    from hallowerk.forms import unbound_html

    for number in range(30):
        candidate_in(last_name=f"Persoon{number:02d}")
    unbound_html._rendered.clear()
    first = coach_client.get(LIST)
    second_page = coach_client.get(LIST + "?pagina=2")
    assert not first.context["form"].is_bound and not second_page.context["form"].is_bound
    assert len(unbound_html._rendered) == 1  # page 2 reused page 1's form
    assert names(first) != names(second_page)
    filtered = coach_client.get(LIST + "?q=Persoon01&pagina=1")
    assert filtered.context["form"].is_bound
    assert 'value="Persoon01"' in filtered.content.decode()
    assert names(filtered) == {"Persoon01"}
    unbound_html._rendered.clear()
