"""Local development: DEBUG on, embedded PostgreSQL and Redis unless URLs are given."""

from .base import *  # noqa: F403
from .connections import serving_budget, with_connection_pool
from .embedded import embedded_database_url, embedded_redis_url

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-" + "x" * 40)
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = SECURE_COOKIES

DATABASES = {"default": with_planner_settings(env.db_url_config(
    env.str("DATABASE_URL", default="") or embedded_database_url(DATA_DIR)))}
if env.bool("DATABASE_POOL", default=False):  # set by the gunicorn configuration (`make run`)
    with_connection_pool(DATABASES["default"], serving_budget())
REDIS_URL = env.str("REDIS_URL", default="") or embedded_redis_url(DATA_DIR)
CACHES = redis_cache(REDIS_URL)
CELERY_BROKER_URL = celery_broker_url(REDIS_URL)

# Demo accounts share one TOTP secret so the demo can print how to get codes.
DEMO_TOTP_SECRET_HEX = "48616c6c6f5765726b44656d6f536563726574"  # "HalloWerkDemoSecret"
