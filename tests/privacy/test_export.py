"""Data access request: JSON and PDF with everything the catalogue names, messages and the
access log; self-service and by the coach on request; audited; forbidden paths."""

import json

import pytest
from django.apps import apps
from django.urls import reverse
from pypdf import PdfReader

from hallowerk.roles import Role
from privacy.catalogue import PERSONAL_DATA_MODELS, specs_for
from privacy.export import NOT_EXPORTED, RECORDS, candidate_export_build
from privacy.models import AuditEvent
from tests.factories import UserFactory, municipality
from tests.privacy.privacyops_data import full_candidate

pytestmark = pytest.mark.django_db


def test_every_catalogue_model_is_exported_or_says_why_not():
    for label in PERSONAL_DATA_MODELS:
        assert (label in RECORDS) != (label in NOT_EXPORTED), label
        apps.get_model(label)


@pytest.fixture
def candidate():
    return full_candidate("Zxe")


def test_the_json_holds_every_catalogue_field_messages_and_the_access_log(candidate,
                                                                          verified_client):
    client = verified_client(candidate.user)
    response = client.get(reverse("privacy:my_data_export", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    sections = {s["model"]: s for s in data["sections"]}
    for label in RECORDS:
        fields = {spec.field for spec in specs_for(label)}
        for record in sections[label]["records"]:
            assert set(record) == fields, label
    dossier = sections["candidates.Candidate"]["records"][0]
    assert dossier["client_number"] == "Zxe-K1"
    assert dossier["tg_banenafspraak"] is False  # the target-group ticks are shown to them
    assert sections["candidates.Profile"]["records"][0]["personal_description"] == \
        "Zxe over mij"
    bodies = [m["body"] for m in sections["candidates.Message"]["records"]]
    assert bodies == ["Zxe bericht van mij", "Zxe antwoord"]
    account = sections["hallowerk.User"]["records"][0]
    assert "pbkdf2" not in json.dumps(account) and "md5" not in json.dumps(account)
    log = data["access_log"]
    employer_name = candidate.threads.get().employer.name
    assert any(line["action"] == "profile_viewed" and line["who"] == employer_name
               for line in log)
    assert any(line["who"] == "Werkmatcher" and line["details"] == {"fields": ["phone"]}
               for line in log)
    assert "192.0.2.1" not in response.content.decode()


def test_the_pdf_is_readable_and_contains_the_messages(candidate, verified_client):
    client = verified_client(candidate.user)
    response = client.get(reverse("privacy:my_data_export", args=["pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    import io

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content))
                    .pages)
    for expected in ("Uw dossier bij de gemeente", "Zxe-K1", "Zxe bericht van mij",
                     "Wie uw gegevens bekeek"):
        assert expected in text


def test_every_download_is_in_the_audit_log(candidate, verified_client):
    client = verified_client(candidate.user)
    client.get(reverse("privacy:my_data_export", args=["json"]))
    client.get(reverse("privacy:my_upload", args=["cv"]))
    kinds = list(AuditEvent.objects.filter(action="export", actor=candidate.user)
                 .values_list("data__kind", flat=True))
    assert sorted(kinds) == ["data_access_json", "own_upload_cv"]


def test_the_own_cv_and_photo_can_be_downloaded(candidate, verified_client):
    client = verified_client(candidate.user)
    response = client.get(reverse("privacy:my_upload", args=["cv"]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("privacy:my_upload", args=["paspoort"])).status_code == 404


def test_a_coach_of_the_municipality_exports_on_request_and_it_is_audited(candidate,
                                                                        verified_client):
    coach = UserFactory(role=Role.COACH, municipality=municipality(), with_totp_device=True)
    client = verified_client(coach)
    page = client.get(reverse("privacy:candidate_data", args=[candidate.pk]))
    assert page.status_code == 200
    response = client.get(reverse("privacy:candidate_data_export", args=[candidate.pk, "pdf"]))
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="export", actor=coach)
    assert event.target_id == str(candidate.pk) and event.data["kind"] == "data_access_pdf"
    assert event.ip_address  # staff: IP recorded
    # The jobseeker sees it on "who viewed my profile".
    html = verified_client(candidate.user).get(reverse("privacy:who_viewed")).content.decode()
    assert "Werkmatcher" in html and "gegevens geëxporteerd" in html.lower()


@pytest.mark.parametrize("who", ["coach_elsewhere", "account_manager", "employer", "admin",
                                 "other_jobseeker"])
def test_nobody_else_exports_a_candidate(candidate, verified_client, who):
    users = {
        "coach_elsewhere": lambda: UserFactory(role=Role.COACH,
                                               municipality=municipality("rotterdam")),
        "account_manager": lambda: UserFactory(role=Role.ACCOUNT_MANAGER),
        "employer": lambda: UserFactory(employer_user=True),
        "admin": lambda: UserFactory(role=Role.ADMINISTRATOR),
        "other_jobseeker": lambda: full_candidate("Zxo").user,
    }
    user = users[who]()
    client = verified_client(user)
    url = reverse("privacy:candidate_data_export", args=[candidate.pk, "json"])
    assert client.get(url).status_code in (403, 404)
    if who == "coach_elsewhere":
        assert client.get(url).status_code == 404, "a foreign id is a 404"
    assert not AuditEvent.objects.filter(action="export").exists()


def test_a_jobseeker_only_ever_downloads_their_own_data(verified_client):
    mine = full_candidate("Zxm")
    full_candidate("Zxn")
    data = json.loads(verified_client(mine.user).get(
        reverse("privacy:my_data_export", args=["json"])).content)
    assert "Zxn" not in json.dumps(data)


def test_an_unknown_format_is_a_404(candidate, verified_client):
    client = verified_client(candidate.user)
    assert client.get("/mijn/gegevens/download.xml").status_code == 404


def test_the_export_works_for_a_candidate_without_profile_or_account():
    from tests.factories import CandidateFactory

    candidate = CandidateFactory()
    candidate.user = None
    export = candidate_export_build(candidate)
    assert export.as_json()["sections"][0]["records"][0]["first_name"] == candidate.first_name
