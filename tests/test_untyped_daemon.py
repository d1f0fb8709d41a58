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
# Judged from another module's function bodies (make_sender, the conftest fixture).
# mypy's parallel mode checks a dependency's bodies concurrently with its
# dependents, so with --num-workers these may be missing (never wrong).
FROM_OTHER_BODIES: Final = {
    ("app/handlers.py", 8),
    ("tests/test_api.py", 2),
    ("tests/test_api.py", 3),
}


def assert_findings(found: set[tuple[str, int]], expected: set[tuple[str, int]], parallel: bool) -> None:
    if parallel:
        assert expected - FROM_OTHER_BODIES <= found <= expected
    else:
        assert found == expected


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
    parallel = bool(flags)
    cold = run_mypy(*cache, *flags, "app", "tests", cwd=project, timeout=TIMEOUT)
    assert_findings(findings(cold), EXPECTED, parallel)
    warm = run_mypy(*cache, *flags, "app", "tests", cwd=project, timeout=TIMEOUT)
    assert findings(warm) == findings(cold)
    # Only the test file changes: conftest and services come from the cache.
    test_file = project / "tests/test_api.py"
    test_file.write_text(test_file.read_text() + "    await manager.send(2)\n")
    edited = run_mypy(*cache, *flags, "app", "tests", cwd=project, timeout=TIMEOUT)
    assert_findings(findings(edited), EXPECTED | {("tests/test_api.py", 3)}, parallel)


def test_parallel_workers_without_cache_match_serial(project: Path) -> None:
    serial = run_mypy("app", "tests", cwd=project, timeout=TIMEOUT)
    parallel = run_mypy(
        "--num-workers", "2", "--cache-dir", str(project / "cache"), "app", "tests",
        cwd=project, timeout=TIMEOUT,
    )
    assert findings(serial) == EXPECTED
    assert_findings(findings(parallel), EXPECTED, parallel=True)


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
    tests = project / "tests/test_api.py"
    stale = ("app/handlers.py", 3)
    # The first check is a full build: everything is reported.
    assert daemon.check() == EXPECTED
    assert daemon.check() == EXPECTED
    # An edited file is checked whole again: its findings are recomputed; those of
    # the other files are kept (the daemon drops every error at an update).
    edit(handlers, "await get_manager(user)", "await get_manager(user)  # edited")
    assert daemon.check() == EXPECTED
    # A dependency changes: findings in files not edited stay as they were, even
    # when the change fixed them (get_manager is async now)...
    edit(services, "def get_manager", "async def get_manager")
    assert daemon.check() == EXPECTED
    # ...until their own file is edited.
    edit(handlers, "  # edited", "")
    assert daemon.check() == EXPECTED - {stale}
    # Nor does a dependency change bring a finding (sync again) before that edit.
    edit(services, "async def get_manager", "def get_manager")
    assert daemon.check() == EXPECTED - {stale}
    # Several files edited in one update: all of them are current.
    edit(handlers, "await get_manager(user)", "await get_manager(user)  # edited")
    edit(tests, "await manager.send(1)", "await manager.send(1)\n    manager.send(2)")
    assert daemon.check() == EXPECTED
    # A restart is a full build again.
    assert daemon.command("restart", "--", "--warn-unused-ignores").returncode == 0
    assert daemon.check() == EXPECTED


def test_daemon_checks_edits_with_the_new_tree(project: Path, daemon: Daemon) -> None:
    """The daemon merges a re-parsed module into the old one: nothing may go stale."""
    services = project / "app/services.py"
    tests = project / "tests/test_api.py"
    assert daemon.check() == EXPECTED
    edit(services, "class Manager:", "class Manager:\n    async def send_later(self, data): ...")
    assert daemon.check() == EXPECTED
    edit(tests, "await manager.send(1)", "await manager.send(1)\n    manager.send_later(2)")
    done = daemon.command("check", "app", "tests")
    assert 'tests/test_api.py:3: error: Coroutine of "manager.send_later" is discarded' in done.stdout


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
    assert findings(MypyRun(done.returncode, done.stdout, done.stderr)) == EXPECTED - {
        ("app/handlers.py", 3)
    }


def test_daemon_rejudges_an_unannotated_callee_whose_body_changed(
    project: Path, daemon: Daemon
) -> None:
    """Verdicts about unannotated callees are memoised per function: the daemon keeps
    the same FuncDef objects across edits, so an edited module's verdicts are redone."""
    (project / "app/caller.py").write_text(
        "from app.services import make_sender\n"
        "async def typed() -> None:\n"
        "    await make_sender()\n"
    )
    assert ("app/caller.py", 3) in daemon.check()
    # Now it returns a coroutine: awaiting its result is right.
    edit(project / "app/services.py", "    return Sender()", "    return send_later()")
    edit(project / "app/services.py", "def make_sender():", "async def send_later(): ...\ndef make_sender():")
    assert ("app/caller.py", 3) not in daemon.check()
