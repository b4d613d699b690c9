import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hallowerk.settings.dev")

app = Celery("hallowerk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
