"""An exception inside a check must not become a mypy INTERNAL ERROR for users."""

from __future__ import annotations

import os
from pathlib import Path

from mypy_awaitcheck.guard import DEBUG_ENV
from tests.mypy_runner import run_mypy

BROKEN_PLUGIN = """\
from mypy_awaitcheck import awaited_sync, sync_inference
from mypy_awaitcheck.main import AwaitCheckPlugin


def explode(*args, **kwargs):
    raise RuntimeError("a bug in a check")


awaited_sync.AwaitedSyncCheck.check_call = explode
sync_inference.SyncReturnInference.record_module = explode


def plugin(version):
    return AwaitCheckPlugin
"""
APP = """\
def count() -> int:
    return 1


async def main() -> None:
    await count()
"""


def broken_project(tmp_path: Path) -> Path:
    (tmp_path / "broken_plugin.py").write_text(BROKEN_PLUGIN)
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = broken_plugin.py\n")
    return tmp_path


def test_a_failing_check_is_skipped_and_mypy_carries_on(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != DEBUG_ENV}
    run = run_mypy("app.py", cwd=broken_project(tmp_path), env=env)
    assert "INTERNAL ERROR" not in run.stdout + run.stderr
    assert [(f.line, f.code) for f in run.errors()] == [(6, "misc")]


def test_a_failing_module_index_leaves_mypy_its_own_findings(tmp_path: Path) -> None:
    project = broken_project(tmp_path)
    (project / "broken_plugin.py").write_text(
        BROKEN_PLUGIN.replace(
            "awaited_sync.AwaitedSyncCheck.check_call = explode\n"
            "sync_inference.SyncReturnInference.record_module = explode\n",
            "from mypy_awaitcheck import module_index\nmodule_index.build_index = explode\n",
        )
    )
    env = {key: value for key, value in os.environ.items() if key != DEBUG_ENV}
    run = run_mypy("app.py", cwd=project, env=env)
    assert "INTERNAL ERROR" not in run.stdout + run.stderr
    assert [(f.line, f.code) for f in run.errors()] == [(6, "misc")]


def test_debug_mode_surfaces_the_exception(tmp_path: Path) -> None:
    run = run_mypy("app.py", cwd=broken_project(tmp_path), env={**os.environ, DEBUG_ENV: "1"})
    assert "RuntimeError: a bug in a check" in run.stdout + run.stderr
