"""Saved searches and the alert mail: the rule for "new", daily at most, no personal data."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from candidates.services import candidate_hide, candidate_share
from employers import tasks
from employers.models import SavedSearch
from employers.schedule import BEAT_SCHEDULE
from employers.services_saved_searches import saved_search_alert_send, saved_search_create
from hallowerk.roles import Role
from privacy.models import AuditEvent
from tests.factories import UserFactory

from .conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def save(employer, query="q=kok", name="Koks"):
    return saved_search_create(by=employer, name=name, query_string=query)


def alert(saved, when, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return saved_search_alert_send(saved_search_id=saved.pk, now=when)


def test_save_from_the_search_page(employer_client):
    response = employer_client.get(reverse("employers:saved_search_create"),
                                   {"q": "kok", "place": "Utrecht", "radius": "10",
                                    "gender": "f", "page": "3"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "kok" in html and "Utrecht" in html
    response = employer_client.post(reverse("employers:saved_search_create"), {
        "name": "Koks Utrecht", "alerts_enabled": "on",
        "query": response.context["query"]})
    assert response.status_code == 302
    saved = SavedSearch.objects.get()
    # Stored as the cleaned, canonical search: the crafted parameter and the page are gone.
    assert saved.query_string == "q=kok&place=Utrecht&radius=10"
    assert saved.alerts_enabled
    opened = employer_client.get(reverse("employers:saved_search_open", args=[saved.pk]))
    assert opened["Location"] == reverse("employers:search") + "?q=kok&place=Utrecht&radius=10"


def test_a_search_with_errors_cannot_be_saved(employer_client):
    response = employer_client.post(reverse("employers:saved_search_create"),
                                    {"name": "Fout", "query": "radius=-5&place=Utrecht"})
    assert response.status_code == 200
    assert "bevat fouten" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_saved_searches_are_personal(verified_client, employer):
    saved = save(employer)
    colleague = UserFactory(employer_user=True, employer=employer.employer,
                            municipality=employer.municipality)
    client = verified_client(colleague)
    for url in [reverse("employers:saved_search_open", args=[saved.pk])]:
        assert client.get(url).status_code == 404
    for url in [reverse("employers:saved_search_alerts", args=[saved.pk]),
                reverse("employers:saved_search_delete", args=[saved.pk])]:
        assert client.post(url).status_code == 404
    assert SavedSearch.objects.get().alerts_enabled


def test_alert_counts_new_matches_once_and_mails_no_personal_data(
        employer, django_capture_on_commit_callbacks):
    start = timezone.now()
    with freeze_time(start - DAY):
        make_candidate(profile={"kind_of_work": "Kok"})  # there before the search was saved
        saved = save(employer)
    with freeze_time(start - DAY / 2):
        new = make_candidate(first_name="Zeldzaam", last_name="Achternaamvoorbeeld",
                             profile={"kind_of_work": "Kok in een restaurant"})
        make_candidate(profile={"kind_of_work": "Schilder"})  # does not match
        make_candidate(shared=False, profile={"kind_of_work": "Kok"})  # not visible
    assert alert(saved, start, django_capture_on_commit_callbacks) == 1
    message = mail.outbox[-1]
    assert message.to == [employer.email]
    assert "1 nieuw of gewijzigd profiel" in message.body
    url = settings.SITE_URL.rstrip("/") + reverse("employers:saved_search_open", args=[saved.pk])
    assert url in message.body
    # Only a count and a link: no names, no search words, no profile text, no list name.
    for personal in [new.first_name, new.last_name, new.user.email, "Kok", "restaurant",
                     saved.name, "kok"]:
        assert personal not in message.body and personal not in message.subject
    # The next day nothing changed: no mail.
    assert alert(saved, start + DAY, django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1
    event = AuditEvent.objects.filter(action="search", data__filters__alert=saved.pk).first()
    assert event is not None and event.actor == employer


def test_becoming_visible_counts_as_new(employer, django_capture_on_commit_callbacks):
    start = timezone.now()
    with freeze_time(start - 2 * DAY):
        candidate = make_candidate(shared=False, profile={"kind_of_work": "Kok"})
        saved = save(employer)
    with freeze_time(start - DAY / 2):
        candidate_share(by=candidate.user, candidate=candidate, shared=True)
    assert alert(saved, start, django_capture_on_commit_callbacks) == 1


def test_hidden_candidates_never_count(employer, django_capture_on_commit_callbacks):
    start = timezone.now()
    with freeze_time(start - 2 * DAY):
        saved = save(employer)
    with freeze_time(start - DAY / 2):
        candidate = make_candidate(profile={"kind_of_work": "Kok"})
        candidate_hide(by=UserFactory(role=Role.COACH), candidate=candidate, reason="Onjuist")
    assert alert(saved, start, django_capture_on_commit_callbacks) == 0
    assert not mail.outbox


def test_at_most_one_mail_per_day(employer, django_capture_on_commit_callbacks):
    start = timezone.now()
    with freeze_time(start - DAY):
        saved = save(employer)
    with freeze_time(start - DAY / 2):
        make_candidate(profile={"kind_of_work": "Kok"})
    assert alert(saved, start, django_capture_on_commit_callbacks) == 1
    with freeze_time(start + timedelta(hours=1)):
        make_candidate(profile={"kind_of_work": "Kok"})
    # A re-run a few hours later (a retried task, a second beat) sends nothing...
    assert alert(saved, start + timedelta(hours=3), django_capture_on_commit_callbacks) == 0
    # ...and the change is not lost: the next day's run reports it.
    assert alert(saved, start + DAY, django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 2


def test_switched_off_deactivated_or_wrong_role_gets_no_mail(
        employer, django_capture_on_commit_callbacks):
    start = timezone.now()
    with freeze_time(start - DAY):
        saved = save(employer)
        other = save(employer_user(), name="Ander")
    with freeze_time(start - DAY / 2):
        make_candidate(profile={"kind_of_work": "Kok"})
    SavedSearch.objects.filter(pk=saved.pk).update(alerts_enabled=False)
    other.user.is_active = False
    other.user.save()
    assert alert(saved, start, django_capture_on_commit_callbacks) == 0
    assert alert(other, start, django_capture_on_commit_callbacks) == 0
    assert not mail.outbox


def test_the_daily_beat_job_runs_the_task_for_every_search(
        employer, django_capture_on_commit_callbacks):
    assert BEAT_SCHEDULE["employers-saved-search-alerts"]["task"] == (
        "employers.tasks.saved_search_alerts_daily")
    with freeze_time(timezone.now() - DAY):
        save(employer)
        save(employer, query="q=schilder", name="Schilders")
    make_candidate(profile={"kind_of_work": "Kok"})
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.saved_search_alerts_daily.delay().get() == 2
    assert len(mail.outbox) == 1


def test_toggle_and_delete_from_the_page(employer_client, employer):
    saved = save(employer)
    employer_client.post(reverse("employers:saved_search_alerts", args=[saved.pk]))
    assert not SavedSearch.objects.get().alerts_enabled
    switched_on = timezone.now()
    employer_client.post(reverse("employers:saved_search_alerts", args=[saved.pk]),
                         {"enabled": "on"})
    saved.refresh_from_db()
    # Switching back on starts a fresh window.
    assert saved.alerts_enabled and saved.alerts_checked_until >= switched_on
    employer_client.post(reverse("employers:saved_search_delete", args=[saved.pk]))
    assert not SavedSearch.objects.exists()
