"""The backfill (matching/backfill.py) computes exactly the missing kept lists of one
municipality — the same lists a page would compute — batch after batch, skipping what is
kept, from the command and as a chain of Celery tasks."""

import random
from datetime import timedelta
from functools import partial

import pytest
from django.core.management import call_command
from django.utils import timezone

from candidates.models import Candidate
from employers.models import Vacancy
from hallowerk.models import Municipality, QueuedTask
from hallowerk.outbox import outbox_run_due
from matching import backfill, ranking, refresh
from matching.models import Audience, CandidateRanking, VacancyRanking
from matching.tasks import rankings_backfill_task
from tests.factories import EmployerFactory, municipality
from tests.matching.builders import random_candidate, random_vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def country():
    rng = random.Random(3)
    utrecht, rotterdam = municipality("utrecht"), municipality("rotterdam")
    people = [random_candidate(rng, candidate_fields={"municipality": here})
              for here in (utrecht, rotterdam) for _ in range(12)]
    jobs = [random_vacancy(rng, employer=EmployerFactory(municipality=here))
            for here in (utrecht, rotterdam) for _ in range(7)]
    draft = random_vacancy(rng, employer=EmployerFactory(municipality=utrecht), published=False)
    return {"utrecht": utrecht, "rotterdam": rotterdam, "people": people, "jobs": jobs,
            "draft": draft}


def _published(place):
    return list(Vacancy.objects.published().filter(municipality=place).order_by("pk")
                .select_related("occupation", "place", "municipality"))


def _matchable(place):
    return set(ranking.matchable_candidates(Candidate.objects.filter(municipality=place))
               .values_list("pk", flat=True))


def _assert_backfilled(place):
    """Every list of the municipality is kept, equal to the exact ranking; nothing else."""
    for vacancy in _published(place):
        for audience in Audience.values:
            kept = CandidateRanking.objects.get(vacancy=vacancy, audience=audience)
            exact = ranking.candidate_rows_for_vacancy(
                vacancy=vacancy, candidates=refresh.audience_scope(vacancy, audience),
                weights=refresh.weights_of(place.pk), limit=refresh.DEPTH)
            assert list(zip(kept.candidate_ids, kept.nums, strict=True)) == exact
    assert set(CandidateRanking.objects.values_list("vacancy__municipality", flat=True)) \
        == {place.pk}
    assert set(VacancyRanking.objects.values_list("candidate_id", flat=True)) \
        == _matchable(place)


def test_batches_compute_every_missing_list_of_one_municipality_and_resume(country):
    here = country["utrecht"]
    first = backfill.vacancy_lists_backfill(municipality_id=here.pk, batch=3)
    assert (first.computed, first.skipped) == (6, 0)
    assert CandidateRanking.objects.count() == 6
    after, batches = first.last_id, 1
    while not (step := backfill.vacancy_lists_backfill(municipality_id=here.pk,
                                                        after=after, batch=3)).done:
        after, batches = step.last_id, batches + 1
    assert batches == 3  # 7 published vacancies; the draft is not ranked
    after = 0
    while not (step := backfill.candidate_lists_backfill(municipality_id=here.pk,
                                                         after=after, batch=5)).done:
        after = step.last_id
    _assert_backfilled(here)


def test_a_kept_list_is_skipped_and_a_second_run_changes_nothing(country):
    here = country["utrecht"]
    job = _published(here)[0]
    old = timezone.now() - timedelta(days=1)
    refresh.candidate_rankings_compute(vacancy=job, audiences=[Audience.MUNICIPALITY])
    CandidateRanking.objects.filter(vacancy=job).update(computed_at=old)
    step = backfill.vacancy_lists_backfill(municipality_id=here.pk,
                                           audiences=[Audience.MUNICIPALITY])
    assert (step.computed, step.skipped) == (6, 1)
    assert CandidateRanking.objects.get(vacancy=job).computed_at == old  # not ranked again
    again = backfill.vacancy_lists_backfill(municipality_id=here.pk,
                                            audiences=[Audience.MUNICIPALITY])
    assert (again.computed, again.skipped) == (0, 7)
    assert not CandidateRanking.objects.filter(audience=Audience.REGION).exists()


def _sweep_until_done() -> int:
    """Run the recorded backfill batches as the periodic sweep does, until none is due."""
    runs = ran = outbox_run_due()
    while ran:
        ran = outbox_run_due()
        runs += ran
    return runs


def test_the_command_and_the_task_chain_backfill_everything(country):
    call_command("matching_backfill", "utrecht", "--batch", "2")
    _assert_backfilled(country["utrecht"])
    CandidateRanking.objects.all().delete()
    VacancyRanking.objects.all().delete()
    rankings_backfill_task.delay(country["utrecht"].pk)  # eager in tests: the first batch
    assert _sweep_until_done() >= 1  # the next batches, recorded before they were queued
    _assert_backfilled(country["utrecht"])


def test_each_next_batch_is_recorded_with_its_batch_so_a_lost_message_loses_nothing(
        country, monkeypatch):
    """Issue 12: the chain no longer lives only in the broker. A batch's lists and the
    record of the next batch commit together; a message that never arrives (nothing is
    queued from a test transaction) leaves the record due for the sweep."""
    here = country["utrecht"]
    batches_of_three = partial(backfill.lists_backfill, batch=3)
    monkeypatch.setattr(backfill, "lists_backfill", batches_of_three)
    rankings_backfill_task(here.pk, [backfill.VACANCIES], 0, [Audience.MUNICIPALITY])
    first_three = [v.pk for v in _published(here)[:3]]
    assert set(CandidateRanking.objects.values_list("vacancy_id", flat=True)) == set(first_three)
    due = QueuedTask.objects.get(status="due")
    assert due.task == "matching.tasks.rankings_backfill_task"
    assert due.args == [here.pk, [backfill.VACANCIES], first_three[-1], [Audience.MUNICIPALITY]]
    assert _sweep_until_done() == 3  # ids 4-6, 7, then the empty batch that ends the chain
    assert (CandidateRanking.objects.filter(audience=Audience.MUNICIPALITY).count()
            == len(_published(here)))
    assert not QueuedTask.objects.filter(status="due").exists()


def test_queue_option_records_the_backfill_for_the_sweep(country):
    call_command("matching_backfill", "rotterdam", "--queue")
    assert QueuedTask.objects.get(status="due").args[0] == country["rotterdam"].pk
    _sweep_until_done()
    _assert_backfilled(country["rotterdam"])


def test_the_nightly_job_restarts_every_municipalitys_backfill(country):
    """A chain whose next message the broker lost is picked up by the nightly job."""
    from hallowerk.celery import app
    from matching.schedule import BEAT_SCHEDULE
    from matching.tasks import rankings_backfill_all

    app.loader.import_default_modules()
    assert app.conf.beat_schedule["matching-rankings-backfill"]["task"] == (
        "matching.tasks.rankings_backfill_all")
    assert {entry["task"] for entry in BEAT_SCHEDULE.values()} <= set(app.tasks)
    everywhere = Municipality.objects.count()
    assert rankings_backfill_all() == everywhere  # one recorded run per municipality
    assert QueuedTask.objects.filter(status="due").count() == everywhere
    _sweep_until_done()
    places = (country["utrecht"], country["rotterdam"])
    for place in places:
        for vacancy in _published(place):
            assert (set(CandidateRanking.objects.filter(vacancy=vacancy)
                        .values_list("audience", flat=True)) == set(Audience.values))
    assert set(VacancyRanking.objects.values_list("candidate_id", flat=True)) == (
        _matchable(places[0]) | _matchable(places[1]))
