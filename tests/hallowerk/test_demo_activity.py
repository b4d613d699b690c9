"""The demo shows every state: the retention report, its CSV and PDF have content, and each
portal has conversations, requests, lists and feedback to show."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from candidates.models import Candidate, ContactRequest, Message, VacancyResponse
from employers.models import SavedSearch, ShortlistEntry
from hallowerk.demo.activity import PREFIX, demo_activity_ensure
from hallowerk.demo.jobseeker import DEMO_EMAILS
from hallowerk.models import User
from hallowerk.roles import Role
from matching.models import FairnessReport, SuggestionFeedback
from privacy.models import DestructionRecord, LegalHold, RetentionNotice

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo_data", "--candidates", "60", stdout=io.StringIO())


def test_demo_has_every_dossier_state(demo):
    ended = Candidate.objects.filter(client_number__startswith=PREFIX)
    assert set(ended.values_list("end_reason", flat=True)) == {"broken_off", "refused", "ended"}
    assert RetentionNotice.objects.filter(candidate__in=ended).count() >= 2
    assert LegalHold.objects.filter(candidate__in=ended, released_at__isnull=True).exists()
    destroyed = DestructionRecord.objects.filter(kind="dossier")
    assert set(destroyed.values_list("outcome", flat=True)) == {"broken_off", "refused", "ended"}
    assert demo_activity_ensure() == 0  # idempotent


def test_demo_has_activity_in_every_portal(demo):
    sanne = Candidate.objects.get(user__email=DEMO_EMAILS[Role.JOBSEEKER])
    assert Message.objects.filter(thread__candidate=sanne, read_at__isnull=True).exists()
    assert set(ContactRequest.objects.values_list("status", flat=True)) == {
        "pending", "forwarded", "declined"}
    assert VacancyResponse.objects.filter(candidate=sanne).exists()
    assert ShortlistEntry.objects.count() >= 2 and SavedSearch.objects.count() == 2
    assert set(SuggestionFeedback.objects.values_list("verdict", flat=True)) == {
        "helps", "does_not_fit"}
    assert FairnessReport.objects.exists()


def test_retention_report_and_its_downloads_have_content(demo, verified_client):
    client = verified_client(User.objects.get(email=DEMO_EMAILS[Role.ADMINISTRATOR]))
    page = client.get(reverse("privacy:retention_report")).content.decode()
    assert PREFIX + "BINNENKORT-1" in page and PREFIX + "BEWAARPLICHT-1" in page
    csv = client.get(reverse("privacy:retention_report_download", args=["csv"]))
    assert PREFIX + "GEMELD-1" in csv.content.decode()
    pdf = client.get(reverse("privacy:retention_report_download", args=["pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
