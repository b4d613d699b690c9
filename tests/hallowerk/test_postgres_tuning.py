"""PostgreSQL runs with settings sized to the machine (issue 11), embedded and in compose."""

import re
from pathlib import Path

import pytest
from django.db import connection

from hallowerk.settings.postgres_tuning import (
    machine_cores,
    machine_memory_bytes,
    tuned_settings,
)

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def test_docker_compose_uses_the_rules_for_its_documented_server_size():
    given = dict(re.findall(r"^\s+- (\w+)=(\S+)$", COMPOSE.read_text(), re.MULTILINE))
    assert "16 GB of memory and 4 cores" in COMPOSE.read_text()
    assert given == tuned_settings(memory_bytes=16 * 2**30, cores=4)


def test_settings_grow_with_the_machine_within_bounds():
    small = tuned_settings(memory_bytes=1 * 2**30, cores=1)
    large = tuned_settings(memory_bytes=256 * 2**30, cores=32)
    assert small["shared_buffers"] == "256MB" and large["shared_buffers"] == "8192MB"
    assert small["max_parallel_workers_per_gather"] == "1"
    assert large["max_parallel_workers_per_gather"] == "8"


@pytest.mark.django_db
def test_the_embedded_server_runs_tuned_for_this_machine():
    if ".hallowerk" not in str(connection.settings_dict["OPTIONS"].get("host", "")):
        pytest.skip("a real server (DATABASE_URL) is tuned by its operator")
    wanted = tuned_settings(memory_bytes=machine_memory_bytes(), cores=machine_cores())
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting, unit FROM pg_settings WHERE name = 'shared_buffers'")
        blocks, unit = cursor.fetchone()
        assert unit == "8kB"
        assert int(blocks) * 8 // 1024 == int(wanted["shared_buffers"].removesuffix("MB"))
        for name in ("work_mem", "jit", "max_parallel_workers_per_gather"):
            cursor.execute(f"SHOW {name}")
            assert cursor.fetchone()[0] == wanted[name], name
