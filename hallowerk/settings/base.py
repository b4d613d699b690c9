"""Settings shared by every environment.

Everything that differs between machines comes from the environment through one
django-environ reader. Defaults are the safe ones: DEBUG off, secure cookies on, no
secret. Development conveniences (embedded database, console mail) live in dev.py.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from .connections import serving_budget

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = BASE_DIR / ".hallowerk"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "hallowerk",
    "candidates",
    "employers",
    "matching",
    "privacy",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "allauth",
    "allauth.account",
    "axes",
    "csp",
    "django_celery_beat",
]

MIDDLEWARE = [
    # First, so every log line of the request carries its id.
    "hallowerk.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise: every response but a static file is "no-store".
    "hallowerk.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hallowerk.middleware.DutchFirstLocaleMiddleware",
    "hallowerk.middleware.MethodNotAllowedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hallowerk.accounts.otp_middleware.OTPMiddleware",
    "hallowerk.input_guard.NulCharacterRefusalMiddleware",
    "hallowerk.middleware.RequireTwoFactorMiddleware",
    "hallowerk.middleware.RoleSessionExpiryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Axes goes last so it can turn a lockout raised anywhere above into its page.
    "axes.middleware.AxesMiddleware",
]

# --- database roles (docs/security.md): the serving processes connect as this role, which
# neither owns the tables nor is a superuser; `migrate` (run as the owner) grants it its rights.
DATABASE_APP_ROLE = env.str("DATABASE_APP_ROLE", default="hallowerk_app")
# Refuse to serve (gunicorn, Celery) when connected as the owner or a superuser.
DATABASE_REQUIRE_APP_ROLE = env.bool("DATABASE_REQUIRE_APP_ROLE", default=False)

ROOT_URLCONF = "hallowerk.urls"
WSGI_APPLICATION = "hallowerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "hallowerk.context_processors.platform",
            ],
        },
    },
]
FORM_RENDERER = "hallowerk.forms.renderer.UtrechtFormRenderer"

AUTH_USER_MODEL = "hallowerk.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "hallowerk.accounts.backend.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "home"

# --- allauth: e-mail login, no sign-up (the adapter closes it), invitations are ours.
ACCOUNT_ADAPTER = "hallowerk.accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
# django-axes does the login lockout (with our own page and audit); allauth's own
# failed-login limit would answer first with a bare 429, so it is switched off.
ACCOUNT_RATE_LIMITS = {"login_failed": None}

# --- the client's address: X-Forwarded-For counts only from these proxies (addresses or
# networks, comma-separated), so behind a reverse proxy the lock-out and the audit log see the
# person, not the proxy (hallowerk/client_address.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# --- django-axes: lock an account after five failures, whatever the address; our handler
# also locks an address that fails for many accounts (password spraying). No IP address or
# user agent of anyone is kept (hallowerk/accounts/lockout.py says why and how).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
LOCKOUT_ADDRESS_FAILURE_LIMIT = env.int("LOCKOUT_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username"]]
AXES_CLIENT_IP_CALLABLE = "hallowerk.accounts.lockout.client_address_for_lockout"
AXES_HANDLER = "hallowerk.accounts.lockout.LoginAttemptHandler"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
# axes warns that a lock-out without the address can be dodged by rotating user agents or
# cookies; ours counts failures per account and per address (outside axes' table), which
# neither changes.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_CALLABLE = "hallowerk.accounts.lockout.username_from_request"
AXES_LOCKOUT_TEMPLATE = "account/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- django-otp
OTP_TOTP_ISSUER = "HalloWerk"
OTP_LOGIN_URL = "twofactor_verify"

# --- sessions: staff sessions are shorter (set per request by RoleSessionExpiryMiddleware).
SESSION_COOKIE_AGE = env.int("JOBSEEKER_SESSION_SECONDS", default=8 * 3600)
STAFF_SESSION_SECONDS = env.int("STAFF_SESSION_SECONDS", default=30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- security: one switch for the cookie flags.
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- django-csp: nonces everywhere, the back office and the admin included.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- i18n: Dutch (plain language) by default, English available.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
# locale/ holds the project's English; each module keeps its own file under locale/parts/
# (so people working on different modules never edit the same .po file).
LOCALE_PATHS = [BASE_DIR / "locale", *sorted((BASE_DIR / "locale" / "parts").glob("*"))]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(DATA_DIR / "media"))
MEDIA_URL = "/media/"
# Uploads with personal data (CVs) live outside MEDIA_ROOT and are served by a checked view.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(DATA_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="HalloWerk <noreply@hallowerk.local>")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# --- Celery: broker and results on Redis; beat schedule stored in the database.
CELERY_TASK_ACKS_LATE = True
# One task at a time unless CELERY_CONCURRENCY says otherwise: the worker's connections are
# part of the connection budget (connections.py), not one per core of whatever machine.
CELERY_WORKER_CONCURRENCY = serving_budget().celery_processes - 1
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that enqueues a task must not hang while Redis is down: try briefly, then
# fail (callers keep the work as "due" in the database and a periodic job picks it up).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5,
                                   "max_retries": 1}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0,
                                    "interval_step": 0.5, "interval_max": 1}

# --- KvK register (employers/kvk): the offline demo register unless told to use the API.
KVK_BACKEND = env.str("KVK_BACKEND", default="offline")  # "offline" or "api"
KVK_API_BASE_URL = env.str("KVK_API_BASE_URL", default="https://api.kvk.nl/api")
KVK_API_KEY = env.str("KVK_API_KEY", default="")

# Every line carries the request id (hallowerk/request_id.py); one line per request from
# RequestIdMiddleware, with the URL pattern instead of the address (no personal data).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "hallowerk.request_id.RequestIdFilter"}},
    "formatters": {"plain": {
        "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {"hallowerk.requests": {"level": env.str("REQUEST_LOG_LEVEL", default="INFO")}},
}

# A database failure while loading the session logged a second, misleading traceback
# ("'SessionStore' object has no attribute '_session_cache'"): see hallowerk/sessions.py.
SESSION_ENGINE = "hallowerk.sessions"
CSRF_FAILURE_VIEW = "hallowerk.views.errors.csrf_failure"


def celery_broker_url(redis_url: str) -> str:
    """Kombu names the Unix-socket Redis transport differently from redis-py."""
    if redis_url.startswith("unix://"):
        return "redis+socket://" + redis_url.removeprefix("unix://")
    return redis_url


def with_planner_settings(database: dict) -> dict:
    """PostgreSQL's planner defaults assume spinning disks; with SSDs and the data in memory
    these values make it use the full-text and partial indexes (scripts/bench_search.py
    measured full-table scans for common words without them). Set per connection so they hold
    for the embedded server too; a DBA may set them server-wide instead."""
    options = database.setdefault("OPTIONS", {})
    options.setdefault("options", env.str(
        "DATABASE_SESSION_OPTIONS", default="-c random_page_cost=1.1 -c effective_cache_size=4GB"))
    return database


# Django's defaults stay for every query: values written into the query text (client-side
# binding), nothing prepared. hallowerk/prepared.py switches a connection to server-side
# parameters and prepared statements only around the lookups by key of the busiest pages.
# Server-side binding everywhere was measured and rejected: the search at 500k went from 38.4
# to 46.0 ms p95 (400 searches each, alternating, one process). Off
# (DATABASE_PREPARED_STATEMENTS=false) behind a transaction-mode pooler that cannot keep
# prepared statements (PgBouncer before 1.21).
PREPARED_STATEMENTS = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)


def redis_cache(redis_url: str) -> dict:
    # Keeps answering (from memory) while Redis is away: hallowerk/cache.py.
    return {"default": {"BACKEND": "hallowerk.cache.RedisWithLocalFallbackCache",
                        "LOCATION": redis_url}}
