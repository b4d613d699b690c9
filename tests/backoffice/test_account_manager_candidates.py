"""Candidates for the account manager (SPEC §4): own municipality all and read-only; other
municipalities only shared ones, and only what an employer sees."""

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate
from hallowerk.roles import Role
from privacy.models import AuditAction, AuditEvent

from .conftest import candidate_in, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def am(db):
    return staff(Role.ACCOUNT_MANAGER)


@pytest.fixture
def am_client(am, verified_client):
    return verified_client(am)


def test_list_has_own_municipality_all_and_elsewhere_only_the_shared(am_client):
    candidate_in(last_name="EigenNiet", shared_with_employers=False)
    candidate_in("rotterdam", last_name="Gedeeld", shared_with_employers=True, sharing_scope="all")
    candidate_in("rotterdam", last_name="NietGedeeld", shared_with_employers=False)
    candidate_in("rotterdam", last_name="Regio", shared_with_employers=True,
                 sharing_scope="region")
    response = am_client.get(reverse("employers:am_candidates"))
    names = {c.last_name for c in response.context["page"].object_list}
    assert names == {"EigenNiet", "Gedeeld"}
    other = am_client.get(reverse("employers:am_candidates"), {"origin": "other"})
    assert {c.last_name for c in other.context["page"].object_list} == {"Gedeeld"}


def test_own_candidate_shows_everything_read_only(am, am_client):
    candidate = candidate_in(client_number="K-EIGEN", tg_tozo=True,
                             profile={"personal_description": "Over mij"})
    page = am_client.get(reverse("employers:am_candidate", args=[candidate.pk])).content.decode()
    assert "K-EIGEN" in page and "TOZO" in page and "Over mij" in page
    assert "/wijzigen/" not in page, "no way to an edit page"
    event = AuditEvent.objects.get(action=AuditAction.PROFILE_VIEWED)
    assert event.actor == am and event.target_id == str(candidate.pk)


def test_other_municipalitys_candidate_shows_only_the_employers_view(am_client):
    candidate = candidate_in("rotterdam", shared_with_employers=True, sharing_scope="all",
                             client_number="K-GEHEIM", tg_tozo=True, phone="0612345678",
                             directly_approachable=False)
    page = am_client.get(reverse("employers:am_candidate", args=[candidate.pk])).content.decode()
    assert candidate.full_name in page
    for secret in ["K-GEHEIM", "TOZO", "0612345678", candidate.email]:
        assert secret not in page, secret


def test_not_shared_elsewhere_is_a_404(am_client):
    hidden = candidate_in("rotterdam", shared_with_employers=True, sharing_scope="all",
                          hidden_by_staff=True, hidden_reason="x", hidden_at=timezone.now())
    private = candidate_in("rotterdam", shared_with_employers=False)
    for candidate in (hidden, private):
        assert am_client.get(reverse("employers:am_candidate", args=[candidate.pk])
                             ).status_code == 404


def test_account_manager_cannot_edit_a_candidate(am_client):
    candidate = candidate_in()
    data = {"client_number": "K-AM", "first_name": "Door", "last_name": "AM",
            "email": "am@example.nl", "gender": "unknown", "service_type": "together",
            "directly_approachable": "yes", "reason": "x", "ended_on": "2025-01-01",
            "confirm": "on"}
    for name in ["coach_candidate", "coach_candidate_edit", "coach_candidate_approachable",
                 "coach_candidate_inactive", "coach_candidate_end",
                 "coach_candidate_invitation_withdraw", "coach_candidate_message"]:
        url = reverse(f"candidates:{name}", args=[candidate.pk])
        assert am_client.post(url, data).status_code == 403, name
        assert am_client.get(url).status_code in (403, 405), name
    fresh = Candidate.objects.get(pk=candidate.pk)
    assert (fresh.client_number, fresh.first_name, fresh.is_active,
            fresh.directly_approachable) == (candidate.client_number, candidate.first_name,
                                             True, False)


def test_account_manager_may_hide_own_candidates_only(am_client):
    own = candidate_in(shared_with_employers=True)
    response = am_client.post(reverse("employers:am_candidate_hide", args=[own.pk]),
                              {"reason": ""})
    assert "Schrijf op waarom" in response.content.decode()
    am_client.post(reverse("employers:am_candidate_hide", args=[own.pk]),
                   {"reason": "Foto hoort hier niet"})
    own.refresh_from_db()
    assert own.hidden_by_staff and own.hidden_reason == "Foto hoort hier niet"
    am_client.post(reverse("employers:am_candidate_unhide", args=[own.pk]))
    own.refresh_from_db()
    assert not own.hidden_by_staff
    foreign = candidate_in("rotterdam", shared_with_employers=True, sharing_scope="all")
    for name in ["am_candidate_hide", "am_candidate_unhide"]:
        response = am_client.post(reverse(f"employers:{name}", args=[foreign.pk]),
                                  {"reason": "Niet van mij"})
        assert response.status_code == 404
    foreign.refresh_from_db()
    assert not foreign.hidden_by_staff


def test_list_counts_up_to_the_cap_and_pages_stop_there(am_client, monkeypatch):
    """The count stops at the cap ("meer dan ..."), so the page costs the same for a
    municipality of 2,000 as for the whole country (issue 11); pages end at the cap."""
    view = "employers.views.account_manager.candidates"
    monkeypatch.setattr(f"{view}.LIST_COUNT_CAP", 3)
    monkeypatch.setattr(f"{view}.page_size", lambda: 2)
    for name in ["Aa", "Bb", "Cc", "Dd", "Ee"]:
        candidate_in(last_name=name)
    response = am_client.get(reverse("employers:am_candidates"))
    page = response.context["page"]
    assert page.paginator.is_capped and page.paginator.count == 3
    assert page.paginator.num_pages == 2
    assert "Meer dan 3 kandidaten" in response.content.decode()
    last = am_client.get(reverse("employers:am_candidates"), {"pagina": "9"})
    assert [c.last_name for c in last.context["page"].object_list] == ["Cc"]


def test_list_below_the_cap_counts_exactly(am_client, monkeypatch):
    monkeypatch.setattr("employers.views.account_manager.candidates.LIST_COUNT_CAP", 3)
    for name in ["Aa", "Bb", "Cc"]:
        candidate_in(last_name=name)
    response = am_client.get(reverse("employers:am_candidates"))
    assert not response.context["page"].paginator.is_capped
    assert "3 kandidaten" in response.content.decode()
    assert "Meer dan" not in response.content.decode()


def test_search_needs_every_word_in_a_name_whatever_the_capitals(am_client):
    candidate_in(first_name="Émile", last_name="Van Dijk")
    candidate_in(first_name="Jan", last_name="Dijkstra")
    page = reverse("employers:am_candidates")
    for query, expected in [("dijk", {"Van Dijk", "Dijkstra"}), ("ÉMILE dijk", {"Van Dijk"}),
                            ("jan van", set())]:
        found = am_client.get(page, {"q": query}).context["page"].object_list
        assert {c.last_name for c in found} == expected, query
