"""Run a parser over an untrusted file in a child process with a memory limit, a CPU limit
and a deadline (issue 14), so a hostile file (a decompression bomb, a billion-laughs
document, a parser that never ends) costs one short-lived process, never the web worker.

The script is run with `python -I` (isolated: no project path, no user site) after the
limits are set, as `__main__`, with the file on stdin; what it writes to stdout comes back.
It must therefore need nothing but the standard library and the packages it imports itself.
"""

import subprocess
import sys

# Sets the limits in the child itself (no preexec_fn, which is unsafe in a threaded worker),
# then runs the script as if it had been started directly.
_BOOTSTRAP = (
    "import resource, runpy, sys\n"
    "memory, cpu = int(sys.argv[1]), int(sys.argv[2])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (memory, memory))\n"
    "resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))\n"
    "sys.argv = sys.argv[3:]\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
)

# A real CV is read in well under a second and a few tens of MB; the deadline is wider than
# the CPU limit because a busy server shares its cores between requests.
MEMORY_BYTES = 512 * 1024 * 1024
CPU_SECONDS = 10
DEADLINE_SECONDS = 30


class ChildFailed(Exception):
    """The child ran out of time, memory or CPU, or failed otherwise; `reason` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def run_bounded(script: str, args: list[str], data: bytes, *, memory_bytes: int = MEMORY_BYTES,
                cpu_seconds: int = CPU_SECONDS,
                deadline_seconds: float = DEADLINE_SECONDS) -> bytes:
    """stdout of `python -I script *args` with `data` on stdin, or ChildFailed."""
    command = [sys.executable, "-I", "-c", _BOOTSTRAP, str(memory_bytes), str(cpu_seconds),
               script, *args]
    try:
        result = subprocess.run(command, input=data, capture_output=True,  # noqa: S603
                                timeout=deadline_seconds, check=False)
    except subprocess.TimeoutExpired as error:
        raise ChildFailed("deadline") from error
    except OSError as error:
        raise ChildFailed("not started") from error
    if result.returncode != 0:
        # -24 is SIGXCPU (the CPU limit); a MemoryError ends with 1.
        raise ChildFailed(f"exit {result.returncode}")
    return result.stdout
