"""PostgreSQL settings sized to the machine, with the reason for each (issue 11).

The embedded server (embedded.py) writes these into its data directory; docker-compose.yml
passes the values for its documented server size on the command line. PostgreSQL's own
defaults assume a tiny machine (128 MB shared_buffers, 4 MB work_mem, spinning disks):
measured at 500,000 candidates, the search's sort spilled to disk and most reads missed the
cache.
"""

import os

MB = 2**20


def machine_memory_bytes() -> int:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def machine_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def tuned_settings(*, memory_bytes: int, cores: int) -> dict[str, str]:
    """postgresql.conf values for a server with this memory and these cores, on SSD."""
    memory_mb = memory_bytes // MB
    return {
        # A quarter of the memory is PostgreSQL's own guidance; the operating system's page
        # cache holds the rest. Capped: beyond ~8 GB the gain is small and checkpoints grow.
        "shared_buffers": f"{min(max(memory_mb // 4, 128), 8192)}MB",
        # What shared_buffers and the page cache hold together: tells the planner an index
        # read is usually a memory read.
        "effective_cache_size": f"{max(memory_mb * 3 // 4, 256)}MB",
        # Per sort or hash per query step. The search's top-N and the rankings' sorts fit in
        # it; 100 connections × a few steps × 32 MB stays well within the memory.
        "work_mem": "32MB",
        # Index builds after bulk loads (demo_data) and VACUUM, one at a time.
        "maintenance_work_mem": f"{min(max(memory_mb // 16, 64), 1024)}MB",
        # Bulk loads and the retention job write a lot at once: fewer forced checkpoints.
        "max_wal_size": "4GB",
        # SSD storage: a random read costs about what a sequential one does. Without this
        # PostgreSQL scans the whole profile table for common search words (measured).
        "random_page_cost": "1.1",
        "effective_io_concurrency": "200",
        # One parallel helper per query at most on a small machine, so one heavy page cannot
        # take every core from the others.
        "max_parallel_workers_per_gather": str(max(1, cores // 4)),
        # Our queries are short; compiling them with JIT costs more than it saves.
        "jit": "off",
    }


def tuned_conf(settings: dict[str, str]) -> str:
    lines = ["# Written by hallowerk/settings/postgres_tuning.py; edits are overwritten."]
    lines += [f"{name} = '{value}'" for name, value in settings.items()]
    return "\n".join(lines) + "\n"
