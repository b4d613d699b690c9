"""The embedded Redis keeps queued work on disk, like docker-compose's (issue 12)."""

import os
import time
from pathlib import Path

import redis

from hallowerk.settings.embedded import embedded_redis_url


def test_embedded_redis_writes_an_append_only_file(tmp_path, monkeypatch):
    monkeypatch.setenv("REDIS_URL", os.environ.get("REDIS_URL", ""))  # put back afterwards
    client = redis.Redis.from_url(embedded_redis_url(tmp_path / "redis"))
    assert client.config_get("appendonly") == {"appendonly": "yes"}
    assert client.config_get("appendfsync") == {"appendfsync": "everysec"}
    client.lpush("celery", "queued work")
    aof = Path(client.config_get("dir")["dir"]) / client.config_get("appendfilename")[
        "appendfilename"]
    for _ in range(50):  # written within a second (appendfsync everysec)
        if aof.exists() and b"queued work" in aof.read_bytes():
            break
        time.sleep(0.1)
    assert b"queued work" in aof.read_bytes()
