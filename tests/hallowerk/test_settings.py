"""Production settings refuse to start in the unsafe cases."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAFE_ENV = {"SECRET_KEY": "s" * 50, "DATABASE_URL": "postgres://u:p@db/hallowerk",
            "REDIS_URL": "redis://redis:6379/0"}


def load_production(env_overrides: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DEBUG"}}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="hallowerk.settings.production")
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_production_starts_with_everything_set():
    result = load_production(SAFE_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_without(missing):
    env = {k: v for k, v in SAFE_ENV.items() if k != missing}
    result = load_production(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_debug():
    result = load_production({**SAFE_ENV, "DEBUG": "on"})
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_cookies_are_secure():
    env = {**SAFE_ENV}
    code_env = dict(os.environ, **env, DJANGO_SETTINGS_MODULE="hallowerk.settings.production")
    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=code_env,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "True True True", result.stderr
