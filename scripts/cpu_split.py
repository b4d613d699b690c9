"""Where a load run's CPU went: the served platform, PostgreSQL, the load generator, the rest.

The load generator runs on the same cores as the server (issue 12 asks for that), so what it
uses is CPU the server did not have. bench_load.py samples these counters once a second while
locust runs and reports, for the measured part of each run, CPU milliseconds per request of
each group: that shows whether a figure is limited by our code, by PostgreSQL or by locust.

Counters come from psutil (a dependency of locust): each process's user + system time, plus
the time of its children that have ended and been reaped (children_user / children_system),
so a PostgreSQL backend or gunicorn worker that exits between samples is still counted.
"""

import threading
import time
from dataclasses import dataclass, field

import psutil

# The busy groups split() reports (besides "idle" and "seconds").
BUSY_GROUPS = ("platform", "postgresql", "locust", "other")


def _tree_seconds(root: psutil.Process, *, only: str = "") -> float:
    """CPU seconds of `root` and its descendants; with `only`, of those whose command line
    holds that word (the Celery worker and beat within the platform)."""
    total = 0.0
    for process in [root, *root.children(recursive=True)]:
        try:
            if only and only not in " ".join(process.cmdline()):
                continue
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def _postgres_seconds() -> float:
    """Every PostgreSQL process on the machine (the benchmark's embedded server is the only
    one here): the postmaster with its reaped backends, and the live backends."""
    total = 0.0
    for process in psutil.process_iter(["name", "ppid"]):
        if process.info["name"] != "postgres":
            continue
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
        try:
            is_postmaster = psutil.Process(process.info["ppid"]).name() != "postgres"
        except psutil.NoSuchProcess:
            is_postmaster = True
        if is_postmaster:
            total += times.children_user + times.children_system
    return total


@dataclass
class Sample:
    at: float
    platform: float
    postgresql: float
    locust: float
    busy: float
    idle: float
    background: float = 0.0  # the platform's Celery worker and beat (part of `platform`)


def sample(platform_pid: int, locust_pid: int) -> Sample:
    machine = psutil.cpu_times()
    idle = machine.idle + getattr(machine, "iowait", 0.0)
    # Linux counts guest time inside user time already.
    guest = getattr(machine, "guest", 0.0) + getattr(machine, "guest_nice", 0.0)
    busy = sum(machine) - idle - guest
    platform = psutil.Process(platform_pid)
    return Sample(time.time(), _tree_seconds(platform), _postgres_seconds(),
                  _tree_seconds(psutil.Process(locust_pid)), busy, idle,
                  background=_tree_seconds(platform, only="celery"))


@dataclass
class CpuSampler:
    """Samples once a second in a thread until stop(); split() gives the CPU between two
    moments (the nearest samples to them)."""

    platform_pid: int
    locust_pid: int
    samples: list[Sample] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> "CpuSampler":
        threading.Thread(target=self._loop, daemon=True).start()
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.samples.append(sample(self.platform_pid, self.locust_pid))
            except psutil.NoSuchProcess:  # locust has just ended
                return
            self._stop.wait(1.0)

    def stop(self) -> None:
        self._stop.set()

    def _nearest(self, moment: float) -> Sample:
        return min(self.samples, key=lambda s: abs(s.at - moment))

    def split(self, start: float, end: float) -> dict[str, float] | None:
        """CPU seconds of each group between `start` and `end` (None without samples)."""
        if len(self.samples) < 2:
            return None
        first, last = self._nearest(start), self._nearest(end)
        if last.at <= first.at:
            return None
        used = {"platform": last.platform - first.platform,
                "postgresql": last.postgresql - first.postgresql,
                "locust": last.locust - first.locust}
        used["other"] = max(0.0, (last.busy - first.busy) - sum(used.values()))
        used["background"] = last.background - first.background  # within "platform"
        used["idle"] = last.idle - first.idle
        used["seconds"] = last.at - first.at
        return used


def settle(*, idle_share: float = 0.85, window: float = 5.0, longest: float = 180.0) -> dict:
    """Wait until the machine is quiet again, so a run does not measure work an earlier run
    left behind (the Celery worker's queue after a stress run, say). Quiet: at least
    `idle_share` of the cores idle over `window` seconds; at most `longest` seconds of
    waiting. Returns how long it waited and the idle share it saw last."""
    started = time.monotonic()
    while True:
        idle = psutil.cpu_times_percent(interval=window).idle / 100
        waited = time.monotonic() - started
        if idle >= idle_share or waited >= longest:
            return {"waited": waited, "idle": idle, "reference_ms": reference_ms()}


def _reference_work() -> int:
    found = {}
    for n in range(20_000):
        found[str(n)] = n * 2
    return sum(len(key) for key in found)


def reference_ms(times: int = 15) -> float:
    """How fast this machine runs Python right now: the median CPU time of a fixed piece of
    pure Python (dicts, strings, calls). The same code took 4.0 ms in one run and 5.3 ms an
    hour later on this machine (issue 12): the cores' speed varies, so a run's figures are
    reported with it, and runs compare only at a like reference."""
    spent = []
    for _ in range(times):
        started = time.process_time()
        _reference_work()
        spent.append((time.process_time() - started) * 1000)
    return sorted(spent)[times // 2]
