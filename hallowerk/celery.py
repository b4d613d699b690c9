import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hallowerk.settings.dev")

app = Celery("hallowerk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def collect_beat_schedules(sender, **kwargs):
    """Each app declares its periodic jobs in <app>/schedule.py as BEAT_SCHEDULE; beat
    (django-celery-beat's database scheduler) picks them up at start."""
    from importlib import import_module

    for app_name in ("hallowerk", "candidates", "employers", "matching", "privacy"):
        try:
            module = import_module(f"{app_name}.schedule")
        except ModuleNotFoundError:
            continue
        sender.conf.beat_schedule.update(module.BEAT_SCHEDULE)


@worker_init.connect
@beat_init.connect
def refuse_a_too_powerful_database_role(**kwargs):
    """Like gunicorn (hallowerk/gunicorn_conf.py): not as the tables' owner or a superuser."""
    from hallowerk.database_roles import serving_role_check

    serving_role_check()
