"""The pass over unannotated bodies in the runs users make: parallel workers, the daemon.

A small project (services, handlers, pytest conftest and tests, all unannotated
where it matters; pytest is the real one, installed with the test dependencies) is
checked serially, with ``--num-workers``, cold and warm; and under ``dmypy``,
whose refresh rules for this pass are asserted exactly as the README documents.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

from tests.mypy_runner import MypyRun, run_mypy

TIMEOUT: Final = 300
SYNC_CALL: Final = "await-sync-call"

PROJECT: Final = {
    "mypy.ini": "[mypy]\nplugins = mypy_awaitcheck\n",
    "app/__init__.py": "",
    "app/services.py": """\
class Manager:
    def send(self, data) -> None: ...
class Sender:
    def send(self, data) -> None: ...
def get_manager(user) -> Manager:
    return Manager()
def make_sender():
    return Sender()
""",
    "app/handlers.py": """\
from app.services import get_manager, make_sender
async def handle(user):
    await get_manager(user)
class Handler:
    def __init__(self):
        self.sender = make_sender()
    async def send(self, data):
        await self.sender.send(data)
""",
    "tests/__init__.py": "",
    "tests/conftest.py": """\
import pytest
from app.services import Manager
@pytest.fixture
def manager():
    return Manager()
""",
    "tests/test_api.py": """\
async def test_send(manager):
    await manager.send(1)
""",
}
EXPECTED: Final = {
    ("app/handlers.py", 3),
    ("app/handlers.py", 8),
    ("tests/test_api.py", 2),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name, text in PROJECT.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def findings(run: MypyRun) -> set[tuple[str, int]]:
    assert run.stderr == "", run.stderr
    return {(f.path, f.line) for f in run.errors() if f.code == SYNC_CALL}


@pytest.mark.parametrize(
    "flags",
    [[], ["--num-workers", "2"]],
    ids=["serial", "parallel"],
)
def test_cold_and_warm_runs_report_the_same(project: Path, flags: list[str]) -> None:
    cache = ["--incremental", "--cache-dir", str(project / "cache")]
    cold = run_mypy(*cache, *flags, "app", "tests", cwd=project, timeout=TIMEOUT)
    assert findings(cold) == EXPECTED
    warm = run_mypy(*cache, *flags, "app", "tests", cwd=project, timeout=TIMEOUT)
    assert findings(warm) == EXPECTED
    # Only the test file changes: conftest and services come from the cache.
    test_file = project / "tests/test_api.py"
    test_file.write_text(test_file.read_text() + "    await manager.send(2)\n")
    edited = run_mypy(*cache, *flags, "app", "tests", cwd=project, timeout=TIMEOUT)
    assert findings(edited) == EXPECTED | {("tests/test_api.py", 3)}


def test_parallel_workers_without_cache_match_serial(project: Path) -> None:
    serial = run_mypy("app", "tests", cwd=project, timeout=TIMEOUT)
    parallel = run_mypy(
        "--num-workers", "2", "--cache-dir", str(project / "cache"), "app", "tests",
        cwd=project, timeout=TIMEOUT,
    )
    assert findings(serial) == findings(parallel) == EXPECTED


class Daemon:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.status = root / "dmypy.json"

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mypy.dmypy", "--status-file", str(self.status), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )

    def check(self) -> set[tuple[str, int]]:
        done = self.command("check", "app", "tests")
        return findings(MypyRun(done.returncode, done.stdout, done.stderr))


@pytest.fixture
def daemon(project: Path) -> Iterator[Daemon]:
    running = Daemon(project)
    started = running.command("start", "--", "--warn-unused-ignores")
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        yield running
    finally:
        running.command("stop")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_daemon_refresh_rules(project: Path, daemon: Daemon) -> None:
    services = project / "app/services.py"
    handlers = project / "app/handlers.py"
    in_handlers = {finding for finding in EXPECTED if finding[0] == "app/handlers.py"}
    # The first check is a full build: everything is reported, and stays while
    # nothing changes.
    assert daemon.check() == EXPECTED
    assert daemon.check() == EXPECTED
    # An update re-checks the edited file whole: its findings are recomputed. The
    # daemon re-derives every other error by re-checking single functions, which
    # cannot reproduce the pass's findings: those of other files are dropped.
    edit(handlers, "await get_manager(user)", "await get_manager(user)  # edited")
    assert daemon.check() == in_handlers
    # A dependency changes: only the edited dependency is checked whole.
    edit(services, "def get_manager", "async def get_manager")
    assert daemon.check() == set()
    # Editing the file again recomputes its findings against the current code.
    edit(handlers, "  # edited", "")
    assert daemon.check() == in_handlers - {("app/handlers.py", 3)}
    edit(services, "async def get_manager", "def get_manager")
    assert daemon.check() == set()
    edit(handlers, "await get_manager(user)", "await get_manager(user)  # edited")
    assert daemon.check() == in_handlers
    # A restart is a full build again.
    assert daemon.command("restart", "--", "--warn-unused-ignores").returncode == 0
    assert daemon.check() == EXPECTED


def test_daemon_keeps_ignore_comments_used_by_the_pass(project: Path, daemon: Daemon) -> None:
    handlers = project / "app/handlers.py"
    ignored = "await get_manager(user)  # type: ignore[await-sync-call]"
    edit(handlers, "await get_manager(user)", ignored)
    assert daemon.check() == EXPECTED - {("app/handlers.py", 3)}
    # The daemon generates unused-ignore errors before the pass runs, when it
    # re-checks an edited file: the comment must still count as used.
    edit(handlers, "await self.sender.send(data)", "await self.sender.send(data)  # edited")
    done = daemon.command("check", "app", "tests")
    assert "unused-ignore" not in done.stdout
    assert findings(MypyRun(done.returncode, done.stdout, done.stderr)) == {("app/handlers.py", 8)}
