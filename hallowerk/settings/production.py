"""Production: every secret and service comes from the environment; unsafe cases refuse."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .connections import serving_budget, with_connection_pool

_missing = [name for name in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL") if not env.str(name, "")]
if _missing:
    raise ImproperlyConfigured(
        f"Production needs these environment variables: {', '.join(_missing)}")
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
if KVK_BACKEND not in {"offline", "api"}:
    raise ImproperlyConfigured("KVK_BACKEND must be 'offline' or 'api'.")
if KVK_BACKEND == "api" and not KVK_API_KEY:
    raise ImproperlyConfigured("KVK_BACKEND=api needs KVK_API_KEY.")

SECRET_KEY = env.str("SECRET_KEY")
# DATABASE_URL is the application role for web, worker and beat; `migrate`, `backup` and
# `restore` run with the owner's URL instead (docker-compose.yml, docs/security.md).
DATABASE_REQUIRE_APP_ROLE = env.bool("DATABASE_REQUIRE_APP_ROLE", default=True)
DATABASES = {"default": with_planner_settings(env.db_url("DATABASE_URL"))}
if env.bool("DATABASE_POOL", default=False):  # web processes (hallowerk/gunicorn_conf.py)
    with_connection_pool(DATABASES["default"], serving_budget())
else:  # the Celery worker and beat: one connection per process, kept a while
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
REDIS_URL = env.str("REDIS_URL")
CACHES = redis_cache(REDIS_URL)
CELERY_BROKER_URL = celery_broker_url(REDIS_URL)

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
DEMO_TOTP_SECRET_HEX = None
