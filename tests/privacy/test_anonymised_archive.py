"""Statistics that survive destruction (issue 17): a destroyed dossier leaves one anonymised
row in the same transaction, the team lead's figures count it, and nothing in the database
can lead back to the person afterwards."""

import datetime
import re

import pytest
from django.db import connection, transaction
from freezegun import freeze_time

from candidates.models import Candidate, ContactRequest, Thread, VacancyResponse
from hallowerk.models import Invitation
from hallowerk.models.invitations import new_token, token_digest
from hallowerk.roles import Role
from hallowerk.stats import PERIODS, figures_count
from matching.models import SuggestionFeedback
from privacy.archive_models import AnonymisedActivity, AnonymisedDossier, DurationBand
from privacy.retention.archive import duration_band
from privacy.retention.destroy import dossier_destroy, dossiers_destroy_due
from privacy.retention.notices import retention_notices_send
from privacy.retention.rules import Rules
from privacy.retention.run import retention_run
from privacy.retention.selectors import with_due_on
from tests.factories import CandidateFactory, UserFactory, VacancyFactory, municipality
from tests.privacy.privacyops_data import end, full_candidate

pytestmark = pytest.mark.django_db
D = datetime.date


def started(candidate, day: datetime.date):
    Candidate.objects.filter(pk=candidate.pk).update(
        created_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC))
    candidate.refresh_from_db()
    return candidate


def destruction_run(today: datetime.date) -> int:
    """The notices a month ahead, then the destruction itself (as the daily job does it,
    without the other purges, whose own periods are tested elsewhere)."""
    rules = Rules.load()
    retention_notices_send(rules=rules, today=today - datetime.timedelta(days=31))
    with freeze_time(f"{today.isoformat()} 02:30:00+01:00"):
        return dossiers_destroy_due(rules=rules, today=today)


@pytest.mark.parametrize(("start", "stop", "band"), [
    (D(2023, 1, 31), D(2023, 4, 29), DurationBand.UNDER_3),
    (D(2023, 1, 31), D(2023, 5, 1), DurationBand.UNDER_6),
    (D(2023, 1, 1), D(2023, 12, 31), DurationBand.UNDER_12),
    (D(2023, 1, 1), D(2024, 1, 1), DurationBand.UNDER_24),
    (D(2020, 1, 1), D(2023, 1, 1), DurationBand.LONGER),
])
def test_duration_band_counts_whole_months(start, stop, band):
    assert duration_band(started=start, ended=stop) == band


def test_destruction_leaves_one_row_with_months_outcome_band_and_counts():
    candidate = started(full_candidate("Zra", ended_on=D(2023, 3, 17), end_reason="ended",
                                       esf_programme_end=D(2023, 6, 30)), D(2022, 8, 9))
    ContactRequest.objects.filter(candidate=candidate).update(
        status=ContactRequest.Status.FORWARDED, handled_at=candidate.created_at)
    VacancyResponse.objects.filter(candidate=candidate).update(
        status=VacancyResponse.Status.INVITED)
    SuggestionFeedback.objects.create(candidate=candidate, vacancy=VacancyFactory(),
                                      verdict="helps")
    place = candidate.municipality

    assert destruction_run(D(2033, 7, 1)) == 1

    row = AnonymisedDossier.objects.get()
    assert row.municipality == place
    assert (row.started_month, row.ended_month) == (D(2022, 8, 1), D(2023, 3, 1))
    assert row.outcome == "ended" and row.is_placement
    assert row.duration_band == DurationBand.UNDER_12 and row.esf_funded
    assert (row.invitations_sent, row.invitations_accepted) == (1, 1)
    assert (row.contact_requests, row.contact_forwarded, row.contact_declined) == (1, 1, 0)
    assert (row.conversations, row.responses, row.responses_invited) == (1, 1, 1)
    assert row.suggestions_answered == 1
    # A random key, so the row cannot be paired with the destruction record by its order.
    assert isinstance(row.pk, type(AnonymisedDossier._meta.pk.default()))


def test_the_row_is_written_in_the_destruction_transaction():
    candidate = full_candidate("Zrb", ended_on=D(2022, 1, 10), end_reason="broken_off")
    rules = Rules.load()
    locked = with_due_on(Candidate.objects.filter(pk=candidate.pk), rules)
    with pytest.raises(RuntimeError), transaction.atomic():
        dossier_destroy(candidate=locked.select_for_update().get(), rules=rules)
        assert AnonymisedDossier.objects.count() == 1
        raise RuntimeError("the batch fails after this dossier")
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    assert not AnonymisedDossier.objects.exists(), "rolled back with the destruction"


def test_team_lead_totals_are_identical_before_and_after_a_destruction_run():
    place = municipality("utrecht")
    with freeze_time("2021-03-01 10:00:00+01:00"):
        destroyed = [full_candidate(f"Zr{c}", ended_on=end_day, end_reason=reason, files=False)
                     for c, end_day, reason in (("c", D(2022, 1, 10), "broken_off"),
                                                ("d", D(2022, 2, 20), "broken_off"),
                                                ("e", D(2021, 12, 1), "broken_off"))]
        kept = [full_candidate("Zrf", ended_on=D(2022, 11, 30), end_reason="broken_off",
                               files=False),
                full_candidate("Zrg", files=False),
                end(CandidateFactory(municipality=place), ended_on=D(2020, 1, 1),
                    end_reason="refused")]
    now = datetime.datetime(2023, 6, 1, 3, tzinfo=datetime.UTC)
    before = figures_count(now=now)

    assert destruction_run(D(2023, 6, 1)) == len(destroyed)

    assert not Candidate.objects.filter(pk__in=[c.pk for c in destroyed]).exists()
    assert Candidate.objects.filter(pk__in=[c.pk for c in kept]).count() == len(kept)
    assert AnonymisedDossier.objects.count() == len(destroyed)
    after = figures_count(now=now)
    assert after == before
    all_time = after[place.pk]["all"]
    assert all_time["ended_broken_off"] == 4 and all_time["contact_requests"] == 5
    assert set(before[place.pk]) == set(PERIODS)


def test_totals_survive_the_whole_retention_run_with_its_purges_too():
    """Contact requests, responses and conversations go after a year under their own rules,
    unused invitations after six months: the figures keep counting them."""
    place = municipality("utrecht")
    with freeze_time("2021-03-01 10:00:00+01:00"):
        destroyed = full_candidate("Zrj", ended_on=D(2022, 1, 10), end_reason="broken_off",
                                   files=False)
        open_dossier = full_candidate("Zrk", files=False)
        ContactRequest.objects.filter(candidate=open_dossier).update(
            status=ContactRequest.Status.DECLINED, handled_at=open_dossier.created_at)
        unused = UserFactory(role=Role.JOBSEEKER, municipality=place)
        Invitation.objects.create(user=unused, role=Role.JOBSEEKER,
                                  token_hash=token_digest(new_token()),
                                  expires_at=datetime.datetime(2021, 3, 15, tzinfo=datetime.UTC))
    now = datetime.datetime(2023, 6, 1, 3, tzinfo=datetime.UTC)
    before = figures_count(now=now)

    for day in (D(2023, 5, 1), D(2023, 6, 1)):
        with freeze_time(f"{day.isoformat()} 02:30:00+01:00"):
            retention_run()

    assert not Candidate.objects.filter(pk=destroyed.pk).exists()
    assert not ContactRequest.objects.filter(candidate=open_dossier).exists(), "purged"
    assert not Thread.objects.filter(candidate=open_dossier).exists(), "purged"
    assert not Invitation.objects.filter(user=unused).exists(), "purged"
    assert figures_count(now=now) == before
    activity = AnonymisedActivity.objects.get(municipality=place)
    assert activity.month == D(2021, 3, 1)
    assert (activity.contact_requests, activity.contact_declined, activity.responses,
            activity.conversations, activity.invitations_sent) == (2, 1, 2, 2, 1), \
        "both people's requests, responses and conversations went under their own rule"
    assert before[place.pk]["all"]["contact_declined"] == 1


def _text_columns_mentioning(text: str) -> dict[str, int]:
    """Every row of every table in the schema, as text (what a dump would hold)."""
    found = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT table_name FROM information_schema.tables "
                       "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
        for (table,) in cursor.fetchall():
            # At the start of a word only (\m): every identifier starts one in the test data,
            # and a salted hash or random key then cannot hold it by chance.
            cursor.execute(f'SELECT count(*) FROM "{table}" AS row WHERE row::text ~* %s',
                           [rf"\m{re.escape(text)}"])
            count = cursor.fetchone()[0]
            if count:
                found[table] = count
    return found


def test_a_dump_scan_after_destruction_finds_no_identifier():
    candidate = started(full_candidate("Zrh", ended_on=D(2022, 1, 10), end_reason="broken_off",
                                       files=False), D(2021, 5, 27))
    identifiers = [candidate.client_number, candidate.first_name, candidate.last_name,
                   candidate.email, "Zrh"]
    assert all(_text_columns_mentioning(text) for text in identifiers)

    destruction_run(D(2023, 6, 1))

    for text in identifiers:
        assert _text_columns_mentioning(text) == {}, text
    # The row itself: months only, no day of start, end or birth, no key of the person.
    row = AnonymisedDossier.objects.values().get()
    for day in ("2021-05-27", "2022-01-10", "1990-05-17"):
        assert day not in str(row)
    assert str(row["started_month"]) == "2021-05-01"
    assert {f.name for f in AnonymisedDossier._meta.get_fields() if f.is_relation} \
        == {"municipality"}
