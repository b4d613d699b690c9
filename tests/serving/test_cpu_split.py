"""scripts/cpu_split.py: where a load run's CPU went (bench_load.py reports it per request).

The split must count the measured part only (the samples nearest to its start and end),
give the rest of the machine's busy time to "other", and read real counters that grow
when a process works."""

import importlib.util
import os
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "cpu_split.py"
_spec = importlib.util.spec_from_file_location("cpu_split", SCRIPT)
cpu_split = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cpu_split)


def _sample(at, platform, postgresql, locust, busy, idle):
    return cpu_split.Sample(at=at, platform=platform, postgresql=postgresql, locust=locust,
                            busy=busy, idle=idle)


def test_the_split_covers_the_samples_nearest_to_the_measured_part():
    sampler = cpu_split.CpuSampler(platform_pid=0, locust_pid=0)
    sampler.samples = [_sample(100.0, 1.0, 1.0, 1.0, 4.0, 10.0),  # logging in, not counted
                       _sample(101.0, 2.0, 1.5, 1.25, 6.0, 10.5),
                       _sample(111.0, 7.0, 3.5, 2.25, 16.0, 20.5),
                       _sample(112.0, 9.0, 4.0, 2.5, 20.0, 20.5)]  # after the end
    split = sampler.split(101.2, 110.9)
    assert split == pytest.approx({"platform": 5.0, "postgresql": 2.0, "locust": 1.0, "other": 2.0,
                                   "idle": 10.0, "seconds": 10.0, "background": 0.0})


def test_no_split_without_two_samples():
    sampler = cpu_split.CpuSampler(platform_pid=0, locust_pid=0)
    assert sampler.split(0, 1) is None
    sampler.samples = [_sample(100.0, 1.0, 1.0, 1.0, 4.0, 10.0)]
    assert sampler.split(99, 101) is None


def test_the_counters_are_real_and_grow_with_work():
    before = cpu_split.sample(os.getpid(), os.getpid())
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:  # a fifth of a second of this process's CPU
        pass
    after = cpu_split.sample(os.getpid(), os.getpid())
    assert after.platform - before.platform >= 0.15
    assert after.busy - before.busy >= 0.15
    assert before.postgresql >= 0


def test_settle_waits_for_a_quiet_machine_but_not_for_ever():
    settle = cpu_split.settle
    at_once = settle(idle_share=0.0, window=0.1)
    assert at_once["waited"] < 1 and 0 <= at_once["idle"] <= 1
    never_quiet_enough = settle(idle_share=1.01, window=0.1, longest=0.3)
    assert 0.3 <= never_quiet_enough["waited"] < 2
    assert at_once["reference_ms"] > 0  # the machine's speed, measured with each settling


def test_the_python_reference_is_the_median_of_measured_cpu_time(monkeypatch):
    """reference_ms() reports what it timed: with the work made three times as heavy, the
    figure grows about as much (a median, so one slow repetition does not move it)."""
    light = cpu_split.reference_ms(times=9)
    real = cpu_split._reference_work
    monkeypatch.setattr(cpu_split, "_reference_work", lambda: [real() for _ in range(3)])
    heavy = cpu_split.reference_ms(times=9)
    assert 2 < heavy / light < 4.5


def test_the_background_share_counts_only_the_processes_named():
    """The platform's Celery worker and beat are told apart by their command line."""
    me = cpu_split.psutil.Process(os.getpid())
    assert cpu_split._tree_seconds(me, only="no-such-process-word") == 0
    own_word = me.cmdline()[0]  # this process's program, whatever started it
    own = me.cpu_times()
    counted = cpu_split._tree_seconds(me, only=own_word)
    # This process at least; its children (a browser under test, say) only if they run the
    # same program.
    assert own.user + own.system <= counted <= cpu_split._tree_seconds(me) + 0.5
