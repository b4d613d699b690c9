"""Production refuses to use the KvK API without a key (or with an unknown backend)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAFE_ENV = {"SECRET_KEY": "s" * 50, "DATABASE_URL": "postgres://u:p@db/hallowerk",
            "REDIS_URL": "redis://redis:6379/0"}
KVK_VARS = {"KVK_BACKEND", "KVK_API_KEY", "KVK_API_BASE_URL", "DEBUG"}


def load_production(overrides: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in KVK_VARS}
    env.update(SAFE_ENV, **overrides, DJANGO_SETTINGS_MODULE="hallowerk.settings.production")
    code = "import django; django.setup(); from django.conf import settings as s; print(s.KVK_BACKEND)"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_offline_register_is_the_default():
    result = load_production({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "offline"


def test_api_backend_without_key_refuses():
    result = load_production({"KVK_BACKEND": "api"})
    assert result.returncode != 0
    assert "KVK_API_KEY" in result.stderr


def test_api_backend_with_key_starts():
    result = load_production({"KVK_BACKEND": "api", "KVK_API_KEY": "k"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "api"


def test_unknown_backend_refuses():
    result = load_production({"KVK_BACKEND": "csv"})
    assert result.returncode != 0
    assert "KVK_BACKEND" in result.stderr
