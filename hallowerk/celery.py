import os

from celery import Celery

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
