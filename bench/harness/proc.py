"""Running mypy and dmypy, with CPU-time measurement.

- A mypy run's CPU time is the child's user+sys from ``os.wait4`` (exact for that one
  child, unaffected by anything else this process runs).
- dmypy's work happens in the daemon, which is not our child: its CPU time is read from
  the daemon's process CPU clock before and after each ``dmypy check``. That clock
  counts nanoseconds, all threads included; ``/proc/<pid>/stat`` counts 10 ms ticks,
  too coarse for a ~0.3 s recheck (0.32 s against 0.34 s is two ticks).
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from .layout import Variant


@dataclasses.dataclass
class RunResult:
    """Outcome of one process run: exit code, output, wall seconds, CPU seconds."""

    returncode: int
    stdout: str
    stderr: str
    wall: float
    cpu: float


def run_measured(cmd: list[str], cwd: Path) -> RunResult:
    """Run cmd to completion; reap it with wait4 to get its own rusage."""
    # Files rather than pipes: nothing to pump while we block in wait4.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped by wait4
        out.seek(0)
        err.seek(0)
        return RunResult(
            proc.returncode,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
            wall,
            usage.ru_utime + usage.ru_stime,
        )


def mypy_flags(variant: Variant, target_python: Path, cache_dir: str) -> list[str]:
    """The flags shared by mypy and dmypy runs of one variant (JSON lines output)."""
    return [
        "--config-file", str(variant.config),
        "--python-executable", str(target_python),
        "--cache-dir", cache_dir,
        "--output", "json",
    ]


def mypy_cmd(
    python: Path, variant: Variant, target_python: Path, cache_dir: str, files: list[str],
    *extra: str,
) -> list[str]:
    """Command line for one mypy run of one variant."""
    flags = mypy_flags(variant, target_python, cache_dir)
    return [str(python), "-m", "mypy", *flags, *extra, *files]


def process_cpu(pid: int) -> float:
    """CPU seconds (user+sys, all threads) used so far by a live process of this user."""
    # Linux's clock id for another process's CPU clock (CPUCLOCK_SCHED of ``pid``), the
    # one ``clock_getcpuclockid(3)`` returns, which Python does not expose.
    return time.clock_gettime(((~pid) << 3) | 2)


class Daemon:
    """One dmypy daemon for one variant, with its own status file and cache dir."""

    def __init__(
        self, python: Path, variant: Variant, target_python: Path, work_dir: Path, cwd: Path,
    ) -> None:
        self.python = python
        self.variant = variant
        self.target_python = target_python
        self.cwd = cwd
        self.status_file = work_dir / f"dmypy-{variant.name}.json"
        self.log_file = work_dir / f"dmypy-{variant.name}.log"
        self.cache_dir = work_dir / f"cache-dmypy-{variant.name}"
        self.pid: int | None = None

    def _client(self, *args: str) -> list[str]:
        return [str(self.python), "-m", "mypy.dmypy", "--status-file", str(self.status_file), *args]

    def start(self) -> RunResult:
        flags = mypy_flags(self.variant, self.target_python, str(self.cache_dir))
        result = run_measured(
            self._client("start", "--log-file", str(self.log_file), "--", *flags), self.cwd,
        )
        if result.returncode == 0:
            self.pid = int(json.loads(self.status_file.read_text())["pid"])
        return result

    def check(self, files: list[str]) -> tuple[RunResult, float]:
        """Run ``dmypy check``; return the client's result and the daemon's CPU seconds."""
        assert self.pid is not None, "daemon not started"
        before = process_cpu(self.pid)
        result = run_measured(self._client("check", *files), self.cwd)
        return result, process_cpu(self.pid) - before

    def stop(self) -> None:
        if self.status_file.exists():
            subprocess.run(self._client("stop"), cwd=self.cwd, capture_output=True)
        if self.status_file.exists():  # stop failed: the daemon is ours, end it
            subprocess.run(self._client("kill"), cwd=self.cwd, capture_output=True)
        self.pid = None
