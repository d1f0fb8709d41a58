"""The coroutine checks in the runs users make: cold, warm (cache), and the daemon.

Whether a call gets a hook at all depends on what semantic analysis says about the
callee and about the call receiving it (``coroutine_positions``). These tests make
sure that this gating follows edits of the *other* module: a function that becomes
``async``, a parameter that becomes ``Any``. A stale gate would silently miss them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

from tests.mypy_runner import MypyRun, run_mypy
from tests.test_untyped_daemon import Daemon

TIMEOUT: Final = 300
SERVICES_SYNC: Final = """\
from typing import Any
def validate_health() -> bool:
    return True
def emit(payload: int) -> None: ...
"""
SERVICES_ASYNC: Final = """\
from typing import Any
async def validate_health() -> bool:
    return True
def emit(payload: Any) -> None: ...
"""
HANDLERS: Final = """\
from app.services import emit, validate_health
async def handler() -> None:
    if validate_health():
        print("ok")
def report(flag: bool) -> None:
    if flag:
        emit(validate_health())
"""
# With SERVICES_ASYNC: line 3 is a condition, line 7 an argument that takes anything.
EXPECTED_ASYNC: Final = {
    ("app/handlers.py", 3, "coroutine-as-value"),
    ("app/handlers.py", 7, "coroutine-as-value"),
}


def findings(run: MypyRun) -> set[tuple[str, int, str | None]]:
    assert "Traceback" not in run.stdout + run.stderr, run.stdout + run.stderr
    return {(f.path, f.line, f.code) for f in run.errors()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = mypy_awaitcheck\n")
    (tmp_path / "app/__init__.py").write_text("")
    (tmp_path / "app/services.py").write_text(SERVICES_SYNC)
    (tmp_path / "app/handlers.py").write_text(HANDLERS)
    return tmp_path


def test_warm_runs_follow_an_edited_dependency(project: Path) -> None:
    cache = ("--incremental", "--cache-dir", str(project / "cache"))
    assert findings(run_mypy(*cache, "app", cwd=project, timeout=TIMEOUT)) == set()
    (project / "app/services.py").write_text(SERVICES_ASYNC)
    assert findings(run_mypy(*cache, "app", cwd=project, timeout=TIMEOUT)) == EXPECTED_ASYNC
    assert findings(run_mypy(*cache, "app", cwd=project, timeout=TIMEOUT)) == EXPECTED_ASYNC
    (project / "app/services.py").write_text(SERVICES_SYNC)
    assert findings(run_mypy(*cache, "app", cwd=project, timeout=TIMEOUT)) == set()


def daemon_check(daemon: Daemon) -> set[tuple[str, int, str | None]]:
    done = daemon.command("check", "app")
    return findings(MypyRun(done.returncode, done.stdout, done.stderr))


@pytest.fixture
def daemon(project: Path) -> Iterator[Daemon]:
    running = Daemon(project)
    started = running.command("start")
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        yield running
    finally:
        running.command("stop")


def test_daemon_follows_an_edited_dependency(project: Path, daemon: Daemon) -> None:
    assert daemon_check(daemon) == set()
    (project / "app/services.py").write_text(SERVICES_ASYNC)
    assert daemon_check(daemon) == EXPECTED_ASYNC
    (project / "app/services.py").write_text(SERVICES_SYNC)
    assert daemon_check(daemon) == set()


def test_daemon_keeps_findings_while_their_module_is_rechecked_in_parts(
    project: Path, daemon: Daemon
) -> None:
    # Each update re-checks the functions that had errors, one by one, in a module
    # that was not parsed again: the plugin keeps that module's index through it.
    (project / "app/services.py").write_text(SERVICES_ASYNC)
    assert daemon_check(daemon) == EXPECTED_ASYNC
    (project / "app/services.py").write_text(SERVICES_ASYNC + "def extra() -> None: ...\n")
    assert daemon_check(daemon) == EXPECTED_ASYNC
    fixed = HANDLERS.replace("if validate_health():", "if await validate_health():")
    (project / "app/handlers.py").write_text(fixed)
    assert daemon_check(daemon) == {("app/handlers.py", 7, "coroutine-as-value")}
    (project / "app/services.py").write_text(SERVICES_ASYNC)
    assert daemon_check(daemon) == {("app/handlers.py", 7, "coroutine-as-value")}


def test_daemon_keeps_ignore_comments_used_by_findings_after_the_check(
    project: Path, daemon: Daemon
) -> None:
    assert daemon.command("restart", "--", "--warn-unused-ignores").returncode == 0
    (project / "app/services.py").write_text(SERVICES_ASYNC)
    handlers = project / "app/handlers.py"
    ignored = "if validate_health():  # type: ignore[coroutine-as-value]"
    handlers.write_text(HANDLERS.replace("if validate_health():", ignored))
    line_7 = {("app/handlers.py", 7, "coroutine-as-value")}
    assert daemon_check(daemon) == line_7
    # The daemon generates unused-ignore errors before the after-check of an edited
    # file: the comment must still count as used.
    handlers.write_text(handlers.read_text() + "# edited\n")
    done = daemon.command("check", "app")
    assert "unused-ignore" not in done.stdout, done.stdout
    assert findings(MypyRun(done.returncode, done.stdout, done.stderr)) == line_7
