"""Tests: always real PostgreSQL (embedded unless DATABASE_URL is set)."""

from .base import *  # noqa: F403
from .embedded import embedded_database_url

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "x" * 40
SECURE_COOKIES = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False

DATABASES = {"default": with_planner_settings(env.db_url_config(
    # Never serves the platform: a running server is never restarted for its budget.
    env.str("DATABASE_URL", default="") or embedded_database_url(DATA_DIR, serving=False)))}
REDIS_URL = env.str("REDIS_URL", default="")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run in-process so tests see their effects; the task code is the real one.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = celery_broker_url(REDIS_URL) if REDIS_URL else "memory://"

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "test-media"
PRIVATE_MEDIA_ROOT = DATA_DIR / "test-private"
DEMO_TOTP_SECRET_HEX = "48616c6c6f5765726b44656d6f536563726574"
# Every read compiled once per viewer is also compiled the ordinary way, and must agree
# (hallowerk/compiled_queries.py).
COMPILED_QUERIES_VERIFY = True
# django-otp's own per-device throttle would make consecutive test logins flaky; the
# axes lockout (tested) still limits guessing.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
