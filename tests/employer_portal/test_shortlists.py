"""Shortlists: per employer organisation, optionally per own vacancy, visible candidates only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from candidates.services import candidate_hide
from employers.models import Shortlist, ShortlistEntry
from employers.services_shortlists import shortlist_create, shortlist_entry_add
from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import UserFactory, VacancyFactory

from .conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db


def test_create_a_list_for_an_own_vacancy_and_add_a_candidate(employer_client, employer):
    vacancy = VacancyFactory(employer=employer.employer)
    response = employer_client.post(reverse("employers:shortlists"),
                                    {"name": "  Koks   zomer ", "vacancy": vacancy.pk})
    shortlist = Shortlist.objects.get()
    assert response["Location"] == reverse("employers:shortlist_detail", args=[shortlist.pk])
    assert (shortlist.name, shortlist.vacancy, shortlist.employer) == (
        "Koks zomer", vacancy, employer.employer)
    candidate = make_candidate()
    employer_client.post(reverse("employers:shortlist_entry_add", args=[candidate.pk]),
                         {"shortlist": shortlist.pk})
    assert list(shortlist.entries.values_list("candidate", flat=True)) == [candidate.pk]
    event = AuditEvent.objects.get(data__event="shortlist_entry_added")
    assert event.target_id == str(candidate.pk)
    html = employer_client.get(reverse("employers:shortlist_detail",
                                       args=[shortlist.pk])).content.decode()
    assert candidate.full_name in html


def test_add_to_a_new_list_from_the_profile(employer_client):
    candidate = make_candidate()
    response = employer_client.post(reverse("employers:shortlist_entry_add",
                                            args=[candidate.pk]), {"new_name": "Later bellen"})
    assert response.status_code == 302
    assert Shortlist.objects.get().entries.get().candidate == candidate


def test_adding_needs_a_list_and_is_done_once(employer_client, employer):
    candidate = make_candidate()
    url = reverse("employers:shortlist_entry_add", args=[candidate.pk])
    response = employer_client.post(url, {})
    assert "Kies een lijst of geef de nieuwe lijst een naam." in response.content.decode()
    shortlist = shortlist_create(by=employer, name="A")
    employer_client.post(url, {"shortlist": shortlist.pk})
    response = employer_client.post(url, {"shortlist": shortlist.pk})
    assert "staat al op de lijst" in response.content.decode()
    assert ShortlistEntry.objects.count() == 1


def test_a_duplicate_new_list_name_keeps_nothing_half_done(employer_client, employer):
    shortlist_create(by=employer, name="Koks")
    candidate = make_candidate()
    response = employer_client.post(reverse("employers:shortlist_entry_add",
                                            args=[candidate.pk]), {"new_name": "koks"})
    assert "al een lijst met deze naam" in response.content.decode()
    assert Shortlist.objects.count() == 1 and not ShortlistEntry.objects.exists()


def test_colleagues_share_lists_other_employers_get_404(verified_client, employer):
    shortlist = shortlist_create(by=employer, name="Gedeeld")
    colleague = UserFactory(employer_user=True, employer=employer.employer,
                            municipality=employer.municipality)
    assert verified_client(colleague).get(
        reverse("employers:shortlist_detail", args=[shortlist.pk])).status_code == 200
    stranger_client = verified_client(employer_user())
    candidate = make_candidate()
    for method, url, data in [
        ("get", reverse("employers:shortlist_detail", args=[shortlist.pk]), {}),
        ("post", reverse("employers:shortlist_delete", args=[shortlist.pk]), {}),
        ("post", reverse("employers:shortlist_entry_remove", args=[shortlist.pk, candidate.pk]),
         {}),
    ]:
        assert getattr(stranger_client, method)(url, data).status_code == 404, url
    response = stranger_client.post(reverse("employers:shortlist_entry_add",
                                            args=[candidate.pk]), {"shortlist": shortlist.pk})
    assert "Kies een van uw eigen lijsten." in response.content.decode()
    assert Shortlist.objects.filter(pk=shortlist.pk).exists()
    assert not ShortlistEntry.objects.exists()


def test_services_refuse_foreign_vacancies_lists_and_invisible_candidates(employer):
    with pytest.raises(PermissionDenied):
        shortlist_create(by=employer, name="X", vacancy=VacancyFactory())
    with pytest.raises(PermissionDenied):
        shortlist_create(by=UserFactory(role=Role.COACH), name="X")
    mine = shortlist_create(by=employer, name="Mijn lijst")
    with pytest.raises(PermissionDenied):
        shortlist_entry_add(by=employer_user(), shortlist=mine, candidate=make_candidate())
    with pytest.raises(PermissionDenied):
        shortlist_entry_add(by=employer, shortlist=mine, candidate=make_candidate(shared=False))
    with pytest.raises(ValidationError):
        shortlist_create(by=employer, name="   ")


def test_a_candidate_who_is_hidden_later_disappears_from_the_list(employer_client, employer):
    coach = UserFactory(role=Role.COACH)
    shortlist = shortlist_create(by=employer, name="Lijst")
    kept, hidden = make_candidate(), make_candidate()
    for candidate in (kept, hidden):
        shortlist_entry_add(by=employer, shortlist=shortlist, candidate=candidate)
    candidate_hide(by=coach, candidate=hidden, reason="Onjuiste gegevens")
    response = employer_client.get(reverse("employers:shortlist_detail", args=[shortlist.pk]))
    assert [row.pk for row in response.context["rows"]] == [kept.pk]
    assert hidden.full_name not in response.content.decode()
    assert response.context["no_longer_visible"] == 1
    lists = employer_client.get(reverse("employers:shortlists")).context["shortlists"]
    assert [s.visible_count for s in lists] == [1]


def test_remove_and_delete(employer_client, employer):
    shortlist = shortlist_create(by=employer, name="Lijst")
    candidate = make_candidate()
    shortlist_entry_add(by=employer, shortlist=shortlist, candidate=candidate)
    employer_client.post(reverse("employers:shortlist_entry_remove",
                                 args=[shortlist.pk, candidate.pk]))
    assert not shortlist.entries.exists()
    assert employer_client.get(reverse("employers:shortlist_delete",
                                       args=[shortlist.pk])).status_code == 200
    employer_client.post(reverse("employers:shortlist_delete", args=[shortlist.pk]))
    assert not Shortlist.objects.exists()
    assert AuditEvent.objects.filter(data__event="shortlist_deleted").exists()


def test_the_profile_shows_the_lists_it_is_on_and_offers_every_list_from_one_query(
        employer_client, employer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    candidate = make_candidate()
    on_it, other = shortlist_create(by=employer, name="Koks"), shortlist_create(by=employer,
                                                                               name="Later")
    shortlist_entry_add(by=employer, shortlist=on_it, candidate=candidate)
    shortlist_create(by=employer_user(), name="Van een ander")  # another organisation's
    with CaptureQueriesContext(connection) as captured:
        html = employer_client.get(reverse("employers:candidate_profile",
                                           args=[candidate.pk])).content.decode()
    assert reverse("employers:shortlist_entry_remove", args=[on_it.pk, candidate.pk]) in html
    assert reverse("employers:shortlist_entry_remove", args=[other.pk, candidate.pk]) not in html
    assert f'<option value="{on_it.pk}">Koks</option>' in html
    assert f'<option value="{other.pk}">Later</option>' in html
    assert "Van een ander" not in html
    assert sum('"employers_shortlist"' in q["sql"] for q in captured) == 1
